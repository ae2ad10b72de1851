// Setting up a budget round in three steps: create it (id, title, budget), set the rules for proposals, and
// open it for ideas (or leave it as a draft). Each step's heading takes focus when the step starts.
import { useEffect, useRef, useState } from "preact/hooks";
import { api, cyclePaths, paths } from "../../api/client";
import type { CycleAdministration, PublicNeighbourhood } from "../../api/types";
import { href, navigate } from "../../app/router";
import { useLoad } from "../../app/useLoad";
import { BusyButton } from "../../components/BusyButton";
import { Field } from "../../components/Field";
import { Page } from "../../components/Page";
import { ProblemMessage } from "../../components/Problem";
import { formatMoney, t } from "../../i18n/i18n";
import { ChoiceGroup } from "./ChoiceGroup";
import { ImportCycleForm } from "./ImportCycleForm";
import { validId } from "./ids";
import { parseEuros } from "./money";
import { ProposalRulesForm } from "./ProposalRulesForm";
import { StaffGate } from "./StaffGate";
import { TextInput } from "./TextInput";
import { useAction } from "./useAction";

type Step = "create" | "rules" | "open";
const steps: Step[] = ["create", "rules", "open"];
/** An empty round, or one made from a Pabulib file (its budget and projects). */
type Start = "empty" | "file";
const starts: Start[] = ["empty", "file"];

export function NewCyclePage({ n }: { n: string }) {
  return <StaffGate title={t("corporation.newCycle.title")}>{() => <Wizard n={n} />}</StaffGate>;
}

function Wizard({ n }: { n: string }) {
  const neighbourhood = useLoad((signal) => api.get<PublicNeighbourhood>(paths.neighbourhood(n), { signal }), [n]);
  const [step, setStep] = useState<Step>("create");
  const [start, setStart] = useState<Start>("empty");
  const [cycle, setCycle] = useState<CycleAdministration | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (step !== "create") heading.current?.focus();
  }, [step]);

  return (
    <Page title={t("corporation.newCycle.title")} lead={neighbourhood.value ? t("corporation.newCycle.lead", { neighbourhood: neighbourhood.value.name }) : undefined}>
      <ol class="wizard-steps" aria-label={t("corporation.newCycle.steps")}>
        {steps.map((s, i) => (
          <li key={s} class={s === step ? "current" : steps.indexOf(step) > i ? "done" : ""} aria-current={s === step ? "step" : undefined}>
            {t("corporation.newCycle.stepOf", { number: i + 1 })} {t(`corporation.newCycle.step.${s}`)}
          </li>
        ))}
      </ol>
      <h2 ref={heading} tabIndex={-1}>
        {t(`corporation.newCycle.step.${step}`)}
      </h2>
      {step === "create" && (
        <>
          <ChoiceGroup id="cycle-start" legend={t("corporation.newCycle.start")} options={starts} value={start} onChange={setStart}
            label={(s) => t(`corporation.newCycle.start.${s}`)} />
          {start === "empty" ? (
            <CreateForm
              n={n}
              onCreated={(created) => {
                setCycle(created);
                setStep("rules");
              }}
            />
          ) : (
            <ImportCycleForm n={n} />
          )}
        </>
      )}
      {step === "rules" && cycle && (
        <>
          <p>{t("corporation.newCycle.rulesLead")}</p>
          <ProposalRulesForm n={n} c={cycle.cycle.cycleId} budgetCents={cycle.cycle.budgetCents} submitLabel={t("corporation.newCycle.rulesSubmit")} onSaved={() => setStep("open")} />
        </>
      )}
      {step === "open" && cycle && <OpenForIdeas n={n} c={cycle.cycle.cycleId} title={cycle.cycle.title} />}
    </Page>
  );
}

function CreateForm({ n, onCreated }: { n: string; onCreated: (cycle: CycleAdministration) => void }) {
  const [id, setId] = useState("");
  const [title, setTitle] = useState("");
  const [budget, setBudget] = useState("");
  const [errors, setErrors] = useState<Record<string, string | null>>({});
  const action = useAction();
  const cents = parseEuros(budget);
  const submit = async (event: Event) => {
    event.preventDefault();
    const found = {
      id: validId(id.trim()) ? null : t("corporation.newCycle.idInvalid"),
      title: title.trim() ? null : t("corporation.newCycle.titleMissing"),
      budget: cents !== null && cents > 0 ? null : t("corporation.newCycle.budgetInvalid"),
    };
    setErrors(found);
    if (Object.values(found).some(Boolean)) return;
    const created = await action.run(() =>
      api.post<CycleAdministration>(paths.cycles(n), { cycleId: id.trim(), title: title.trim(), budgetCents: cents }),
    );
    if (created) onCreated(created);
  };
  return (
    <form onSubmit={submit} noValidate>
      <Field id="cycle-id" label={t("corporation.newCycle.id")} hint={t("corporation.newCycle.idHint")} error={errors.id ?? action.problem?.forField("cycleId")}>
        {(a) => <TextInput a={a} value={id} onInput={setId} autocomplete="off" />}
      </Field>
      <Field id="cycle-title" label={t("corporation.newCycle.titleLabel")} hint={t("corporation.newCycle.titleHint")} error={errors.title ?? action.problem?.forField("title")}>
        {(a) => <TextInput a={a} value={title} onInput={setTitle} autocomplete="off" />}
      </Field>
      <Field
        id="cycle-budget"
        label={t("corporation.newCycle.budget")}
        hint={cents !== null && cents > 0 ? t("corporation.newCycle.budgetIs", { amount: formatMoney(cents) }) : t("corporation.newCycle.budgetHint")}
        error={errors.budget ?? action.problem?.forField("budgetCents")}
      >
        {(a) => <TextInput a={a} value={budget} onInput={setBudget} inputMode="decimal" class="amount-input" />}
      </Field>
      <ProblemMessage problem={action.problem} id="cycle-create-problem" />
      <BusyButton busy={action.busy} describedBy={action.problem ? "cycle-create-problem" : undefined}>
        {t("corporation.newCycle.create")}
      </BusyButton>
    </form>
  );
}

function OpenForIdeas({ n, c, title }: { n: string; c: string; title: string }) {
  const action = useAction();
  const open = async () => {
    const moved = await action.run(() => api.post<CycleAdministration>(cyclePaths(n, c).phase, { phase: "Ideas" }));
    if (moved) navigate(href("cycleAdministration", { n, c }));
  };
  return (
    <>
      <p>{t("corporation.newCycle.openLead", { title })}</p>
      <ProblemMessage problem={action.problem} id="cycle-open-problem" />
      <p class="button-row">
        <BusyButton busy={action.busy} type="button" onClick={open} describedBy={action.problem ? "cycle-open-problem" : undefined}>
          {t("corporation.phase.moveTo.Ideas")}
        </BusyButton>
        <a class="button button-secondary" href={href("cycleAdministration", { n, c })}>
          {t("corporation.newCycle.keepDraft")}
        </a>
      </p>
    </>
  );
}
