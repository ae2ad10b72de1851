// The text of a proposal as a form: used to submit one, to edit one and to suggest an amendment. Each field is
// checked when you leave it and again on sending; what the server still refuses appears next to the field it
// names, or above the button. The place is words (always enough) and, optionally, a point on a map; a new proposal
// can name co-authors and bring a photo, which is sent once the proposal exists.
import { useState } from "preact/hooks";
import type { ApiProblem } from "../../api/client";
import type { GeoPoint, ProposalInput, ProposalRules, ProposalText } from "../../api/types";
import { BusyButton } from "../../components/BusyButton";
import { Field } from "../../components/Field";
import { PointPicker } from "../../components/map/PointPicker";
import { useNeighbourhoodView } from "../../components/map/useNeighbourhoodView";
import { describe } from "../../components/Problem";
import { language, t, tn } from "../../i18n/i18n";
import { asProblem } from "./asProblem";
import { checkImage, ImageChoice, type ImageDraft } from "./ImageChoice";
import { centsToInput, parseEuros } from "./money";
import { checkDraft, coAuthorLines, costHint, limits, type Draft, type DraftErrors } from "./proposalChecks";

/** A photo to send after the proposal was created, with its description. */
export interface ChosenImage { file: File; alt: string }

/** Thrown by `onSubmit` when the proposal was saved but what came after (the photo) failed: the form then says so and
 * offers the way to the proposal instead of a second submit. */
export class AfterSubmitProblem extends Error {
  constructor(readonly problem: ApiProblem, readonly next: string) {
    super(problem.message);
  }
}

interface Props {
  /** Prefix for the field ids, so two forms can share a page. */
  id: string;
  /** The neighbourhood, whose view the map opens on. */
  n: string;
  initial?: ProposalText;
  rules: ProposalRules | null;
  submitLabel: string;
  /** Offer the co-authors field and a photo (only when submitting: the API names co-authors at submission). */
  isNew?: boolean;
  onSubmit: (text: ProposalInput, image: ChosenImage | null, progress: (fraction: number) => void) => Promise<void>;
}

const fields: (keyof Draft)[] = ["title", "description", "cost", "place", "category", "coAuthors"];

export function ProposalForm({ id, n, initial, rules, submitLabel, isNew = false, onSubmit }: Props) {
  const start = useNeighbourhoodView(n);
  const [draft, setDraft] = useState<Draft>(() => ({
    title: initial?.title ?? "",
    description: initial?.description ?? "",
    cost: initial ? centsToInput(initial.costCents, language() === "nl" ? "," : ".") : "",
    place: initial?.place ?? "",
    category: initial?.category ?? "",
    coAuthors: "",
  }));
  const [point, setPoint] = useState<GeoPoint | null>(initial?.point ?? null);
  const [image, setImage] = useState<ImageDraft>({ file: null, alt: "" });
  const [progress, setProgress] = useState<number | null>(null);
  const [touched, setTouched] = useState<Set<keyof Draft | "image">>(new Set());
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [after, setAfter] = useState<AfterSubmitProblem | null>(null);
  const errors = checkDraft(draft, rules);
  const imageErrors = touched.has("image") ? checkImage(image, false) : {};
  const serverSays = (name: keyof Draft | "point") => problem?.forField(name === "cost" ? "costCents" : name) ?? null;
  const shown = (name: keyof Draft): string | null => {
    const own = touched.has(name) ? errors[name] : undefined;
    return own ?? serverSays(name);
  };
  const set = (name: keyof Draft) => (event: Event) => setDraft({ ...draft, [name]: (event.target as HTMLInputElement).value });
  const leave = (name: keyof Draft) => () => setTouched(new Set(touched).add(name));
  const categories = rules?.categories ?? [];

  const submit = async (event: Event) => {
    event.preventDefault();
    setTouched(new Set([...fields, "image"]));
    setProblem(null);
    const first = fields.find((name) => (errors as DraftErrors)[name]);
    const imageProblem = Object.keys(checkImage(image, false))[0] as "file" | "alt" | undefined;
    if (first || imageProblem) {
      document.getElementById(first ? `${id}-${first}` : `${id}-image-${imageProblem}`)?.focus();
      return;
    }
    setBusy(true);
    try {
      const parsed = parseEuros(draft.cost);
      const text: ProposalInput = {
        title: draft.title.trim(),
        description: draft.description.trim(),
        costCents: "cents" in parsed ? parsed.cents : 0,
        place: draft.place.trim() || null,
        category: draft.category || null,
        point,
      };
      if (isNew) text.coAuthors = coAuthorLines(draft.coAuthors);
      await onSubmit(text, image.file ? { file: image.file, alt: image.alt.trim() } : null, setProgress);
    } catch (error) {
      if (error instanceof AfterSubmitProblem) setAfter(error);
      else setProblem(asProblem(error));
    } finally {
      setBusy(false);
      setProgress(null);
    }
  };

  const fieldNamed = [...fields, "point" as const].some(serverSays);
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
      {categories.length > 0 && (
        <Field id={`${id}-category`} label={t("proposal.form.category")} hint={t("proposal.form.categoryHint")} error={shown("category")}>
          {(a) => (
            <select {...a} name="category" value={draft.category} onChange={set("category")} onBlur={leave("category")}>
              <option value="">{t("proposal.form.categoryChoose")}</option>
              {categories.map((category) => (
                <option key={category} value={category}>
                  {category}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      <Field id={`${id}-place`} label={t("proposal.form.place")} hint={t("proposal.form.placeHint")} error={shown("place")}>
        {(a) => <input {...a} type="text" name="place" maxLength={limits.place.max} value={draft.place} onInput={set("place")} onBlur={leave("place")} />}
      </Field>
      <PointPicker id={`${id}-point`} value={point} onChange={setPoint} error={serverSays("point")} start={start} />
      {isNew && (
        <Field id={`${id}-coAuthors`} label={t("proposal.form.coAuthors")} hint={t("proposal.form.coAuthorsHint", limits.coAuthors)} error={shown("coAuthors")}>
          {(a) => <textarea {...a} name="coAuthors" rows={2} autocomplete="off" value={draft.coAuthors} onInput={set("coAuthors")} onBlur={leave("coAuthors")} />}
        </Field>
      )}
      {isNew && (
        <ImageChoice id={`${id}-image`} value={image} onChange={setImage} errors={imageErrors} progress={progress}>
          {after && (
            <p class="problem" role="alert">
              {t("proposal.images.failedAfterSubmit", { reason: describe(after.problem) })} <a href={after.next}>{t("proposal.images.goToProposal")}</a>
            </p>
          )}
        </ImageChoice>
      )}
      {rules && rules.supportThreshold > 0 && <p class="hint">{tn("proposal.form.supportNeeded", rules.supportThreshold)}</p>}
      {problem && !fieldNamed && (
        <p class="problem" role="alert" id={`${id}-problem`}>
          {describe(problem)}
        </p>
      )}
      {!after && (
        <BusyButton busy={busy} describedBy={problem && !fieldNamed ? `${id}-problem` : undefined}>
          {submitLabel}
        </BusyButton>
      )}
    </form>
  );
}
