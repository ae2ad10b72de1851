// Planning a round: the moment each later phase starts. The server makes each move at its time exactly as pressing
// the button then would; a planned start of voting carries the voting rules, checked now and frozen when it opens.
// Empty fields are steps the administrator makes by hand.
import { useState } from "preact/hooks";
import { api, cyclePaths } from "../../api/client";
import type { CycleAdministration, CyclePhase } from "../../api/types";
import { Field } from "../../components/Field";
import { BusyButton } from "../../components/BusyButton";
import { phaseName, phaseOrder } from "../../components/Phase";
import { ProblemMessage } from "../../components/Problem";
import { formatDateTime, t } from "../../i18n/i18n";
import { Status } from "./Status";
import { useAction } from "./useAction";
import { VotingDesignFields } from "./VotingDesignFields";
import { checkDraft, initialDraft, type DesignDraft } from "./votingDesign";

interface Props { n: string; c: string; admin: CycleAdministration; onSaved: () => void }

/** `datetime-local` speaks local time without a zone; the API wants an instant. */
const toLocalInput = (iso: string) => {
  const d = new Date(iso);
  const pad = (x: number) => String(x).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
};

export function SchedulePlanner({ n, c, admin, onSaved }: Props) {
  const now = phaseOrder.indexOf(admin.cycle.phase);
  const later = phaseOrder.filter((p, i) => i > now && p !== "Draft");
  const [when, setWhen] = useState<Partial<Record<CyclePhase, string>>>(() =>
    Object.fromEntries(admin.schedule.filter((s) => s.status === "Pending").map((s) => [s.phase, toLocalInput(s.startsAt)])),
  );
  const [draft, setDraft] = useState<DesignDraft>(() => initialDraft(admin.cycle.budgetCents));
  const [errors, setErrors] = useState<Partial<Record<CyclePhase, string>>>({});
  const [tried, setTried] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const action = useAction();
  const checked = checkDraft(draft);
  const opensVoting = !!when.Voting?.trim();
  const change = <K extends keyof DesignDraft>(key: K) => (value: DesignDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  const save = async (event: Event) => {
    event.preventDefault();
    setTried(true);
    setSaved(null);
    const found: Partial<Record<CyclePhase, string>> = {};
    const steps: { phase: CyclePhase; startsAt: string }[] = [];
    let previous = Date.now();
    for (const phase of later) {
      const text = when[phase]?.trim();
      if (!text) continue;
      const at = new Date(text).getTime();
      if (Number.isNaN(at)) found[phase] = t("corporation.plan.invalid");
      else if (at <= Date.now()) found[phase] = t("corporation.plan.past");
      else if (at <= previous) found[phase] = t("corporation.plan.order");
      else {
        steps.push({ phase, startsAt: new Date(at).toISOString() });
        previous = at;
      }
    }
    setErrors(found);
    if (Object.keys(found).length > 0 || (opensVoting && !checked.ballot)) return;
    const voting = opensVoting
      ? { ballot: checked.ballot, rule: checked.rule, revote: draft.revote, live: { disclosure: draft.disclosure, minimumTurnout: checked.minimumTurnout } }
      : null;
    if (await action.run(() => api.put(cyclePaths(n, c).schedule, { steps, voting }))) {
      setSaved(steps.length > 0 ? t("corporation.plan.saved") : t("corporation.plan.cleared"));
      onSaved();
    }
  };

  const refused = admin.schedule.filter((s) => s.status === "Refused");
  return (
    <form onSubmit={save} noValidate>
      <p>{t("corporation.plan.lead")}</p>
      {refused.map((s) => (
        <p class="notice" key={`${s.phase}-${s.startsAt}`}>
          {t("corporation.plan.refused", { phase: phaseName(s.phase), date: formatDateTime(s.startsAt), reason: s.outcome ?? "" })}
        </p>
      ))}
      {later.map((phase) => (
        <Field key={phase} id={`plan-${phase}`} label={t("corporation.plan.at", { phase: phaseName(phase) })} error={tried ? errors[phase] : null}>
          {(a) => (
            <input {...a} type="datetime-local" value={when[phase] ?? ""} onInput={(e) => setWhen((w) => ({ ...w, [phase]: (e.target as HTMLInputElement).value }))} />
          )}
        </Field>
      ))}
      {opensVoting && (
        <fieldset class="plain-fieldset">
          <legend>{t("corporation.plan.votingRules")}</legend>
          <p class="hint">{t("corporation.plan.votingRulesLead")}</p>
          <VotingDesignFields id="plan" draft={draft} change={change} errors={tried ? checked.errors : {}} />
        </fieldset>
      )}
      <ProblemMessage problem={action.problem} id="plan-problem" />
      <BusyButton busy={action.busy} describedBy={action.problem ? "plan-problem" : undefined}>
        {t("corporation.plan.submit")}
      </BusyButton>
      <Status>{saved}</Status>
    </form>
  );
}
