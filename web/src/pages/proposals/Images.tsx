// A proposal's photos for everyone, each with the description its author gave (older photos without one say so).
import type { ProposalDetails, ProposalImage } from "../../api/types";
import { t } from "../../i18n/i18n";

export const imageAlt = (image: ProposalImage, index: number) => image.alt ?? t("proposal.images.noAlt", { number: index + 1 });

export function Images({ details }: { details: ProposalDetails }) {
  if (details.images.length === 0) return null;
  return (
    <section aria-labelledby="photos-title">
      <h2 id="photos-title">{t("proposal.images.title")}</h2>
      <ul class="image-list">
        {details.images.map((image, i) => (
          <li key={image.hash}>
            <img src={image.url} alt={imageAlt(image, i)} loading="lazy" />
          </li>
        ))}
      </ul>
    </section>
  );
}
