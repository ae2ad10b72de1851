// The corporation's feasibility review, and after the vote the progress on the work, newest last as a timeline.
import type { ProposalDetails } from "../../api/types";
import { formatDate, formatMoney, t } from "../../i18n/i18n";
import { Paragraphs } from "./Paragraphs";

export function ReviewOutcome({ details }: { details: ProposalDetails }) {
  const review = details.review;
  return (
    <section aria-labelledby="review-title">
      <h2 id="review-title">{t("proposal.review")}</h2>
      {!review ? (
        <p>{t("proposal.review.none")}</p>
      ) : (
        <div class={review.feasible ? "outcome outcome-good" : "outcome outcome-bad"}>
          <p>{review.feasible ? t("proposal.review.feasible") : t("proposal.review.notFeasible")}</p>
          {review.adjustedCostCents != null && <p>{t("proposal.review.adjusted", { cost: formatMoney(review.adjustedCostCents) })}</p>}
        </div>
      )}
      {review?.reason && (
        <div class="review-reason">
          <h3>{t("proposal.review.reason")}</h3>
          <Paragraphs text={review.reason} />
        </div>
      )}
    </section>
  );
}

export function Implementation({ details }: { details: ProposalDetails }) {
  if (details.implementation.length === 0) return null;
  return (
    <section aria-labelledby="implementation-title">
      <h2 id="implementation-title">{t("proposal.implementation")}</h2>
      <ol class="timeline">
        {details.implementation.map((update, i) => (
          <li key={i}>
            <p class="timeline-head">
              <strong>{t(`proposal.implementation.${update.status}`)}</strong> <time dateTime={update.at}>{formatDate(update.at)}</time>
            </p>
            <Paragraphs text={update.note} />
          </li>
        ))}
      </ol>
    </section>
  );
}
