// The moderator pages, by route name (see app/router.ts).
import type { JSX } from "preact";
import type { Route } from "../../app/router";
import "./moderator.css";
import { ModerationPage } from "./ModerationPage";
import { RoundsPage } from "./RoundsPage";

export function moderatorPage(route: Route): JSX.Element | null {
  const { n, c } = route.params;
  switch (route.name) {
    case "moderation":
      return <ModerationPage key={`${n}/${c}`} n={n} c={c} />;
    case "rounds":
      return <RoundsPage key={`${n}/${c}`} n={n} c={c} />;
    default:
      return null;
  }
}
