// Submitting a proposal: the form with the cycle's rules as hints, for residents of this cycle while it takes
// proposals. After sending, the new proposal's page opens.
import { api, cyclePaths } from "../../api/client";
import type { ProposalDetails, ProposalInput, ProposalRules, PublicCycle } from "../../api/types";
import { href, navigate } from "../../app/router";
import { isResidentOf, useSession } from "../../app/session";
import { useLoad } from "../../app/useLoad";
import { Page } from "../../components/Page";
import { Loading } from "../../components/Problem";
import { t } from "../../i18n/i18n";
import { asProblem } from "./asProblem";
import { AfterSubmitProblem, ProposalForm, type ChosenImage } from "./ProposalForm";
import { SignInFirst } from "./SignInFirst";

export const takesProposals = (phase: string) => phase === "Ideas" || phase === "Deliberation";

export function NewProposalPage({ n, c }: { n: string; c: string }) {
  const { me } = useSession();
  const paths = cyclePaths(n, c);
  const cycle = useLoad((signal) => api.get<PublicCycle>(paths.base, { signal }), [n, c]);
  const rules = useLoad((signal) => api.get<ProposalRules>(paths.proposalRules, { signal }), [n, c]);
  const title = t("proposal.new.title");
  if (!cycle.value || !me) return <Page title={title}><Loading problem={cycle.problem} /></Page>;

  // The photo needs the proposal's address, so it goes once the proposal exists; if it fails then, the proposal is
  // there all the same and the form says so instead of offering to submit twice.
  const submit = async (text: ProposalInput, image: ChosenImage | null, progress: (fraction: number) => void) => {
    const created = await api.post<ProposalDetails>(paths.proposals, text);
    const page = href("proposal", { n, c, p: created.proposalId });
    if (image) {
      try {
        await api.upload(paths.images(created.proposalId, image.alt), image.file, progress);
      } catch (error) {
        throw new AfterSubmitProblem(asProblem(error), page);
      }
    }
    navigate(page);
  };
  const back = <p><a href={href("cycle", { n, c })}>{t("proposal.backToCycle", { cycle: cycle.value.title })}</a></p>;
  return (
    <Page title={title} lead={t("proposal.new.lead", { cycle: cycle.value.title })}>
      {!takesProposals(cycle.value.phase) ? (
        <p class="notice">{t("proposal.new.closed")}</p>
      ) : !isResidentOf(me, n, c) ? (
        <SignInFirst n={n} text={t("proposal.new.signInFirst")} returnUrl={href("newProposal", { n, c })} />
      ) : (
        <ProposalForm id="new-proposal" n={n} isNew rules={rules.value ?? null} submitLabel={t("proposal.new.submit")} onSubmit={submit} />
      )}
      {back}
    </Page>
  );
}
