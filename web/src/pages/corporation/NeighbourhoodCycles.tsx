// One neighbourhood on the staff home page: its name and every budget round (drafts too), each with a link to
// its administration, and for administrators a link to set up a new round.
import { api } from "../../api/client";
import type { CycleSummary, Me } from "../../api/types";
import { href } from "../../app/router";
import { useLoad } from "../../app/useLoad";
import { phaseName } from "../../components/Phase";
import { Loading } from "../../components/Problem";
import { formatMoney, t } from "../../i18n/i18n";
import { canManageCycles } from "./roles";
import { staffPaths } from "./staffApi";

export function NeighbourhoodCycles({ me, corporationId, n, name }: { me: Me; corporationId: string; n: string; name: string }) {
  const cycles = useLoad((signal) => api.get<CycleSummary[]>(staffPaths.everyCycle(n), { signal }), [n]);
  const headingId = `neighbourhood-${n}`;
  return (
    <section aria-labelledby={headingId} class="card staff-neighbourhood">
      <h3 id={headingId}>{name}</h3>
      {!cycles.value ? (
        <Loading problem={cycles.problem} />
      ) : cycles.value.length === 0 ? (
        <p>{t("corporation.home.noCycles")}</p>
      ) : (
        <ul class="plain-list">
          {cycles.value.map((cycle) => (
            <li key={cycle.cycleId}>
              <a href={href("cycleAdministration", { n, c: cycle.cycleId })}>{cycle.title}</a>{" "}
              <span class="meta-inline">
                {t("corporation.home.cycleLine", { phase: phaseName(cycle.phase), budget: formatMoney(cycle.budgetCents, true) })}
              </span>
            </li>
          ))}
        </ul>
      )}
      {canManageCycles(me, corporationId, n) && (
        <p>
          <a href={href("newCycle", { n })}>
            {t("corporation.home.newCycle")}
            <span class="visually-hidden"> ({name})</span>
          </a>
        </p>
      )}
    </section>
  );
}
