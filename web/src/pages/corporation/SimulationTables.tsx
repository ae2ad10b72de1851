// The simulation's answer as two tables: per rule, the budget used and left and the projects funded; and per
// project, which rules fund it (in words, not colour). Wide tables scroll sideways on a phone, by keyboard too.
import type { Simulation } from "../../api/types";
import { formatMoney, formatNumber, t, tn } from "../../i18n/i18n";
import { ruleName } from "./texts";

export function SimulationTables({ simulation, budgetCents }: { simulation: Simulation; budgetCents: number }) {
  const titles = new Map(simulation.projects.map((p) => [p.id, p.title]));
  return (
    <section aria-labelledby="simulation-result">
      <h2 id="simulation-result">{t("corporation.simulation.result")}</h2>
      <p>{t("corporation.simulation.resultLead", { voters: formatNumber(simulation.voters), seed: simulation.seed, budget: formatMoney(budgetCents, true) })}</p>
      <div class="table-scroll" role="region" aria-labelledby="simulation-rules-caption" tabIndex={0}>
        <table class="data">
          <caption id="simulation-rules-caption">{t("corporation.simulation.rulesCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("corporation.simulation.rule")}</th>
              <th scope="col">{t("corporation.simulation.funded")}</th>
              <th scope="col">{t("corporation.simulation.spent")}</th>
              <th scope="col">{t("corporation.simulation.left")}</th>
            </tr>
          </thead>
          <tbody>
            {simulation.results.map((r) => (
              <tr key={ruleName(r)}>
                <th scope="row">{ruleName(r)}</th>
                <td>
                  {tn("corporation.simulation.projects", r.selected.length)}
                  {r.selected.length > 0 && <span class="cell-detail">{r.selected.map((id) => titles.get(id) ?? id).join(", ")}</span>}
                </td>
                <td>{formatMoney(r.spentCents, true)}</td>
                <td>{formatMoney(r.leftCents, true)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div class="table-scroll" role="region" aria-labelledby="simulation-projects-caption" tabIndex={0}>
        <table class="data matrix">
          <caption id="simulation-projects-caption">{t("corporation.simulation.projectsCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("corporation.simulation.project")}</th>
              {simulation.results.map((r) => (
                <th scope="col" key={ruleName(r)}>
                  {ruleName(r)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {simulation.projects.map((p) => (
              <tr key={p.id}>
                <th scope="row">
                  {p.title} <span class="cell-detail">{formatMoney(p.costCents)}</span>
                </th>
                {simulation.results.map((r) => (
                  <td key={ruleName(r)}>{r.selected.includes(p.id) ? t("corporation.simulation.yes") : t("corporation.simulation.no")}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
