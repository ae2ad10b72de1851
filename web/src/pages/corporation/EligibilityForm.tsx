// Who may take part in a round, until voting opens: households with the voting code from their letter, or people
// whose account at the corporation's identity provider says they live here (a claim that lists the neighbourhood).
// One source per round, so nobody can vote once with a letter and once with an account.
import { useState } from "preact/hooks";
import { api, cyclePaths, paths } from "../../api/client";
import type { CycleEligibility, ProviderChoice, ResidentSource } from "../../api/types";
import { useLoad } from "../../app/useLoad";
import { BusyButton } from "../../components/BusyButton";
import { Field } from "../../components/Field";
import { Loading, ProblemMessage } from "../../components/Problem";
import { t } from "../../i18n/i18n";
import { ChoiceGroup } from "./ChoiceGroup";
import { Status } from "./Status";
import { TextInput } from "./TextInput";
import { useAction } from "./useAction";

export function EligibilityForm({ n, c }: { n: string; c: string }) {
  const current = useLoad((signal) => api.get<CycleEligibility>(cyclePaths(n, c).eligibility, { signal }), [n, c]);
  const providers = useLoad((signal) => api.get<ProviderChoice[]>(paths.identityProviders, { signal }), []);
  if (!current.value || !providers.value) return <Loading problem={current.problem ?? providers.problem} />;
  return <Form n={n} c={c} current={current.value} providers={providers.value} />;
}

function Form({ n, c, current, providers }: { n: string; c: string; current: CycleEligibility; providers: ProviderChoice[] }) {
  const [source, setSource] = useState<ResidentSource>(current.residents);
  const [provider, setProvider] = useState(current.provider?.name ?? providers[0]?.name ?? "");
  const [claim, setClaim] = useState(current.provider?.claim ?? "");
  const [values, setValues] = useState(current.provider?.values.join(", ") ?? n);
  const [errors, setErrors] = useState<Record<string, string | null>>({});
  const [saved, setSaved] = useState<string | null>(null);
  const action = useAction();
  const sources: ResidentSource[] = providers.length > 0 ? ["VotingCodes", "IdentityProvider"] : ["VotingCodes"];

  const submit = async (event: Event) => {
    event.preventDefault();
    const list = values.split(",").map((v) => v.trim()).filter(Boolean);
    const byProvider = source === "IdentityProvider";
    const found = {
      claim: byProvider && !claim.trim() ? t("corporation.eligibility.claimMissing") : null,
      values: byProvider && list.length === 0 ? t("corporation.eligibility.valuesMissing") : null,
    };
    setErrors(found);
    setSaved(null);
    if (Object.values(found).some(Boolean)) return;
    const body: CycleEligibility = { residents: source, provider: byProvider ? { name: provider, claim: claim.trim(), values: list } : null };
    if (await action.run(() => api.put<CycleEligibility>(cyclePaths(n, c).eligibility, body))) setSaved(t("corporation.eligibility.saved"));
  };

  return (
    <form onSubmit={submit} noValidate>
      <ChoiceGroup id="eligibility-source" legend={t("corporation.eligibility.source")} options={sources} value={source} onChange={setSource}
        label={(s) => t(`corporation.eligibility.${s}`)} hint={(s) => t(`corporation.eligibility.${s}.hint`)} />
      {source === "IdentityProvider" && (
        <>
          <Field id="eligibility-provider" label={t("corporation.eligibility.provider")}>
            {(a) => (
              <select {...a} value={provider} onChange={(e) => setProvider((e.target as HTMLSelectElement).value)}>
                {providers.map((p) => (
                  <option key={p.name} value={p.name}>
                    {p.displayName}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id="eligibility-claim" label={t("corporation.eligibility.claim")} hint={t("corporation.eligibility.claimHint")} error={errors.claim}>
            {(a) => <TextInput a={a} value={claim} onInput={setClaim} />}
          </Field>
          <Field id="eligibility-values" label={t("corporation.eligibility.values")} hint={t("corporation.eligibility.valuesHint")} error={errors.values}>
            {(a) => <TextInput a={a} value={values} onInput={setValues} />}
          </Field>
        </>
      )}
      <ProblemMessage problem={action.problem} id="eligibility-problem" />
      <BusyButton busy={action.busy} describedBy={action.problem ? "eligibility-problem" : undefined}>
        {t("corporation.eligibility.submit")}
      </BusyButton>
      <Status>{saved}</Status>
    </form>
  );
}
