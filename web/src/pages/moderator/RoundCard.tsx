// One round: its question, what it covers, when it closes, and its summary, or the form that closes it.
import { useState } from "preact/hooks";
import { api, cyclePaths } from "../../api/client";
import type { DeliberationRound } from "../../api/types";
import { href } from "../../app/router";
import { BusyButton } from "../../components/BusyButton";
import { Field } from "../../components/Field";
import { describe } from "../../components/Problem";
import { formatDateTime, t } from "../../i18n/i18n";
import { Paragraphs } from "../proposals/Paragraphs";
import { useAction } from "../proposals/useAction";

interface Props {
  n: string;
  c: string;
  round: DeliberationRound;
  titles: Map<string, string>;
  onClosed: () => void;
}

const maxSummary = 5000;

export function RoundCard({ n, c, round, titles, onClosed }: Props) {
  const [summary, setSummary] = useState("");
  const [error, setError] = useState<string | null>(null);
  const { busy, problem, run } = useAction();
  const id = `round-${round.number}-summary`;
  const close = async (event: Event) => {
    event.preventDefault();
    const text = summary.trim();
    if (text.length < 3 || text.length > maxSummary) {
      setError(t("moderation.rounds.summaryLength", { max: maxSummary }));
      document.getElementById(id)?.focus();
      return;
    }
    setError(null);
    if (await run(() => api.post(`${cyclePaths(n, c).rounds}/${round.number}/close`, { summary: text }))) onClosed();
  };
  return (
    <li class="card">
      <h3>
        {t("moderation.rounds.number", { number: round.number })}: {round.question}
      </h3>
      <p class="meta">
        <span>{t("moderation.rounds.openedAt", { at: formatDateTime(round.openedAt) })}</span>
        <span>{round.closedAt ? t("rounds.closedAt", { at: formatDateTime(round.closedAt) }) : t("rounds.closesAt", { at: formatDateTime(round.closesAt) })}</span>
      </p>
      <p>{t("moderation.rounds.covers")}</p>
      <ul>
        {round.proposalIds.map((p) => (
          <li key={p}>
            <a href={href("proposal", { n, c, p })}>{titles.get(p) ?? p}</a>
          </li>
        ))}
      </ul>
      {round.summary ? (
        <div class="summary">
          <h4>{t("moderation.rounds.summary")}</h4>
          <Paragraphs text={round.summary} />
        </div>
      ) : (
        <form onSubmit={close} noValidate>
          <Field id={id} label={t("moderation.rounds.summaryLabel", { number: round.number })} hint={t("moderation.rounds.summaryHint")} error={error ?? (problem ? describe(problem) : null)}>
            {(a) => <textarea {...a} rows={4} maxLength={maxSummary} value={summary} onInput={(e) => setSummary((e.target as HTMLTextAreaElement).value)} />}
          </Field>
          <BusyButton busy={busy}>
            {t("moderation.rounds.close")}
            <span class="visually-hidden"> {t("moderation.rounds.number", { number: round.number })}</span>
          </BusyButton>
        </form>
      )}
    </li>
  );
}
