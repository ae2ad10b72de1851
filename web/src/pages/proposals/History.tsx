// Every version of the proposal, newest first, each folded away in a <details> so the page stays short.
import type { ProposalDetails } from "../../api/types";
import { formatMoney, t } from "../../i18n/i18n";
import { Paragraphs } from "./Paragraphs";

export function History({ details }: { details: ProposalDetails }) {
  const newestFirst = [...details.history].sort((a, b) => b.number - a.number);
  return (
    <section aria-labelledby="history-title">
      <h2 id="history-title">{t("proposal.history")}</h2>
      <p>{details.history.length > 1 ? t("proposal.history.lead") : t("proposal.history.one")}</p>
      {newestFirst.map((revision, i) => (
        <details key={revision.number} class="revision">
          <summary>
            {t("proposal.history.version", { number: revision.number })}
            {i === 0 && ` (${t("proposal.history.current")})`}
          </summary>
          <h3>{revision.text.title}</h3>
          <p class="meta">
            <span>{formatMoney(revision.text.costCents)}</span>
            {revision.text.place && <span>{revision.text.place}</span>}
          </p>
          <Paragraphs text={revision.text.description} />
        </details>
      ))}
    </section>
  );
}
