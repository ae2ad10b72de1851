// The corporation's staff, one card per role a person holds, with where it applies; administrators can revoke a
// role after a confirmation. The server refuses to remove the last administrator, in its own words, shown at the card.
import { api } from "../../api/client";
import type { CorporationView, StaffEntry } from "../../api/types";
import { t } from "../../i18n/i18n";
import { ConfirmAction } from "./ConfirmAction";
import { staffPaths } from "./staffApi";
import { roleName } from "./texts";
import { useAction } from "./useAction";

interface Props { corporation: CorporationView; manage: boolean; onChanged: (view: CorporationView) => void }

export function StaffList({ corporation, manage, onChanged }: Props) {
  if (corporation.staff.length === 0) return <p>{t("corporation.staff.none")}</p>;
  const names = new Map(corporation.neighbourhoods.map((n) => [n.neighbourhoodId, n.name]));
  return (
    <ul class="card-list staff-list">
      {corporation.staff.map((entry, i) => (
        <StaffCard key={`${entry.member.issuer} ${entry.member.subject} ${entry.role}`} index={i} entry={entry} names={names} corporationId={corporation.corporationId} manage={manage} onChanged={onChanged} />
      ))}
    </ul>
  );
}

function StaffCard({ index, entry, names, corporationId, manage, onChanged }: { index: number; entry: StaffEntry; names: Map<string, string>; corporationId: string; manage: boolean; onChanged: (view: CorporationView) => void }) {
  const action = useAction();
  const { issuer, subject } = entry.member;
  const where = entry.neighbourhoods.length === 0 ? t("corporation.staff.everywhere") : entry.neighbourhoods.map((n) => names.get(n) ?? n).join(", ");
  const revoke = async () => {
    const view = await action.run(() => api.delete<CorporationView>(staffPaths.revokeRole(corporationId, issuer, subject, entry.role)));
    if (view) onChanged(view);
    return !!view;
  };
  return (
    <li class="card">
      <h3>
        {subject} <span class="badge">{roleName(entry.role)}</span>
      </h3>
      <p class="meta">
        <span>
          {t("corporation.person.issuer")}: <span class="hash">{issuer}</span>
        </span>
      </p>
      <p>{t("corporation.staff.where", { where })}</p>
      {manage && (
        <ConfirmAction
          id={`revoke-${index}`}
          small
          action={action}
          onConfirm={revoke}
          ask={
            <>
              {t("corporation.staff.revoke")}
              <span class="visually-hidden">: {t("corporation.staff.revokeWhat", { role: roleName(entry.role), subject })}</span>
            </>
          }
          explain={<p>{t("corporation.staff.revokeExplain", { role: roleName(entry.role), subject })}</p>}
          confirm={t("corporation.staff.revokeConfirm")}
        />
      )}
    </li>
  );
}
