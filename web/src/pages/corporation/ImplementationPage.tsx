// After the vote: progress on every funded project (planned, in progress, done, cancelled) with a note residents
// read on the proposal's page.
import { api, cyclePaths } from "../../api/client";
import type { CycleResults } from "../../api/types";
import { useSession } from "../../app/session";
import { useLoad } from "../../app/useLoad";
import { Loading } from "../../components/Problem";
import { t } from "../../i18n/i18n";
import { CyclePageFrame, type CycleContext } from "./CyclePageFrame";
import { ImplementationCard } from "./ImplementationCard";
import { canManageCycles } from "./roles";

export function ImplementationPage({ n, c }: { n: string; c: string }) {
  return (
    <CyclePageFrame n={n} c={c} route="implementation" title={t("corporation.implementation.title")}>
      {(context) => <Implementation {...context} />}
    </CyclePageFrame>
  );
}

function Implementation({ n, c, admin, neighbourhood }: CycleContext) {
  const { me } = useSession();
  const phase = admin.cycle.phase;
  const closed = phase === "Results" || phase === "Implementation" || phase === "Closed";
  const results = useLoad((signal) => (closed ? api.get<CycleResults>(cyclePaths(n, c).results, { signal }) : Promise.resolve(null)), [n, c, closed]);
  if (!closed) return <p class="notice">{t("corporation.implementation.notYet")}</p>;
  if (!results.value) return <Loading problem={results.problem} />;
  const titles = new Map(admin.cycle.projects.map((p) => [p.id, p.title]));
  const manage = canManageCycles(me, neighbourhood.corporationId, n) && phase !== "Closed";
  return (
    <section aria-labelledby="implementation-list">
      <h2 id="implementation-list">{t("corporation.implementation.funded")}</h2>
      <p>{t("corporation.implementation.lead")}</p>
      {results.value.selected.length === 0 ? (
        <p>{t("corporation.implementation.none")}</p>
      ) : (
        <ul class="plain-list">
          {results.value.selected.map((p) => (
            <ImplementationCard key={p} n={n} c={c} p={p} title={titles.get(p) ?? p} manage={manage} />
          ))}
        </ul>
      )}
    </section>
  );
}
