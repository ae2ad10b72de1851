// Before choosing a rule: every rule the cycle can choose, run on the same synthetic ballots over the proposals
// as they stand, side by side: which projects each funds and how much of the budget it uses. Changes nothing.
import { useState } from "preact/hooks";
import { api, cyclePaths } from "../../api/client";
import type { Simulation } from "../../api/types";
import { BusyButton } from "../../components/BusyButton";
import { Field } from "../../components/Field";
import { ProblemMessage } from "../../components/Problem";
import { t } from "../../i18n/i18n";
import { CyclePageFrame, type CycleContext } from "./CyclePageFrame";
import { SimulationTables } from "./SimulationTables";
import { TextInput } from "./TextInput";
import { useAction } from "./useAction";

export function SimulationPage({ n, c }: { n: string; c: string }) {
  return (
    <CyclePageFrame n={n} c={c} route="simulation" title={t("corporation.simulation.title")}>
      {(context) => <Simulate {...context} />}
    </CyclePageFrame>
  );
}

function Simulate({ n, c, admin }: CycleContext) {
  const [voters, setVoters] = useState("500");
  const [seed, setSeed] = useState("1");
  const [errors, setErrors] = useState<Record<string, string | null>>({});
  const [result, setResult] = useState<Simulation | null>(null);
  const action = useAction();
  const submit = async (event: Event) => {
    event.preventDefault();
    const v = /^\d+$/.test(voters.trim()) ? Number(voters) : null;
    const s = /^\d+$/.test(seed.trim()) ? Number(seed) : null;
    const found = {
      voters: v === null || v < 1 || v > 5000 ? t("corporation.simulation.votersInvalid") : null,
      seed: s === null ? t("corporation.simulation.seedInvalid") : null,
    };
    setErrors(found);
    if (found.voters || found.seed) return;
    const answer = await action.run(() => api.post<Simulation>(cyclePaths(n, c).simulation, { voters: v, seed: s }));
    if (answer) setResult(answer);
  };
  return (
    <>
      <section aria-labelledby="simulation-form">
        <h2 id="simulation-form">{t("corporation.simulation.run")}</h2>
        <p>{t("corporation.simulation.lead")}</p>
        <form onSubmit={submit} noValidate>
          <Field id="simulation-voters" label={t("corporation.simulation.voters")} hint={t("corporation.simulation.votersHint")} error={errors.voters ?? action.problem?.forField("voters")}>
            {(a) => <TextInput a={a} value={voters} onInput={setVoters} inputMode="numeric" class="amount-input" />}
          </Field>
          <Field id="simulation-seed" label={t("corporation.simulation.seed")} hint={t("corporation.simulation.seedHint")} error={errors.seed}>
            {(a) => <TextInput a={a} value={seed} onInput={setSeed} inputMode="numeric" class="amount-input" />}
          </Field>
          <ProblemMessage problem={action.problem} id="simulation-problem" />
          <BusyButton busy={action.busy} describedBy={action.problem ? "simulation-problem" : undefined}>
            {t("corporation.simulation.submit")}
          </BusyButton>
        </form>
      </section>
      <div aria-live="polite">{result && <SimulationTables simulation={result} budgetCents={admin.cycle.budgetCents} />}</div>
    </>
  );
}
