// Supporting a proposal: one household, one support, which it can take back while the proposal is open.
import { api, cyclePaths } from "../../api/client";
import type { ProposalDetails } from "../../api/types";
import { BusyButton } from "../../components/BusyButton";
import { ProblemMessage } from "../../components/Problem";
import { t } from "../../i18n/i18n";
import { useAction } from "./useAction";

export function SupportPanel({ n, c, details, onChange }: { n: string; c: string; details: ProposalDetails; onChange: (d: ProposalDetails) => void }) {
  const { busy, problem, run } = useAction();
  const path = `${cyclePaths(n, c).proposal(details.proposalId)}/support`;
  const toggle = () =>
    run(async () => onChange(details.supportedByMe ? await api.delete<ProposalDetails>(path) : await api.put<ProposalDetails>(path)));
  return (
    <div class="support">
      <p role="status">{details.supportedByMe ? t("proposal.youSupport") : t("proposal.youDoNotSupport")}</p>
      <BusyButton type="button" busy={busy} kind={details.supportedByMe ? "secondary" : "primary"} onClick={toggle} describedBy={problem ? "support-problem" : undefined}>
        {details.supportedByMe ? t("proposal.withdrawSupport") : t("proposal.supportIt")}
      </BusyButton>
      <ProblemMessage problem={problem} id="support-problem" />
    </div>
  );
}
