// Where a member of staff starts: the corporations and neighbourhoods they work for (from their grants), each
// neighbourhood with all its budget rounds, drafts included, and a link to each round's administration.
import { api, paths } from "../../api/client";
import type { CorporationView, Me, PublicNeighbourhood, StaffGrant } from "../../api/types";
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
  // With a corporation-wide grant the corporation lists its neighbourhoods; otherwise the grants name them, and
  // their public pages give the names.
  const place = useLoad(async (signal): Promise<{ name: string; neighbourhoods: { id: string; name: string }[] }> => {
    if (whole) {
      const view = await api.get<CorporationView>(paths.corporation(corporationId), { signal });
      return { name: view.name, neighbourhoods: view.neighbourhoods.map((n) => ({ id: n.neighbourhoodId, name: n.name })) };
    }
    const ids = [...new Set(grants.flatMap((g) => g.neighbourhoods))];
    const pages = await Promise.all(ids.map((n) => api.get<PublicNeighbourhood>(paths.neighbourhood(n), { signal })));
    return { name: pages[0]?.corporationName ?? corporationId, neighbourhoods: pages.map((p) => ({ id: p.neighbourhoodId, name: p.name })) };
  }, [corporationId, whole]);
  const headingId = `corporation-${corporationId}`;
  const name = place.value?.name ?? corporationId;
  const names = new Map(place.value?.neighbourhoods.map((n) => [n.id, n.name]));
  return (
    <section aria-labelledby={headingId} class="staff-corporation">
      <h2 id={headingId}>{name}</h2>
      <p class="meta">
        {grants.map((g) => (
          <span key={g.role}>
            {g.coversEveryNeighbourhood
              ? t("corporation.home.roleEverywhere", { role: roleName(g.role) })
              : t("corporation.home.roleIn", { role: roleName(g.role), neighbourhoods: g.neighbourhoods.map((n) => names.get(n) ?? n).join(", ") })}
          </span>
        ))}
      </p>
      {whole && (
        <p>
          <a href={href("corporation", { corporation: corporationId })}>
            {canManageCorporation(me, corporationId) ? t("corporation.home.manage") : t("corporation.home.view")}
            <span class="visually-hidden"> ({name})</span>
          </a>
        </p>
      )}
      {!place.value ? (
        <Loading problem={place.problem} />
      ) : place.value.neighbourhoods.length === 0 ? (
        <p>{t("corporation.home.noNeighbourhoods")}</p>
      ) : (
        place.value.neighbourhoods.map((n) => <NeighbourhoodCycles key={n.id} me={me} corporationId={corporationId} n={n.id} name={n.name} />)
      )}
    </section>
  );
}
