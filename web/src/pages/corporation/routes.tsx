// The corporation pages, by route name (see app/router.ts).
import type { JSX } from "preact";
import type { Route } from "../../app/router";

export function corporationPage(route: Route): JSX.Element | null {
  switch (route.name) {
    default:
      return null;
  }
}
