// One proposal in the feasibility review: what it asks, its support and pledges, the verdict so far, and the
// form to give (or change) the verdict.
import { useState } from "preact/hooks";
import { api, cyclePaths } from "../../api/client";
import type { ProposalDetails, ProposalSummary } from "../../api/types";
import { href } from "../../app/router";
import { useLoad } from "../../app/useLoad";
import { BusyButton } from "../../components/BusyButton";
import { Field } from "../../components/Field";
import { Loading, ProblemMessage } from "../../components/Problem";
import { formatMoney, t, tn } from "../../i18n/i18n";
import { eurosText, parseEuros } from "./money";
import { staffPaths } from "./staffApi";
import { Status } from "./Status";
import { TextInput } from "./TextInput";
import { useAction } from "./useAction";

interface Props { n: string; c: string; summary: ProposalSummary; mayReview: boolean }

export function ReviewCard({ n, c, summary, mayReview }: Props) {
  const p = summary.proposalId;
  const details = useLoad((signal) => api.get<ProposalDetails>(cyclePaths(n, c).proposal(p), { signal }), [n, c, p]);
  const headingId = `review-${p}`;
  return (
    <li class="card review-card">
      <section aria-labelledby={headingId}>
        <h3 id={headingId}>
          <a href={href("proposal", { n, c, p })}>{summary.title}</a>
        </h3>
        <p class="meta">
          <span>{formatMoney(summary.costCents)}</span>
          {summary.place && <span>{summary.place}</span>}
          <span>{tn("proposals.supporters", summary.supporters)}</span>
          <span>{summary.goesForward ? t("corporation.review.enoughSupport") : t("corporation.review.notEnoughSupport")}</span>
        </p>
        {!details.value ? (
          <Loading problem={details.problem} />
        ) : (
          <>
            <p class="proposal-text">{details.value.text.description}</p>
            {details.value.pledges.length > 0 && (
              <>
                <h4>{tn("proposals.pledges", details.value.pledges.length)}</h4>
                <ul>
                  {details.value.pledges.map((pledge) => (
                    <li key={pledge.number}>{pledge.text}</li>
                  ))}
                </ul>
              </>
            )}
            <Verdict details={details.value} />
            {mayReview && <VerdictForm n={n} c={c} p={p} title={summary.title} details={details.value} onSaved={details.set} />}
          </>
        )}
      </section>
    </li>
  );
}

function Verdict({ details }: { details: ProposalDetails }) {
  const review = details.review;
  if (!review) return <p class="badge">{t("corporation.review.notReviewed")}</p>;
  return (
    <p class={review.feasible ? "badge badge-good" : "badge badge-bad"}>
      {review.feasible
        ? review.adjustedCostCents
          ? t("corporation.review.feasibleAt", { cost: formatMoney(review.adjustedCostCents) })
          : t("corporation.review.feasible")
        : t("corporation.review.notFeasibleBecause", { reason: review.reason ?? "" })}
    </p>
  );
}

function VerdictForm({ n, c, p, title, details, onSaved }: { n: string; c: string; p: string; title: string; details: ProposalDetails; onSaved: (d: ProposalDetails) => void }) {
  const [feasible, setFeasible] = useState<boolean | null>(details.review?.feasible ?? null);
  const [reason, setReason] = useState(details.review?.reason ?? "");
  const [cost, setCost] = useState(eurosText(details.review?.adjustedCostCents));
  const [errors, setErrors] = useState<Record<string, string | null>>({});
  const [saved, setSaved] = useState<string | null>(null);
  const action = useAction();
  const id = `verdict-${p}`;
  const submit = async (event: Event) => {
    event.preventDefault();
    const adjusted = cost.trim() ? parseEuros(cost) : null;
    const found = {
      feasible: feasible === null ? t("corporation.review.chooseVerdict") : null,
      reason: feasible === false && !reason.trim() ? t("corporation.review.reasonMissing") : null,
      cost: cost.trim() && (adjusted === null || adjusted <= 0) ? t("corporation.amount.invalid") : null,
    };
    setErrors(found);
    setSaved(null);
    if (Object.values(found).some(Boolean)) return;
    const next = await action.run(() =>
      api.post<ProposalDetails>(staffPaths.review(n, c, p), { feasible, reason: reason.trim() || null, adjustedCostCents: feasible ? adjusted : null }),
    );
    if (next) {
      setSaved(t("corporation.review.saved"));
      onSaved(next);
    }
  };
  return (
    <form onSubmit={submit} noValidate class="verdict-form">
      <fieldset class="plain-fieldset" aria-describedby={errors.feasible ? `${id}-feasible-error` : undefined}>
        <legend>
          {t("corporation.review.verdict")}
          <span class="visually-hidden"> ({title})</span>
        </legend>
        <div class="choice">
          <input type="radio" id={`${id}-yes`} name={`${id}-feasible`} checked={feasible === true} onChange={() => setFeasible(true)} />
          <label for={`${id}-yes`}>{t("corporation.review.yes")}</label>
        </div>
        <div class="choice">
          <input type="radio" id={`${id}-no`} name={`${id}-feasible`} checked={feasible === false} onChange={() => setFeasible(false)} />
          <label for={`${id}-no`}>{t("corporation.review.no")}</label>
        </div>
        {errors.feasible && (
          <p class="field-error" id={`${id}-feasible-error`}>
            {errors.feasible}
          </p>
        )}
      </fieldset>
      <Field id={`${id}-reason`} label={feasible === false ? t("corporation.review.reasonRequired") : t("corporation.review.reason")} hint={t("corporation.review.reasonHint")} error={errors.reason}>
        {(a) => <textarea {...a} value={reason} onInput={(e) => setReason((e.target as HTMLTextAreaElement).value)} />}
      </Field>
      {feasible !== false && (
        <Field id={`${id}-cost`} label={t("corporation.review.adjustedCost")} hint={t("corporation.review.adjustedCostHint", { cost: formatMoney(details.text.costCents) })} error={errors.cost}>
          {(a) => <TextInput a={a} value={cost} onInput={setCost} inputMode="decimal" class="amount-input" />}
        </Field>
      )}
      <ProblemMessage problem={action.problem} id={`${id}-problem`} />
      <BusyButton busy={action.busy} describedBy={action.problem ? `${id}-problem` : undefined}>
        {t("corporation.review.save")}
        <span class="visually-hidden"> ({title})</span>
      </BusyButton>
      <Status>{saved}</Status>
    </form>
  );
}
