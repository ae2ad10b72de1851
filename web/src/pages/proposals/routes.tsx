// The proposals pages, by route name (see app/router.ts).
import type { JSX } from "preact";
import type { Route } from "../../app/router";
import "./proposals.css";
import { EditProposalPage } from "./EditProposalPage";
import { NewProposalPage } from "./NewProposalPage";
import { ProposalPage } from "./ProposalPage";

export function proposalsPage(route: Route): JSX.Element | null {
  const { n, c, p } = route.params;
  switch (route.name) {
    case "newProposal":
      return <NewProposalPage key={`${n}/${c}`} n={n} c={c} />;
    case "proposal":
      return <ProposalPage key={`${n}/${c}/${p}`} n={n} c={c} p={p} />;
    case "editProposal":
      return <EditProposalPage key={`${n}/${c}/${p}`} n={n} c={c} p={p} />;
    default:
      return null;
  }
}
