// The facts of a proposal at a glance: cost (and the cost on the ballot when the review changed it), place (in words
// and the map point in words), category, how many households wrote it, status and support.
import type { ProposalDetails, ProposalRules } from "../../api/types";
import { href } from "../../app/router";
import { pointInWords } from "../../components/map/leaflet";
import { formatMoney, t, tn } from "../../i18n/i18n";

export function ProposalFacts({ n, c, details, rules }: { n: string; c: string; details: ProposalDetails; rules: ProposalRules | null }) {
  const adjusted = details.ballotCostCents !== details.text.costCents;
  return (
    <dl class="facts">
      <dt>{t("proposal.cost")}</dt>
      <dd>
        {formatMoney(details.text.costCents)}
        {adjusted && <span class="fact-note">{t("proposal.ballotCost", { cost: formatMoney(details.ballotCostCents) })}</span>}
      </dd>
      {details.text.place && (
        <>
          <dt>{t("proposal.place")}</dt>
          <dd>{details.text.place}</dd>
        </>
      )}
      {details.text.category && (
        <>
          <dt>{t("proposal.category")}</dt>
          <dd>{details.text.category}</dd>
        </>
      )}
      {details.text.point && (
        <>
          <dt>{t("proposal.onMap")}</dt>
          <dd data-testid="point">{pointInWords(details.text.point)}</dd>
        </>
      )}
      {details.coAuthors > 0 && (
        <>
          <dt>{t("proposal.authors")}</dt>
          <dd>{tn("proposal.coAuthors", details.coAuthors)}</dd>
        </>
      )}
      <dt>{t("proposal.status")}</dt>
      <dd>
        {details.status === "Open" && t("proposal.status.Open")}
        {details.status === "Withdrawn" && t("proposal.status.Withdrawn")}
        {details.status === "Merged" && details.mergedInto && (
          <>
            {t("proposal.status.Merged")} <a href={href("proposal", { n, c, p: details.mergedInto })}>{t("proposal.mergedIntoLink")}</a>
          </>
        )}
      </dd>
      <dt>{t("proposal.support")}</dt>
      <dd data-testid="supporters">
        {tn("proposals.supporters", details.supporters)}
        {rules && rules.supportThreshold > 0 && (
          <span class="fact-note">
            {details.supporters >= rules.supportThreshold ? t("proposal.enoughSupport") : tn("proposal.supportNeeded", rules.supportThreshold)}
          </span>
        )}
      </dd>
    </dl>
  );
}
