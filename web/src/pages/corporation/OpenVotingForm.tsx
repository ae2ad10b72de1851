// Opening voting: the ballot design, the rule that picks the winners, whether a household may vote again, and
// what the public sees while voting runs. A confirmation says that all of it is frozen once voting opens; the
// page then shows the fingerprint (manifest hash) voters see.
import { useEffect, useRef, useState } from "preact/hooks";
import { api, cyclePaths } from "../../api/client";
import type { BallotKind, CycleAdministration, LiveDisclosure, RevotePolicy } from "../../api/types";
import { Field } from "../../components/Field";
import { t, type Key } from "../../i18n/i18n";
import { ConfirmAction } from "./ConfirmAction";
import { ChoiceGroup } from "./ChoiceGroup";
import { TextInput } from "./TextInput";
import { ruleName } from "./texts";
import { useAction } from "./useAction";
import { checkDraft, initialDraft, presetKey, rulePresets, voterText, type DesignDraft } from "./votingDesign";

const kinds: BallotKind[] = ["Approval", "Knapsack", "Cumulative", "Ranking"];
const revotes: RevotePolicy[] = ["LastBallotCounts", "FirstBallotIsFinal"];
const disclosures: LiveDisclosure[] = ["TurnoutOnly", "CountsPerProject", "ProvisionalAllocation"];

interface Props { n: string; c: string; budgetCents: number; onOpened: (next: CycleAdministration) => void }

export function OpenVotingForm({ n, c, budgetCents, onOpened }: Props) {
  const [draft, setDraft] = useState<DesignDraft>(() => initialDraft(budgetCents));
  const [attempts, setAttempts] = useState(0);
  const action = useAction();
  const checked = checkDraft(draft);
  const shown = attempts > 0;
  const errors = shown ? checked.errors : {};
  const summary = useRef<HTMLDivElement>(null);
  const change = <K extends keyof DesignDraft>(key: K) => (value: DesignDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const invalid = Object.keys(checked.errors).length > 0;
  useEffect(() => {
    if (shown && invalid) summary.current?.focus();
  }, [attempts]);

  const open = async () => {
    if (!checked.ballot) return false;
    const next = await action.run(() =>
      api.post<CycleAdministration>(cyclePaths(n, c).openVoting, {
        ballot: checked.ballot,
        rule: checked.rule,
        revote: draft.revote,
        live: { disclosure: draft.disclosure, minimumTurnout: checked.minimumTurnout },
      }),
    );
    if (next) onOpened(next);
    return !!next;
  };

  return (
    <form class="open-voting" onSubmit={(e) => e.preventDefault()} noValidate aria-labelledby="open-voting-title">
      <h3 id="open-voting-title">{t("corporation.open.title")}</h3>
      <p>{t("corporation.open.lead")}</p>
      <ChoiceGroup id="open-kind" legend={t("corporation.open.kind")} options={kinds} value={draft.kind} onChange={change("kind")}
        label={(k) => t(`corporation.open.kind.${k}` as Key)} hint={(k) => t(`corporation.open.kindHint.${k}` as Key)} />
      <fieldset class="plain-fieldset">
        <legend>{t("corporation.open.limits")}</legend>
        {draft.kind !== "Cumulative" && (
          <>
            <Field id="open-min" label={t(draft.kind === "Ranking" ? "corporation.open.minRanked" : "corporation.open.min")} error={errors.minProjects}>
              {(a) => <TextInput a={a} value={draft.minProjects} onInput={change("minProjects")} inputMode="numeric" class="amount-input" />}
            </Field>
            <Field id="open-max" label={t(draft.kind === "Ranking" ? "corporation.open.maxRanked" : "corporation.open.max")}
              hint={draft.kind === "Ranking" ? undefined : t("corporation.open.maxHint")} error={errors.maxProjects}>
              {(a) => <TextInput a={a} value={draft.maxProjects} onInput={change("maxProjects")} inputMode="numeric" class="amount-input" />}
            </Field>
          </>
        )}
        {draft.kind === "Knapsack" && (
          <Field id="open-limit" label={t("corporation.open.spendingLimit")} hint={t("corporation.open.spendingLimitHint")} error={errors.spendingLimit}>
            {(a) => <TextInput a={a} value={draft.spendingLimit} onInput={change("spendingLimit")} inputMode="decimal" class="amount-input" />}
          </Field>
        )}
        {draft.kind === "Cumulative" && (
          <>
            <Field id="open-points" label={t("corporation.open.points")} error={errors.points}>
              {(a) => <TextInput a={a} value={draft.points} onInput={change("points")} inputMode="numeric" class="amount-input" />}
            </Field>
            <Field id="open-cap" label={t("corporation.open.cap")} hint={t("corporation.open.capHint")} error={errors.maxPointsPerProject}>
              {(a) => <TextInput a={a} value={draft.maxPointsPerProject} onInput={change("maxPointsPerProject")} inputMode="numeric" class="amount-input" />}
            </Field>
            <div class="choice">
              <input type="checkbox" id="open-all-points" checked={draft.mustUseAllPoints} onChange={(e) => change("mustUseAllPoints")((e.target as HTMLInputElement).checked)} />
              <label for="open-all-points">{t("corporation.open.mustUseAll")}</label>
            </div>
          </>
        )}
      </fieldset>
      <Field id="open-rule" label={t("corporation.open.rule")} hint={t("corporation.open.ruleHint")} error={errors.rule}>
        {(a) => (
          <select {...a} value={draft.rule} onChange={(e) => change("rule")((e.target as HTMLSelectElement).value)}>
            {rulePresets.map((r) => (
              <option key={presetKey(r)} value={presetKey(r)}>
                {ruleName(r)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <ChoiceGroup id="open-revote" legend={t("corporation.open.revote")} options={revotes} value={draft.revote} onChange={change("revote")}
        label={(r) => t(`corporation.open.revote.${r}` as Key)} />
      <ChoiceGroup id="open-live" legend={t("corporation.open.live")} options={disclosures} value={draft.disclosure} onChange={change("disclosure")}
        label={(l) => t(`corporation.open.live.${l}` as Key)} />
      {draft.disclosure !== "TurnoutOnly" && (
        <Field id="open-min-turnout" label={t("corporation.open.minimumTurnout")} hint={t("corporation.open.minimumTurnoutHint")} error={errors.minimumTurnout}>
          {(a) => <TextInput a={a} value={draft.minimumTurnout} onInput={change("minimumTurnout")} inputMode="numeric" class="amount-input" />}
        </Field>
      )}
      <div ref={summary} tabIndex={-1}>
        {shown && invalid && (
          <p class="problem" role="alert">
            {t("corporation.open.fixFirst")}
          </p>
        )}
      </div>
      <ConfirmAction
        id="open-voting-confirm"
        kind="primary"
        action={action}
        onConfirm={open}
        beforeAsk={() => {
          setAttempts((a) => a + 1);
          return !invalid;
        }}
        ask={t("corporation.open.ask")}
        confirm={t("corporation.open.confirm")}
        explain={
          checked.ballot && (
            <>
              <p>
                <strong>{t("corporation.open.frozen")}</strong>
              </p>
              <ul>
                <li>{t("corporation.open.summary.ballot", { text: voterText(checked.ballot, budgetCents) })}</li>
                <li>{t("corporation.open.summary.rule", { rule: ruleName(checked.rule) })}</li>
                <li>{t(`corporation.open.revote.${draft.revote}`)}</li>
                <li>{t(`corporation.open.live.${draft.disclosure}`)}</li>
              </ul>
              <p>{t("corporation.open.projects")}</p>
            </>
          )
        }
      />
    </form>
  );
}
