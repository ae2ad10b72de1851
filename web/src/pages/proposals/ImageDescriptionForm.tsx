// Describe a photo again, on the edit page: for neighbours who cannot see it. A description is a correction, not a
// change to the proposal, so the server takes it in every phase while the proposal is open.
import { useState } from "preact/hooks";
import { api } from "../../api/client";
import type { ProposalImage } from "../../api/types";
import { BusyButton } from "../../components/BusyButton";
import { Field } from "../../components/Field";
import { ProblemMessage } from "../../components/Problem";
import { t } from "../../i18n/i18n";
import { maxAltLength } from "./ImageChoice";
import { imageAlt } from "./Images";
import { useAction } from "./useAction";

interface Props { proposalPath: string; image: ProposalImage; index: number; onSaved: (image: ProposalImage) => void }

export function ImageDescriptionForm({ proposalPath, image, index, onSaved }: Props) {
  const [alt, setAlt] = useState(image.alt ?? "");
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const save = useAction();
  const id = `image-${image.hash.slice(0, 12)}-alt`;

  const submit = async (event: Event) => {
    event.preventDefault();
    setDone(null);
    const text = alt.trim();
    const why = !text ? t("proposal.images.altMissing") : text.length > maxAltLength ? t("proposal.images.altLength", { max: maxAltLength }) : null;
    setError(why);
    if (why) {
      document.getElementById(id)?.focus();
      return;
    }
    const ok = await save.run(async () => onSaved(await api.put<ProposalImage>(`${proposalPath}/images/${image.hash}`, { alt: text })));
    if (ok) setDone(t("proposal.images.described"));
  };

  return (
    <form class="image-description" onSubmit={submit} noValidate>
      <Field id={id} label={t("proposal.images.describe", { number: index + 1 })} error={error}>
        {(field) => <input {...field} type="text" value={alt} maxLength={maxAltLength} onInput={(e) => setAlt(e.currentTarget.value)} />}
      </Field>
      <ProblemMessage problem={save.problem} id={`${id}-problem`} />
      <BusyButton busy={save.busy} describedBy={save.problem ? `${id}-problem` : undefined}>
        {t("proposal.images.saveDescription")} <span class="visually-hidden">{imageAlt(image, index)}</span>
      </BusyButton>
      <p role="status">{done}</p>
    </form>
  );
}
