// Which page each address shows.
import type { JSX } from "preact";
import type { Route } from "./router";
import { HomePage } from "../pages/resident/HomePage";
import { SignInPage } from "../pages/resident/SignInPage";
import { NeighbourhoodPage } from "../pages/resident/NeighbourhoodPage";
import { CyclePage } from "../pages/resident/CyclePage";
import { BallotPage } from "../pages/resident/BallotPage";
import { ResultsPage } from "../pages/resident/ResultsPage";
import { CheckReceiptPage } from "../pages/resident/CheckReceiptPage";
import { NotFoundPage } from "../pages/resident/NotFoundPage";
import { extraPages } from "./extraPages";

export function pageFor(route: Route): JSX.Element {
  const { n, c } = route.params;
  switch (route.name) {
    case "home":
      return <HomePage />;
    case "signIn":
      return <SignInPage neighbourhood={route.query.get("neighbourhood")} returnUrl={route.query.get("returnUrl")} />;
    case "neighbourhood":
      return <NeighbourhoodPage key={n} n={n} />;
    case "cycle":
      return <CyclePage key={`${n}/${c}`} n={n} c={c} />;
    case "ballot":
      return <BallotPage key={`${n}/${c}`} n={n} c={c} />;
    case "results":
      return <ResultsPage key={`${n}/${c}`} n={n} c={c} />;
    case "checkReceipt":
      return <CheckReceiptPage key={`${n}/${c}`} n={n} c={c} receipt={route.query.get("receipt")} />;
    default:
      return extraPages(route) ?? <NotFoundPage />;
  }
}
