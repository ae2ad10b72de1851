// The public moderation log of a proposal's discussion: what was hidden or restored, by whom, when and why.
import type { ApiProblem } from "../../../api/client";
import type { ModerationLogEntry } from "../../../api/types";
import { ProblemMessage } from "../../../components/Problem";
import { formatDateTime, t } from "../../../i18n/i18n";

export function ModerationLog({ entries, problem }: { entries: ModerationLogEntry[] | undefined; problem: ApiProblem | null }) {
  return (
    <details class="moderation-log">
      <summary>{t("proposal.log.title")}</summary>
      <ProblemMessage problem={problem} />
      {entries && entries.length === 0 && <p>{t("proposal.log.none")}</p>}
      {entries && entries.length > 0 && (
        <ol>
          {entries.map((entry, i) => (
            <li key={i}>
              {t(entry.action === "hidden" ? "proposal.log.hidden" : "proposal.log.restored", {
                number: entry.comment,
                by: entry.by === "residents' flags" ? t("proposal.log.byFlags") : entry.by,
                at: formatDateTime(entry.at),
              })}{" "}
              <q>{entry.reason}</q>
            </li>
          ))}
        </ol>
      )}
    </details>
  );
}
