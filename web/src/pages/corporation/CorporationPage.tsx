// A corporation as its administrators run it: its neighbourhoods (add one) and its staff (grant and revoke
// roles). Auditors see the same, without the forms.
import { api, paths } from "../../api/client";
import type { CorporationView } from "../../api/types";
import { href } from "../../app/router";
import { useSession } from "../../app/session";
import { useLoad } from "../../app/useLoad";
import { Page } from "../../components/Page";
import { Loading } from "../../components/Problem";
import { t } from "../../i18n/i18n";
import { AddNeighbourhoodForm } from "./AddNeighbourhoodForm";
import { GrantForm } from "./GrantForm";
import { NeighbourhoodMapForm } from "./NeighbourhoodMapForm";
import { canManageCorporation } from "./roles";
import { StaffGate } from "./StaffGate";
import { StaffList } from "./StaffList";

export function CorporationPage({ corporationId }: { corporationId: string }) {
  return <StaffGate title={t("corporation.page.loading")}>{() => <Corporation corporationId={corporationId} />}</StaffGate>;
}

function Corporation({ corporationId }: { corporationId: string }) {
  const { me } = useSession();
  const corporation = useLoad((signal) => api.get<CorporationView>(paths.corporation(corporationId), { signal }), [corporationId]);
  if (!corporation.value) {
    return (
      <Page title={t("corporation.page.loading")}>
        <Loading problem={corporation.problem} />
      </Page>
    );
  }
  const view = corporation.value;
  const manage = canManageCorporation(me, corporationId);
  const changed = (next: CorporationView) => corporation.set(next);
  return (
    <Page title={view.name} lead={manage ? t("corporation.page.leadManage") : t("corporation.page.leadRead")}>
      <p>
        <a href={href("staff")}>{t("corporation.page.back")}</a>
      </p>
      <section aria-labelledby="corporation-neighbourhoods">
        <h2 id="corporation-neighbourhoods">{t("corporation.page.neighbourhoods")}</h2>
        {view.neighbourhoods.length === 0 ? (
          <p>{t("corporation.page.noNeighbourhoods")}</p>
        ) : (
          <ul class="plain-list">
            {view.neighbourhoods.map((n) => (
              <li key={n.neighbourhoodId}>
                <a href={href("neighbourhood", { n: n.neighbourhoodId })}>{n.name}</a> <span class="meta-inline">({n.neighbourhoodId})</span>
                {manage && (
                  <>
                    {" · "}
                    <a href={href("newCycle", { n: n.neighbourhoodId })}>
                      {t("corporation.home.newCycle")}
                      <span class="visually-hidden"> ({n.name})</span>
                    </a>
                  </>
                )}
              </li>
            ))}
          </ul>
        )}
        {manage && <AddNeighbourhoodForm corporationId={corporationId} onAdded={changed} />}
        {manage && view.neighbourhoods.length > 0 && <NeighbourhoodMapForm corporation={view} onPlaced={changed} />}
      </section>
      <section aria-labelledby="corporation-staff">
        <h2 id="corporation-staff">{t("corporation.page.staff")}</h2>
        <StaffList corporation={view} manage={manage} onChanged={changed} />
        {manage && <GrantForm corporation={view} onGranted={changed} />}
      </section>
    </Page>
  );
}
