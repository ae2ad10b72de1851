// One photo and what it shows, as the author picks them: the file is checked here for what the server will refuse
// (type, 2 MB), the description is required because it is what people who cannot see the photo get instead.
import type { JSX } from "preact";
import { Field } from "../../components/Field";
import { t } from "../../i18n/i18n";

export const maxImageBytes = 2 * 1024 * 1024;
export const maxAltLength = 300;
export const maxImages = 3;
const imageTypes = ["image/png", "image/jpeg", "image/webp"];

export interface ImageDraft { file: File | null; alt: string }
export type ImageErrors = { file?: string; alt?: string };

/** What is wrong with the chosen photo; nothing chosen and nothing described is fine (the photo is optional). */
export function checkImage(image: ImageDraft, required: boolean): ImageErrors {
  const errors: ImageErrors = {};
  const alt = image.alt.trim();
  if (!image.file && (required || alt)) errors.file = t("proposal.images.fileMissing");
  else if (image.file && image.file.size > maxImageBytes) errors.file = t("proposal.images.tooLarge");
  else if (image.file && !imageTypes.includes(image.file.type)) errors.file = t("proposal.images.wrongType");
  if (image.file && !alt) errors.alt = t("proposal.images.altMissing");
  else if (alt.length > maxAltLength) errors.alt = t("proposal.images.altLength", { max: maxAltLength });
  return errors;
}

interface Props {
  id: string;
  value: ImageDraft;
  onChange: (image: ImageDraft) => void;
  errors: ImageErrors;
  /** Progress of the upload (0 to 1) while it runs. */
  progress: number | null;
  children?: JSX.Element | null;
}

export function ImageChoice({ id, value, onChange, errors, progress, children }: Props) {
  return (
    <fieldset class="image-choice">
      <legend>{t("proposal.images.legend")}</legend>
      <p class="hint">{t("proposal.images.hint", { max: maxImages })}</p>
      <Field id={`${id}-file`} label={t("proposal.images.file")} error={errors.file}>
        {(a) => (
          <input {...a} type="file" name="image" accept={imageTypes.join(",")}
            onChange={(event) => onChange({ ...value, file: (event.target as HTMLInputElement).files?.[0] ?? null })} />
        )}
      </Field>
      <Field id={`${id}-alt`} label={t("proposal.images.alt")} hint={t("proposal.images.altHint")} error={errors.alt}>
        {(a) => (
          <input {...a} type="text" name="alt" maxLength={maxAltLength} value={value.alt}
            onInput={(event) => onChange({ ...value, alt: (event.target as HTMLInputElement).value })} />
        )}
      </Field>
      {progress !== null && (
        <p class="upload-progress">
          <label for={`${id}-progress`}>{t("proposal.images.progress")}</label>{" "}
          <progress id={`${id}-progress`} max={100} value={Math.round(progress * 100)}>
            {t("proposal.images.uploading", { percent: Math.round(progress * 100) })}
          </progress>
        </p>
      )}
      {children}
    </fieldset>
  );
}
