// Feasibility review: every open proposal with its support and offers of help, judged feasible or not (a reason
// is required when not; residents read it), optionally at an adjusted cost. Only feasible proposals with enough
// support go on the ballot.
import { api, cyclePaths } from "../../api/client";
import type { ProposalSummary } from "../../api/types";
import { useSession } from "../../app/session";
import { useLoad } from "../../app/useLoad";
import { Loading } from "../../components/Problem";
import { t } from "../../i18n/i18n";
import { CyclePageFrame, type CycleContext } from "./CyclePageFrame";
import { ReviewCard } from "./ReviewCard";
import { canManageCycles } from "./roles";

export function ReviewPage({ n, c }: { n: string; c: string }) {
  return (
    <CyclePageFrame n={n} c={c} route="review" title={t("corporation.review.title")}>
      {(context) => <Review {...context} />}
    </CyclePageFrame>
  );
}

function Review({ n, c, admin, neighbourhood }: CycleContext) {
  const { me } = useSession();
  const proposals = useLoad((signal) => api.get<ProposalSummary[]>(cyclePaths(n, c).proposals, { signal }), [n, c]);
  const phase = admin.cycle.phase;
  const mayReview = canManageCycles(me, neighbourhood.corporationId, n) && phase === "Review";
  if (!proposals.value) return <Loading problem={proposals.problem} />;
  const open = proposals.value.filter((p) => p.status === "Open");
  return (
    <section aria-labelledby="review-list">
      <h2 id="review-list">{t("corporation.review.proposals")}</h2>
      <p>{t("corporation.review.lead")}</p>
      {phase !== "Review" && <p class="notice">{t("corporation.review.notNow")}</p>}
      {open.length === 0 ? (
        <p>{t("corporation.review.none")}</p>
      ) : (
        <ul class="plain-list review-cards">
          {open.map((p) => (
            <ReviewCard key={p.proposalId} n={n} c={c} summary={p} mayReview={mayReview} />
          ))}
        </ul>
      )}
    </section>
  );
}
