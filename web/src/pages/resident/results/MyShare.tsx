// Equal Shares gives every voter the same share of the budget; this shows the signed-in voter where theirs went.
import { api, ApiProblem, cyclePaths } from "../../../api/client";
import { useLoad } from "../../../app/useLoad";
import { formatMoney, t } from "../../../i18n/i18n";

interface VoterShare { endowmentCents: number; payments: { projectId: string; amountCents: number }[]; leftCents: number }

export function MyShare({ n, c, titles }: { n: string; c: string; titles: Map<string, string> }) {
  const share = useLoad(
    (signal) => api.get<VoterShare>(`${cyclePaths(n, c).results}/mine`, { signal }).catch((e: ApiProblem) => (e.status === 404 ? null : Promise.reject(e))),
    [n, c],
  );
  if (!share.value) return null;
  const { endowmentCents, payments, leftCents } = share.value;
  return (
    <section class="panel" aria-labelledby="my-share">
      <h2 id="my-share">{t("share.title")}</h2>
      <p>{t("share.endowment", { share: formatMoney(Math.round(endowmentCents)) })}</p>
      {payments.length === 0 ? (
        <p>{t("share.none")}</p>
      ) : (
        <ul>
          {payments.map((x) => (
            <li key={x.projectId}>{t("share.paid", { amount: formatMoney(Math.round(x.amountCents)), project: titles.get(x.projectId) ?? x.projectId })}</li>
          ))}
        </ul>
      )}
      <p>{t("share.left", { left: formatMoney(Math.round(leftCents)) })}</p>
    </section>
  );
}
