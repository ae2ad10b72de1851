// Opening a round: a question or theme, the proposals it covers, and when it closes (at most 60 days ahead).
import { useState } from "preact/hooks";
import { api, cyclePaths } from "../../api/client";
import type { ProposalSummary } from "../../api/types";
import { BusyButton } from "../../components/BusyButton";
import { Field } from "../../components/Field";
import { describe } from "../../components/Problem";
import { t } from "../../i18n/i18n";
import { useAction } from "../proposals/useAction";

const longestDays = 60;
const day = 24 * 60 * 60 * 1000;

/** "2026-05-01T18:00" in the browser's own time zone, as datetime-local inputs want it. */
function localInput(date: Date): string {
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}

export function OpenRoundForm({ n, c, proposals, onOpened }: { n: string; c: string; proposals: ProposalSummary[]; onOpened: () => void }) {
  const [question, setQuestion] = useState("");
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [closesAt, setClosesAt] = useState(() => localInput(new Date(Date.now() + 7 * day)));
  const [errors, setErrors] = useState<{ question?: string; proposals?: string; closesAt?: string }>({});
  const { busy, problem, run } = useAction();

  const toggle = (id: string) => {
    const next = new Set(chosen);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setChosen(next);
  };
  const submit = async (event: Event) => {
    event.preventDefault();
    const when = new Date(closesAt);
    const found = {
      question: question.trim().length < 3 || question.trim().length > 500 ? t("moderation.rounds.questionLength") : undefined,
      proposals: chosen.size === 0 ? t("moderation.rounds.chooseProposals") : undefined,
      closesAt: Number.isNaN(when.getTime()) || when.getTime() <= Date.now() || when.getTime() > Date.now() + longestDays * day
        ? t("moderation.rounds.closesAtRange", { days: longestDays })
        : undefined,
    };
    setErrors(found);
    const first = found.question ? "round-question" : found.proposals ? "round-proposals" : found.closesAt ? "round-closes-at" : null;
    if (first) {
      document.getElementById(first)?.focus();
      return;
    }
    const ok = await run(() => api.post(cyclePaths(n, c).rounds, { question: question.trim(), proposalIds: [...chosen], closesAt: when.toISOString() }));
    if (ok) {
      setQuestion("");
      setChosen(new Set());
      onOpened();
    }
  };
  return (
    <form onSubmit={submit} noValidate>
      <Field id="round-question" label={t("moderation.rounds.question")} hint={t("moderation.rounds.questionHint")} error={errors.question}>
        {(a) => <textarea {...a} rows={2} maxLength={500} value={question} onInput={(e) => setQuestion((e.target as HTMLTextAreaElement).value)} />}
      </Field>
      <fieldset class={errors.proposals ? "field choices field-invalid" : "field choices"} id="round-proposals" tabIndex={-1} aria-describedby={errors.proposals ? "round-proposals-error" : undefined}>
        <legend>{t("moderation.rounds.proposals")}</legend>
        {proposals.length === 0 ? (
          <p>{t("moderation.rounds.noProposals")}</p>
        ) : (
          <ul>
            {proposals.map((p) => (
              <li key={p.proposalId}>
                <input type="checkbox" id={`round-p-${p.proposalId}`} checked={chosen.has(p.proposalId)} onChange={() => toggle(p.proposalId)} />
                <label for={`round-p-${p.proposalId}`}>{p.title}</label>
              </li>
            ))}
          </ul>
        )}
        {errors.proposals && (
          <p class="field-error" id="round-proposals-error">
            {errors.proposals}
          </p>
        )}
      </fieldset>
      <Field id="round-closes-at" label={t("moderation.rounds.closesAt")} hint={t("moderation.rounds.closesAtHint", { days: longestDays })} error={errors.closesAt}>
        {(a) => <input {...a} type="datetime-local" value={closesAt} onInput={(e) => setClosesAt((e.target as HTMLInputElement).value)} />}
      </Field>
      {problem && (
        <p class="problem" role="alert" id="round-problem">
          {describe(problem)}
        </p>
      )}
      <BusyButton busy={busy} describedBy={problem ? "round-problem" : undefined}>
        {t("moderation.rounds.openButton")}
      </BusyButton>
    </form>
  );
}
