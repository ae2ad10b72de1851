// Editing a proposal: for its authors, until the review starts. Every version stays in the history that
// everyone can read.
import { api, cyclePaths } from "../../api/client";
import type { ProposalDetails, ProposalRules, ProposalText, PublicCycle } from "../../api/types";
import { href, navigate } from "../../app/router";
import { isResidentOf, useSession } from "../../app/session";
import { useLoad } from "../../app/useLoad";
import { Page } from "../../components/Page";
import { Loading } from "../../components/Problem";
import { t } from "../../i18n/i18n";
import { takesProposals } from "./NewProposalPage";
import { ImagesEditor } from "./ImagesEditor";
import { ProposalForm } from "./ProposalForm";
import { SignInFirst } from "./SignInFirst";

export function EditProposalPage({ n, c, p }: { n: string; c: string; p: string }) {
  const { me } = useSession();
  const paths = cyclePaths(n, c);
  const cycle = useLoad((signal) => api.get<PublicCycle>(paths.base, { signal }), [n, c]);
  const proposal = useLoad((signal) => api.get<ProposalDetails>(paths.proposal(p), { signal }), [n, c, p, isResidentOf(me, n, c)]);
  const rules = useLoad((signal) => api.get<ProposalRules>(paths.proposalRules, { signal }), [n, c]);
  if (!cycle.value || !proposal.value || !me) {
    return <Page title={t("proposal.edit.loading")}><Loading problem={cycle.problem ?? proposal.problem} /></Page>;
  }
  const details = proposal.value;

  const save = async (text: ProposalText) => {
    await api.put<ProposalDetails>(paths.proposal(p), text);
    navigate(href("proposal", { n, c, p }));
  };
  const reason = !takesProposals(cycle.value.phase)
    ? t("proposal.edit.closed")
    : details.status !== "Open"
      ? t("proposal.edit.notOpen")
      : isResidentOf(me, n, c) && !details.mine
        ? t("proposal.edit.notAuthor")
        : null;
  return (
    <Page title={t("proposal.edit.title", { title: details.text.title })}>
      {reason ? (
        <p class="notice">{reason}</p>
      ) : !isResidentOf(me, n, c) ? (
        <SignInFirst n={n} text={t("proposal.edit.signInFirst")} returnUrl={href("editProposal", { n, c, p })} />
      ) : (
        <>
          <ProposalForm id="edit-proposal" n={n} initial={details.text} rules={rules.value ?? null} submitLabel={t("proposal.edit.save")} onSubmit={save} />
          <ImagesEditor n={n} c={c} details={details} onChange={proposal.set} />
        </>
      )}
      <p>
        <a href={href("proposal", { n, c, p })}>{t("proposal.backToProposal", { title: details.text.title })}</a>
      </p>
    </Page>
  );
}
