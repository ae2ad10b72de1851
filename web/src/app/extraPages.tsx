// Pages of the other parts of the app, each part with its own route switch.
import type { JSX } from "preact";
import type { Route } from "./router";
import { corporationPage } from "../pages/corporation/routes";
import { moderatorPage } from "../pages/moderator/routes";
import { proposalsPage } from "../pages/proposals/routes";

export function extraPages(route: Route): JSX.Element | null {
  return proposalsPage(route) ?? moderatorPage(route) ?? corporationPage(route);
}
