// Pages for proposals, moderators and corporations (filled in as those parts land).
import type { JSX } from "preact";
import type { Route } from "./router";

export function extraPages(_route: Route): JSX.Element | null {
  return null;
}
