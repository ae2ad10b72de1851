// A neighbourhood: its corporation and its budget cycles, the current one first.
import { api, paths } from "../../api/client";
import type { PublicNeighbourhood } from "../../api/types";
import { href } from "../../app/router";
import { useLoad } from "../../app/useLoad";
import { Page } from "../../components/Page";
import { phaseName } from "../../components/Phase";
import { Loading } from "../../components/Problem";
import { formatMoney, t } from "../../i18n/i18n";

export function NeighbourhoodPage({ n }: { n: string }) {
  const neighbourhood = useLoad((signal) => api.get<PublicNeighbourhood>(paths.neighbourhood(n), { signal }), [n]);
  if (!neighbourhood.value) return <Page title={t("neighbourhood.loading")}><Loading problem={neighbourhood.problem} /></Page>;
  const { name, corporationName, cycles } = neighbourhood.value;
  const ordered = [...cycles].sort((a, b) => Number(b.phase !== "Closed") - Number(a.phase !== "Closed") || b.cycleId.localeCompare(a.cycleId));
  return (
    <Page title={name} lead={t("neighbourhood.lead", { corporation: corporationName })}>
      <h2>{t("neighbourhood.cycles")}</h2>
      {ordered.length === 0 ? (
        <p>{t("neighbourhood.noCycles")}</p>
      ) : (
        <ul class="card-list">
          {ordered.map((cycle) => (
            <li key={cycle.cycleId} class="card">
              <h3>
                <a href={href("cycle", { n, c: cycle.cycleId })}>{cycle.title}</a>
              </h3>
              <p>
                {t("neighbourhood.cycleLine", { budget: formatMoney(cycle.budgetCents, true), phase: phaseName(cycle.phase) })}
              </p>
            </li>
          ))}
        </ul>
      )}
    </Page>
  );
}
