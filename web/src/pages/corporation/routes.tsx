// The corporation pages, by route name (see app/router.ts).
import type { JSX } from "preact";
import type { Route } from "../../app/router";
import { CorporationPage } from "./CorporationPage";
import { CycleAdministrationPage } from "./CycleAdministrationPage";
import { ImplementationPage } from "./ImplementationPage";
import { NewCyclePage } from "./NewCyclePage";
import { OperatorPage } from "./OperatorPage";
import { PaperBallotsPage } from "./PaperBallotsPage";
import { ReviewPage } from "./ReviewPage";
import { SimulationPage } from "./SimulationPage";
import { StaffHomePage } from "./StaffHomePage";
import { VotingCodesPage } from "./VotingCodesPage";
import "./corporation.css";

export function corporationPage(route: Route): JSX.Element | null {
  const { n, c, corporation } = route.params;
  const key = `${n}/${c}`;
  switch (route.name) {
    case "staff":
      return <StaffHomePage />;
    case "operator":
      return <OperatorPage />;
    case "corporation":
      return <CorporationPage key={corporation} corporationId={corporation} />;
    case "newCycle":
      return <NewCyclePage key={n} n={n} />;
    case "cycleAdministration":
      return <CycleAdministrationPage key={key} n={n} c={c} />;
    case "review":
      return <ReviewPage key={key} n={n} c={c} />;
    case "votingCodes":
      return <VotingCodesPage key={key} n={n} c={c} />;
    case "simulation":
      return <SimulationPage key={key} n={n} c={c} />;
    case "implementation":
      return <ImplementationPage key={key} n={n} c={c} />;
    case "paperBallots":
      return <PaperBallotsPage key={key} n={n} c={c} />;
    default:
      return null;
  }
}
