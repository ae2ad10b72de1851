// The text of a proposal as a form: used to submit one, to edit one and to suggest an amendment. Each field is
// checked when you leave it and again on sending; what the server still refuses appears next to the field it
// names, or above the button.
import { useState } from "preact/hooks";
import type { ApiProblem } from "../../api/client";
import type { ProposalRules, ProposalText } from "../../api/types";
import { BusyButton } from "../../components/BusyButton";
import { Field } from "../../components/Field";
import { describe } from "../../components/Problem";
import { language, t, tn } from "../../i18n/i18n";
import { asProblem } from "./asProblem";
import { centsToInput, parseEuros } from "./money";
import { checkDraft, costHint, limits, type Draft, type DraftErrors } from "./proposalChecks";

interface Props {
  /** Prefix for the field ids, so two forms can share a page. */
  id: string;
  initial?: ProposalText;
  rules: ProposalRules | null;
  submitLabel: string;
  onSubmit: (text: ProposalText) => Promise<void>;
}

const fields: (keyof Draft)[] = ["title", "description", "cost", "place"];

export function ProposalForm({ id, initial, rules, submitLabel, onSubmit }: Props) {
  const [draft, setDraft] = useState<Draft>(() => ({
    title: initial?.title ?? "",
    description: initial?.description ?? "",
    cost: initial ? centsToInput(initial.costCents, language() === "nl" ? "," : ".") : "",
    place: initial?.place ?? "",
  }));
  const [touched, setTouched] = useState<Set<keyof Draft>>(new Set());
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const errors = checkDraft(draft, rules);
  const serverSays = (name: keyof Draft) => problem?.forField(name === "cost" ? "costCents" : name) ?? null;
  const shown = (name: keyof Draft): string | null => {
    const own = touched.has(name) ? errors[name] : undefined;
    return own ?? serverSays(name);
  };
  const set = (name: keyof Draft) => (event: Event) => setDraft({ ...draft, [name]: (event.target as HTMLInputElement).value });
  const leave = (name: keyof Draft) => () => setTouched(new Set(touched).add(name));

  const submit = async (event: Event) => {
    event.preventDefault();
    setTouched(new Set(fields));
    setProblem(null);
    const first = fields.find((name) => (errors as DraftErrors)[name]);
    if (first) {
      document.getElementById(`${id}-${first}`)?.focus();
      return;
    }
    setBusy(true);
    try {
      const parsed = parseEuros(draft.cost);
      await onSubmit({
        title: draft.title.trim(),
        description: draft.description.trim(),
        costCents: "cents" in parsed ? parsed.cents : 0,
        place: draft.place.trim() || null,
      });
    } catch (error) {
      setProblem(asProblem(error));
    } finally {
      setBusy(false);
    }
  };

  const fieldNamed = fields.some(serverSays);
  return (
    <form onSubmit={submit} noValidate>
      <Field id={`${id}-title`} label={t("proposal.form.title")} hint={t("proposal.form.titleHint", limits.title)} error={shown("title")}>
        {(a) => <input {...a} type="text" name="title" maxLength={limits.title.max} value={draft.title} onInput={set("title")} onBlur={leave("title")} />}
      </Field>
      <Field id={`${id}-description`} label={t("proposal.form.description")} hint={t("proposal.form.descriptionHint")} error={shown("description")}>
        {(a) => <textarea {...a} name="description" rows={8} value={draft.description} onInput={set("description")} onBlur={leave("description")} />}
      </Field>
      <p class="fine-print">
        {tn("proposal.form.charactersLeft", limits.description.max - draft.description.trim().length)}
      </p>
      <Field id={`${id}-cost`} label={t("proposal.form.cost")} hint={costHint(rules)} error={shown("cost")}>
        {(a) => <input {...a} type="text" name="cost" inputMode="decimal" autocomplete="off" class="money-input" value={draft.cost} onInput={set("cost")} onBlur={leave("cost")} />}
      </Field>
      <Field id={`${id}-place`} label={t("proposal.form.place")} hint={t("proposal.form.placeHint")} error={shown("place")}>
        {(a) => <input {...a} type="text" name="place" maxLength={limits.place.max} value={draft.place} onInput={set("place")} onBlur={leave("place")} />}
      </Field>
      {rules && rules.supportThreshold > 0 && <p class="hint">{tn("proposal.form.supportNeeded", rules.supportThreshold)}</p>}
      {problem && !fieldNamed && (
        <p class="problem" role="alert" id={`${id}-problem`}>
          {describe(problem)}
        </p>
      )}
      <BusyButton busy={busy} describedBy={problem && !fieldNamed ? `${id}-problem` : undefined}>
        {submitLabel}
      </BusyButton>
    </form>
  );
}
