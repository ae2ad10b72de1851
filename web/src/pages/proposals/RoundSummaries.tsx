// The deliberation rounds that covered this proposal: their question, and the summary once a round closed.
import type { DeliberationRound } from "../../api/types";
import { formatDateTime, t } from "../../i18n/i18n";
import { Paragraphs } from "./Paragraphs";

export function RoundSummaries({ rounds, proposalId }: { rounds: DeliberationRound[]; proposalId: string }) {
  const covering = rounds.filter((r) => r.proposalIds.includes(proposalId));
  if (covering.length === 0) return null;
  return (
    <section aria-labelledby="rounds-title">
      <h2 id="rounds-title">{t("proposal.rounds")}</h2>
      <ul class="card-list single">
        {covering.map((round) => (
          <li key={round.number} class="card">
            <h3>{round.question}</h3>
            <p class="meta">
              {round.closedAt ? t("rounds.closedAt", { at: formatDateTime(round.closedAt) }) : t("rounds.closesAt", { at: formatDateTime(round.closesAt) })}
            </p>
            {round.summary ? (
              <div class="summary">
                <p class="summary-label">{t("proposal.rounds.summary")}</p>
                <Paragraphs text={round.summary} />
              </div>
            ) : (
              <p>{t("proposal.rounds.open")}</p>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
