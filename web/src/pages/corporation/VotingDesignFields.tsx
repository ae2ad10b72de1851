// The rules a vote runs by: the ballot design, the rule that picks the winners, whether a household may vote
// again, and what the public sees while voting runs. Used when voting opens now and when a schedule opens it later;
// `id` keeps the two forms' fields apart when both are on one page.
import type { BallotKind, LiveDisclosure, RevotePolicy } from "../../api/types";
import { Field } from "../../components/Field";
import { t, type Key } from "../../i18n/i18n";
import { ChoiceGroup } from "./ChoiceGroup";
import { TextInput } from "./TextInput";
import { ruleName } from "./texts";
import { presetKey, rulePresets, type DesignDraft } from "./votingDesign";

const kinds: BallotKind[] = ["Approval", "Knapsack", "Cumulative", "Ranking"];
const revotes: RevotePolicy[] = ["LastBallotCounts", "FirstBallotIsFinal"];
const disclosures: LiveDisclosure[] = ["TurnoutOnly", "CountsPerProject", "ProvisionalAllocation"];

interface Props {
  id: string;
  draft: DesignDraft;
  change: <K extends keyof DesignDraft>(key: K) => (value: DesignDraft[K]) => void;
  errors: Partial<Record<string, string>>;
}

export function VotingDesignFields({ id, draft, change, errors }: Props) {
  return (
    <>
        <ChoiceGroup id={`${id}-kind`} legend={t("corporation.open.kind")} options={kinds} value={draft.kind} onChange={change("kind")}
          label={(k) => t(`corporation.open.kind.${k}` as Key)} hint={(k) => t(`corporation.open.kindHint.${k}` as Key)} />
        <fieldset class="plain-fieldset">
          <legend>{t("corporation.open.limits")}</legend>
          {draft.kind !== "Cumulative" && (
            <>
              <Field id={`${id}-min`} label={t(draft.kind === "Ranking" ? "corporation.open.minRanked" : "corporation.open.min")} error={errors.minProjects}>
                {(a) => <TextInput a={a} value={draft.minProjects} onInput={change("minProjects")} inputMode="numeric" class="amount-input" />}
              </Field>
              <Field id={`${id}-max`} label={t(draft.kind === "Ranking" ? "corporation.open.maxRanked" : "corporation.open.max")}
                hint={draft.kind === "Ranking" ? undefined : t("corporation.open.maxHint")} error={errors.maxProjects}>
                {(a) => <TextInput a={a} value={draft.maxProjects} onInput={change("maxProjects")} inputMode="numeric" class="amount-input" />}
              </Field>
            </>
          )}
          {draft.kind === "Knapsack" && (
            <Field id={`${id}-limit`} label={t("corporation.open.spendingLimit")} hint={t("corporation.open.spendingLimitHint")} error={errors.spendingLimit}>
              {(a) => <TextInput a={a} value={draft.spendingLimit} onInput={change("spendingLimit")} inputMode="decimal" class="amount-input" />}
            </Field>
          )}
          {draft.kind === "Cumulative" && (
            <>
              <Field id={`${id}-points`} label={t("corporation.open.points")} error={errors.points}>
                {(a) => <TextInput a={a} value={draft.points} onInput={change("points")} inputMode="numeric" class="amount-input" />}
              </Field>
              <Field id={`${id}-cap`} label={t("corporation.open.cap")} hint={t("corporation.open.capHint")} error={errors.maxPointsPerProject}>
                {(a) => <TextInput a={a} value={draft.maxPointsPerProject} onInput={change("maxPointsPerProject")} inputMode="numeric" class="amount-input" />}
              </Field>
              <div class="choice">
                <input type="checkbox" id={`${id}-all-points`} checked={draft.mustUseAllPoints} onChange={(e) => change("mustUseAllPoints")((e.target as HTMLInputElement).checked)} />
                <label for={`${id}-all-points`}>{t("corporation.open.mustUseAll")}</label>
              </div>
            </>
          )}
        </fieldset>
        <Field id={`${id}-rule`} label={t("corporation.open.rule")} hint={t("corporation.open.ruleHint")} error={errors.rule}>
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
        <ChoiceGroup id={`${id}-revote`} legend={t("corporation.open.revote")} options={revotes} value={draft.revote} onChange={change("revote")}
          label={(r) => t(`corporation.open.revote.${r}` as Key)} />
        <ChoiceGroup id={`${id}-live`} legend={t("corporation.open.live")} options={disclosures} value={draft.disclosure} onChange={change("disclosure")}
          label={(l) => t(`corporation.open.live.${l}` as Key)} />
        {draft.disclosure !== "TurnoutOnly" && (
          <Field id={`${id}-min-turnout`} label={t("corporation.open.minimumTurnout")} hint={t("corporation.open.minimumTurnoutHint")} error={errors.minimumTurnout}>
            {(a) => <TextInput a={a} value={draft.minimumTurnout} onInput={change("minimumTurnout")} inputMode="numeric" class="amount-input" />}
          </Field>
        )}
    </>
  );
}
