// The rules for proposals in a round: the least and most a proposal may cost, and how many households must
// support it before it goes on to the review. Amounts are typed in euros and sent in cents.
import { useState } from "preact/hooks";
import { api, cyclePaths } from "../../api/client";
import type { ProposalRules } from "../../api/types";
import { useLoad } from "../../app/useLoad";
import { BusyButton } from "../../components/BusyButton";
import { Field } from "../../components/Field";
import { Loading, ProblemMessage } from "../../components/Problem";
import { formatMoney, t } from "../../i18n/i18n";
import { eurosText, parseEuros } from "./money";
import { Status } from "./Status";
import { TextInput } from "./TextInput";
import { useAction } from "./useAction";

interface Props { n: string; c: string; budgetCents: number; submitLabel?: string; onSaved?: (rules: ProposalRules) => void }

export function ProposalRulesForm(props: Props) {
  const rules = useLoad((signal) => api.get<ProposalRules>(cyclePaths(props.n, props.c).proposalRules, { signal }), [props.n, props.c]);
  if (!rules.value) return <Loading problem={rules.problem} />;
  return <RulesForm {...props} rules={rules.value} />;
}

function RulesForm({ n, c, budgetCents, submitLabel, onSaved, rules }: Props & { rules: ProposalRules }) {
  const [min, setMin] = useState(eurosText(rules.minCostCents));
  const [max, setMax] = useState(eurosText(rules.maxCostCents));
  const [threshold, setThreshold] = useState(String(rules.supportThreshold));
  const [errors, setErrors] = useState<Record<string, string | null>>({});
  const [saved, setSaved] = useState<string | null>(null);
  const action = useAction();

  const submit = async (event: Event) => {
    event.preventDefault();
    const minCents = min.trim() ? parseEuros(min) : 0;
    const maxCents = max.trim() ? parseEuros(max) : null;
    const support = /^\d+$/.test(threshold.trim()) ? Number(threshold.trim()) : null;
    const found = {
      min: minCents === null ? t("corporation.amount.invalid") : null,
      max: max.trim() && maxCents === null ? t("corporation.amount.invalid")
        : maxCents !== null && minCents !== null && maxCents < minCents ? t("corporation.rules.maxBelowMin") : null,
      threshold: support === null ? t("corporation.rules.thresholdInvalid") : null,
    };
    setErrors(found);
    setSaved(null);
    if (Object.values(found).some(Boolean)) return;
    // This form does not edit the categories; sending them back unchanged keeps them (a PUT without them clears them).
    const next = await action.run(() =>
      api.put<ProposalRules>(cyclePaths(n, c).proposalRules, { minCostCents: minCents, maxCostCents: maxCents, supportThreshold: support, categories: rules.categories ?? [] }),
    );
    if (next) {
      setSaved(t("corporation.rules.saved"));
      onSaved?.(next);
    }
  };

  return (
    <form onSubmit={submit} noValidate>
      <Field id="rules-min" label={t("corporation.rules.min")} hint={t("corporation.rules.minHint")} error={errors.min ?? action.problem?.forField("minCostCents")}>
        {(a) => <TextInput a={a} value={min} onInput={setMin} inputMode="decimal" class="amount-input" />}
      </Field>
      <Field id="rules-max" label={t("corporation.rules.max")} hint={t("corporation.rules.maxHint", { budget: formatMoney(budgetCents, true) })} error={errors.max ?? action.problem?.forField("maxCostCents")}>
        {(a) => <TextInput a={a} value={max} onInput={setMax} inputMode="decimal" class="amount-input" />}
      </Field>
      <Field id="rules-threshold" label={t("corporation.rules.threshold")} hint={t("corporation.rules.thresholdHint")} error={errors.threshold ?? action.problem?.forField("supportThreshold")}>
        {(a) => <TextInput a={a} value={threshold} onInput={setThreshold} inputMode="numeric" class="amount-input" />}
      </Field>
      <ProblemMessage problem={action.problem} id="rules-problem" />
      <BusyButton busy={action.busy} describedBy={action.problem ? "rules-problem" : undefined}>
        {submitLabel ?? t("corporation.rules.submit")}
      </BusyButton>
      <Status>{saved}</Status>
    </form>
  );
}
