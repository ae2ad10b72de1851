// The proposals of a cycle as a list residents can scan: title, cost, category, place, support and offers of help,
// and the number of its pin when it is on the map (pins are numbered in list order).
import type { ProposalSummary } from "../api/types";
import { href } from "../app/router";
import { formatMoney, t, tn } from "../i18n/i18n";

export function ProposalList({ n, c, proposals }: { n: string; c: string; proposals: ProposalSummary[] }) {
  if (proposals.length === 0) return <p>{t("proposals.none")}</p>;
  return (
    <ul class="card-list proposals">
      {proposals.map((p, i) => (
        <li key={p.proposalId} class="card">
          <h3>
            <a href={href("proposal", { n, c, p: p.proposalId })}>{p.title}</a>
          </h3>
          <p class="meta">
            <span>{formatMoney(p.costCents)}</span>
            {p.category && <span>{t("proposals.category", { category: p.category })}</span>}
            {p.place && <span>{p.place}</span>}
            {p.point && <span>{t("proposals.onMap", { number: i + 1 })}</span>}
            <span>{tn("proposals.supporters", p.supporters)}</span>
            {p.pledges > 0 && <span>{tn("proposals.pledges", p.pledges)}</span>}
          </p>
          {p.status !== "Open" && <p class="badge">{t(p.status === "Withdrawn" ? "proposals.withdrawn" : "proposals.merged")}</p>}
          {p.status === "Open" && p.goesForward && <p class="badge badge-good">{t("proposals.goesForward")}</p>}
        </li>
      ))}
    </ul>
  );
}
