// A proposal as residents follow it: the text and facts, support and offers of help, the review and the work
// after the vote, amendments and earlier versions, and the discussion. What a person can do shows only when it
// will work for them; the server still decides and its answer is shown where they acted.
import { api, cyclePaths } from "../../api/client";
import type { DeliberationRound, ProposalDetails, ProposalRules, PublicCycle } from "../../api/types";
import { href } from "../../app/router";
import { isResidentOf, useSession } from "../../app/session";
import { useLoad } from "../../app/useLoad";
import { Page } from "../../components/Page";
import { Loading } from "../../components/Problem";
import { t } from "../../i18n/i18n";
import { Amendments } from "./Amendments";
import { Discussion } from "./discussion/Discussion";
import { PlaceMap } from "../../components/map/PlaceMap";
import { History } from "./History";
import { Images } from "./Images";
import { takesProposals } from "./NewProposalPage";
import { Paragraphs } from "./Paragraphs";
import { Pledges } from "./Pledges";
import { ProposalFacts } from "./ProposalFacts";
import { Implementation, ReviewOutcome } from "./ReviewOutcome";
import { RoundSummaries } from "./RoundSummaries";
import { SignInFirst } from "./SignInFirst";
import { SupportPanel } from "./SupportPanel";
import { Withdraw } from "./Withdraw";

export function ProposalPage({ n, c, p }: { n: string; c: string; p: string }) {
  const { me } = useSession();
  const paths = cyclePaths(n, c);
  const cycle = useLoad((signal) => api.get<PublicCycle>(paths.base, { signal }), [n, c]);
  // Reloaded when the sign-in changes: "mine" and "supported by me" depend on who asks.
  const proposal = useLoad((signal) => api.get<ProposalDetails>(paths.proposal(p), { signal }), [n, c, p, isResidentOf(me, n, c)]);
  const rules = useLoad((signal) => api.get<ProposalRules>(paths.proposalRules, { signal }), [n, c]);
  const rounds = useLoad((signal) => api.get<DeliberationRound[]>(paths.rounds, { signal }), [n, c]);

  if (!proposal.value || !cycle.value) return <Page title={t("proposal.loading")}><Loading problem={proposal.problem ?? cycle.problem} /></Page>;
  const details = proposal.value;
  const resident = isResidentOf(me, n, c);
  const open = details.status === "Open";
  const editable = takesProposals(cycle.value.phase);
  const here = href("proposal", { n, c, p });
  const signIn = <SignInFirst n={n} text={t("proposal.signInToTakePart")} returnUrl={here} />;
  const change = (next: ProposalDetails) => proposal.set(next);

  return (
    <Page title={details.text.title}>
      <p class="breadcrumb">
        <a href={href("cycle", { n, c })}>{t("proposal.backToCycle", { cycle: cycle.value.title })}</a>
      </p>
      {details.status === "Withdrawn" && (
        <div class="notice" role="note">
          <p>{t("proposal.withdrawnNotice")}</p>
          {details.withdrawalReason && <p>{t("proposal.withdrawnReason", { reason: details.withdrawalReason })}</p>}
        </div>
      )}
      {details.status === "Merged" && details.mergedInto && (
        <p class="notice" role="note">
          {t("proposal.mergedNotice")} <a href={href("proposal", { n, c, p: details.mergedInto })}>{t("proposal.mergedIntoLink")}</a>
        </p>
      )}
      <ProposalFacts n={n} c={c} details={details} rules={rules.value ?? null} />
      {details.mine && <p class="badge badge-good">{t("proposal.youAreAuthor")}</p>}
      <div class="description">
        <Paragraphs text={details.text.description} />
      </div>
      {details.text.point && <PlaceMap point={details.text.point} label={t("proposal.mapLabel")} />}
      <Images details={details} />
      {details.mergedFrom.length > 0 && (
        <p class="fine-print">
          {t("proposal.mergedFrom")}{" "}
          {details.mergedFrom.map((id, i) => (
            <>
              {i > 0 && ", "}
              <a href={href("proposal", { n, c, p: id })}>{t("proposal.mergedFromLink", { number: i + 1 })}</a>
            </>
          ))}
        </p>
      )}

      {details.mine && open && editable && (
        <section aria-labelledby="author-title" class="panel">
          <h2 id="author-title">{t("proposal.forAuthors")}</h2>
          <p class="button-row">
            <a class="button button-primary" href={href("editProposal", { n, c, p })}>
              {t("proposal.edit")}
            </a>
          </p>
          <Withdraw n={n} c={c} details={details} onChange={change} />
        </section>
      )}
      {details.mine && open && !editable && <p class="fine-print">{t("proposal.editClosed")}</p>}

      <section aria-labelledby="support-title">
        <h2 id="support-title">{t("proposal.supportTitle")}</h2>
        {resident && open ? <SupportPanel n={n} c={c} details={details} onChange={change} /> : !resident && open ? signIn : <p>{t("proposal.supportClosed")}</p>}
      </section>

      <Pledges n={n} c={c} details={details} canAct={resident && open} onChange={change} />
      {rounds.value && <RoundSummaries rounds={rounds.value} proposalId={p} />}
      <ReviewOutcome details={details} />
      <Implementation details={details} />
      <Amendments n={n} c={c} details={details} rules={rules.value ?? null} canAct={resident && open && editable} onChange={change} />
      <History details={details} />
      <Discussion n={n} c={c} p={p} canComment={resident && open && editable} canFlag={resident && open} signInHint={resident ? (editable ? null : <p>{t("proposal.discussionClosed")}</p>) : signIn} />
    </Page>
  );
}
