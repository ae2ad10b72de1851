// The photos of a proposal for its authors, on the edit page: each change is sent at once (the proposal's text form
// is separate), with the upload's progress and the server's refusal in words next to the field.
import { useState } from "preact/hooks";
import { api, cyclePaths } from "../../api/client";
import type { ProposalDetails, ProposalImage } from "../../api/types";
import { BusyButton } from "../../components/BusyButton";
import { ProblemMessage } from "../../components/Problem";
import { t } from "../../i18n/i18n";
import { checkImage, ImageChoice, maxImages, type ImageDraft, type ImageErrors } from "./ImageChoice";
import { ImageDescriptionForm } from "./ImageDescriptionForm";
import { imageAlt } from "./Images";
import { useAction } from "./useAction";

interface Props { n: string; c: string; details: ProposalDetails; onChange: (details: ProposalDetails) => void }

export function ImagesEditor({ n, c, details, onChange }: Props) {
  const paths = cyclePaths(n, c);
  const p = details.proposalId;
  const [image, setImage] = useState<ImageDraft>({ file: null, alt: "" });
  const [errors, setErrors] = useState<ImageErrors>({});
  const [progress, setProgress] = useState<number | null>(null);
  const [done, setDone] = useState<string | null>(null);
  // A new form after each upload, so the file field is empty again.
  const [generation, setGeneration] = useState(0);
  const add = useAction();
  const remove = useAction();
  const full = details.images.length >= maxImages;

  const upload = async (event: Event) => {
    event.preventDefault();
    setDone(null);
    const found = checkImage(image, true);
    setErrors(found);
    if (found.file || found.alt) {
      document.getElementById(`images-${generation}-${found.file ? "file" : "alt"}`)?.focus();
      return;
    }
    const ok = await add.run(async () => {
      const added = await api.upload<ProposalImage>(paths.images(p, image.alt.trim()), image.file!, setProgress);
      onChange({ ...details, images: [...details.images.filter((i) => i.hash !== added.hash), added] });
    });
    setProgress(null);
    if (ok) {
      setImage({ file: null, alt: "" });
      setGeneration(generation + 1);
      setDone(t("proposal.images.added"));
    }
  };

  const removeImage = (hash: string) =>
    remove.run(async () => {
      await api.delete(`${paths.proposal(p)}/images/${hash}`);
      onChange({ ...details, images: details.images.filter((i) => i.hash !== hash) });
      setDone(t("proposal.images.removed"));
    });

  return (
    <section aria-labelledby="images-title" class="panel">
      <h2 id="images-title">{t("proposal.images.title")}</h2>
      {details.images.length === 0 ? (
        <p>{t("proposal.images.none")}</p>
      ) : (
        <ul class="image-list">
          {details.images.map((image, i) => (
            <li key={image.hash}>
              <img src={image.url} alt={imageAlt(image, i)} loading="lazy" />
              <ImageDescriptionForm
                proposalPath={paths.proposal(p)}
                image={image}
                index={i}
                onSaved={(saved) => onChange({ ...details, images: details.images.map((other) => (other.hash === saved.hash ? saved : other)) })}
              />
              <button type="button" class="button button-secondary" disabled={remove.busy} onClick={() => removeImage(image.hash)}>
                {t("proposal.images.remove")} <span class="visually-hidden">{imageAlt(image, i)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <ProblemMessage problem={remove.problem} />
      <p role="status">{done}</p>
      {full ? (
        <p>{t("proposal.images.full", { max: maxImages })}</p>
      ) : (
        <form key={generation} onSubmit={upload} noValidate>
          <ImageChoice id={`images-${generation}`} value={image} onChange={setImage} errors={errors} progress={progress}>
            <ProblemMessage problem={add.problem} id="images-problem" />
          </ImageChoice>
          <BusyButton busy={add.busy} describedBy={add.problem ? "images-problem" : undefined}>
            {t("proposal.images.add")}
          </BusyButton>
        </form>
      )}
    </section>
  );
}
