// Voting codes: upload the address list (CSV) from the computer; the server answers with the same list plus a
// one-time voting code per household, for the mail merge. That file is offered for download at once and cannot
// be fetched again (the server keeps only hashes of the codes). Counts, and revoking a code whose letter went astray.
import { api, cyclePaths } from "../../api/client";
import type { CodeCounts } from "../../api/types";
import { useSession } from "../../app/session";
import { useLoad } from "../../app/useLoad";
import { Loading } from "../../components/Problem";
import { formatNumber, t } from "../../i18n/i18n";
import { AddressListUpload } from "./AddressListUpload";
import { CyclePageFrame, type CycleContext } from "./CyclePageFrame";
import { RevokeCodeForm } from "./RevokeCodeForm";
import { canManageCycles } from "./roles";

export function VotingCodesPage({ n, c }: { n: string; c: string }) {
  return (
    <CyclePageFrame n={n} c={c} route="votingCodes" title={t("corporation.codes.title")}>
      {(context) => <Codes {...context} />}
    </CyclePageFrame>
  );
}

function Codes({ n, c, neighbourhood, reload }: CycleContext) {
  const { me } = useSession();
  const counts = useLoad((signal) => api.get<CodeCounts>(cyclePaths(n, c).votingCodes, { signal }), [n, c]);
  const manage = canManageCycles(me, neighbourhood.corporationId, n);
  const changed = async () => {
    await counts.reload();
    await reload();
  };
  return (
    <>
      <section aria-labelledby="codes-counts">
        <h2 id="codes-counts">{t("corporation.codes.counts")}</h2>
        {!counts.value ? (
          <Loading problem={counts.problem} />
        ) : (
          <dl class="staff-facts" aria-live="polite">
            <dt>{t("corporation.codes.issued")}</dt>
            <dd data-testid="codes-issued">{formatNumber(counts.value.issued)}</dd>
            <dt>{t("corporation.codes.households")}</dt>
            <dd data-testid="codes-households">{formatNumber(counts.value.households)}</dd>
            <dt>{t("corporation.codes.live")}</dt>
            <dd data-testid="codes-live">{formatNumber(counts.value.live)}</dd>
          </dl>
        )}
      </section>
      {manage ? (
        <>
          <AddressListUpload n={n} c={c} onIssued={changed} />
          <RevokeCodeForm n={n} onRevoked={changed} />
        </>
      ) : (
        <p class="notice">{t("corporation.codes.readOnly")}</p>
      )}
    </>
  );
}
