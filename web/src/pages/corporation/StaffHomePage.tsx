// Where a member of staff starts: the corporations and neighbourhoods they work for (from their grants), each
// neighbourhood with all its budget rounds, drafts included, and a link to each round's administration.
import { api, paths } from "../../api/client";
import type { CorporationView, Me, StaffGrant } from "../../api/types";
import { href } from "../../app/router";
import { useLoad } from "../../app/useLoad";
import { Page } from "../../components/Page";
import { Loading } from "../../components/Problem";
import { t } from "../../i18n/i18n";
import { NeighbourhoodCycles } from "./NeighbourhoodCycles";
import { canManageCorporation, canReadCorporation } from "./roles";
import { StaffGate } from "./StaffGate";
import { roleName } from "./texts";

export function StaffHomePage() {
  return (
    <StaffGate title={t("corporation.home.title")}>
      {(staff, me) => {
        const corporations = [...new Set(staff.grants.map((g) => g.corporationId))];
        return (
          <Page title={t("corporation.home.title")} lead={t("corporation.home.lead", { name: staff.name ?? staff.subject })}>
            {staff.platformOperator && (
              <section class="panel" aria-labelledby="home-operator">
                <h2 id="home-operator">{t("corporation.home.operator")}</h2>
                <p>{t("corporation.home.operatorText")}</p>
                <a href={href("operator")}>{t("corporation.home.operatorLink")}</a>
              </section>
            )}
            {corporations.length === 0 && !staff.platformOperator && <p>{t("corporation.home.noGrants")}</p>}
            {corporations.map((id) => (
              <CorporationBlock key={id} me={me} corporationId={id} grants={staff.grants.filter((g) => g.corporationId === id)} />
            ))}
          </Page>
        );
      }}
    </StaffGate>
  );
}

function CorporationBlock({ me, corporationId, grants }: { me: Me; corporationId: string; grants: StaffGrant[] }) {
  const whole = canReadCorporation(me, corporationId);
  const corporation = useLoad(
    (signal) => (whole ? api.get<CorporationView>(paths.corporation(corporationId), { signal }) : Promise.resolve(null)),
    [corporationId, whole],
  );
  const headingId = `corporation-${corporationId}`;
  // Without a corporation-wide grant the neighbourhoods come from the grants themselves.
  const neighbourhoods = corporation.value
    ? corporation.value.neighbourhoods.map((n) => n.neighbourhoodId)
    : [...new Set(grants.flatMap((g) => g.neighbourhoods))];
  return (
    <section aria-labelledby={headingId} class="staff-corporation">
      <h2 id={headingId}>{corporation.value?.name ?? corporationId}</h2>
      <p class="meta">
        {grants.map((g) => (
          <span key={g.role}>
            {g.coversEveryNeighbourhood
              ? t("corporation.home.roleEverywhere", { role: roleName(g.role) })
              : t("corporation.home.roleIn", { role: roleName(g.role), neighbourhoods: g.neighbourhoods.join(", ") })}
          </span>
        ))}
      </p>
      {whole && (
        <p>
          <a href={href("corporation", { corporation: corporationId })}>
            {canManageCorporation(me, corporationId) ? t("corporation.home.manage") : t("corporation.home.view")}
            <span class="visually-hidden"> ({corporation.value?.name ?? corporationId})</span>
          </a>
        </p>
      )}
      {corporation.loading && whole ? (
        <Loading problem={corporation.problem} />
      ) : corporation.problem ? (
        <Loading problem={corporation.problem} />
      ) : neighbourhoods.length === 0 ? (
        <p>{t("corporation.home.noNeighbourhoods")}</p>
      ) : (
        neighbourhoods.map((n) => <NeighbourhoodCycles key={n} me={me} corporationId={corporationId} n={n} />)
      )}
    </section>
  );
}
