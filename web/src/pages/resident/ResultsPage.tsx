// The outcome after the vote: what gets built, how much of the budget it uses, and for every project why it was
// or was not funded, in words a resident can follow. The numbers come from the server's explanation data.
import { api, cyclePaths } from "../../api/client";
import type { CycleResults, ProjectExplanation, PublicCycle } from "../../api/types";
import { href } from "../../app/router";
import { isResidentOf, useSession } from "../../app/session";
import { useLoad } from "../../app/useLoad";
import { Page } from "../../components/Page";
import { Loading } from "../../components/Problem";
import { formatMoney, t, tn, type Key } from "../../i18n/i18n";
import { useLiveCycle } from "../../live/useLiveCycle";
import { MyShare } from "./results/MyShare";

export function ResultsPage({ n, c }: { n: string; c: string }) {
  const { me } = useSession();
  const p = cyclePaths(n, c);
  const live = useLiveCycle(n, c);
  const cycle = useLoad((signal) => api.get<PublicCycle>(p.base, { signal }), [n, c, live.update?.phase]);
  const results = useLoad((signal) => api.get<CycleResults>(p.results, { signal }), [n, c, live.update?.phase]);
  const outcome = live.update?.results ?? results.value;
  if (!cycle.value) return <Page title={t("results.title")}><Loading problem={cycle.problem} /></Page>;
  if (!outcome) {
    return (
      <Page title={t("results.title")}>
        {results.problem?.status === 409 || results.problem?.status === 400 ? <p>{t("results.notYet")}</p> : <Loading problem={results.problem} />}
      </Page>
    );
  }
  const titles = new Map(cycle.value.projects.map((x) => [x.id, x.title]));
  const funded = outcome.projects.filter((x) => x.verdict === "Funded" || x.verdict === "FundedByCompletion");
  const notFunded = outcome.projects.filter((x) => !(x.verdict === "Funded" || x.verdict === "FundedByCompletion")).sort((a, b) => b.score - a.score);
  const byPick = [...funded].sort((a, b) => outcome.selected.indexOf(a.projectId) - outcome.selected.indexOf(b.projectId));
  return (
    <Page
      title={t("results.titleOf", { cycle: cycle.value.title })}
      lead={t("results.lead", { count: funded.length, spent: formatMoney(outcome.spentCents, true), budget: formatMoney(outcome.budgetCents, true) })}
    >
      <p>{t(`results.rule.${outcome.rule}` as Key)}</p>
      <BudgetChart outcome={outcome} titles={titles} />
      <section aria-labelledby="results-funded">
        <h2 id="results-funded">{t("results.funded")}</h2>
        <ol class="card-list">
          {byPick.map((x) => (
            <li key={x.projectId} class="card card-funded">
              <h3>{titles.get(x.projectId) ?? x.projectId}</h3>
              <p class="meta">
                <span>{formatMoney(x.cost)}</span>
                <span>{tn("results.votes", x.score)}</span>
              </p>
              <p>{explainProject(x)}</p>
            </li>
          ))}
        </ol>
      </section>
      <section aria-labelledby="results-not-funded">
        <h2 id="results-not-funded">{t("results.notFunded")}</h2>
        <ul class="card-list">
          {notFunded.map((x) => (
            <li key={x.projectId} class="card">
              <h3>{titles.get(x.projectId) ?? x.projectId}</h3>
              <p class="meta">
                <span>{formatMoney(x.cost)}</span>
                <span>{tn("results.votes", x.score)}</span>
              </p>
              <p>{explainProject(x)}</p>
            </li>
          ))}
        </ul>
      </section>
      {isResidentOf(me, n, c) && outcome.rule === "EqualShares" && <MyShare n={n} c={c} titles={titles} />}
      <section aria-labelledby="results-check">
        <h2 id="results-check">{t("results.checkTitle")}</h2>
        <p>{t("results.checkText")}</p>
        <p class="button-row">
          <a class="button button-secondary" href={href("checkReceipt", { n, c })}>
            {t("cycle.checkReceipt")}
          </a>
          <a class="button button-secondary" href={p.resultsCsv} download>
            {t("results.downloadCsv")}
          </a>
          <a class="button button-secondary" href={p.resultsPb} download>
            {t("results.downloadPb")}
          </a>
        </p>
      </section>
    </Page>
  );
}

/** One sentence per project from the explanation data: round, price and payments for Equal Shares; money left for greedy. */
export function explainProject(x: ProjectExplanation): string {
  const money = (v: number | null) => formatMoney(Math.round(v ?? 0));
  switch (x.verdict) {
    case "Funded":
      if (x.maxPaymentPerSupporter !== null) {
        return tn("explain.fundedShares", x.supporters, { round: x.round ?? 0, most: money(x.maxPaymentPerSupporter) });
      }
      return t("explain.fundedGreedy", { round: x.round ?? 0, left: money(x.budgetLeftBefore) });
    case "FundedByCompletion":
      return t("explain.fundedCompletion", { left: money(x.budgetLeftBefore) });
    case "NoSupport":
      return t("explain.noSupport");
    case "SupportersCouldNotAfford":
      return tn("explain.couldNotAfford", x.supporters, { left: money(x.supportersMoneyLeft), cost: money(x.cost) });
    case "DidNotFit":
      return t("explain.didNotFit", { left: money(x.budgetLeftBefore), cost: money(x.cost) });
    case "RuleStopped":
      return t("explain.ruleStopped");
  }
}

/** The budget as one bar split into the funded projects and what is left, with the same numbers as a list. */
function BudgetChart({ outcome, titles }: { outcome: CycleResults; titles: Map<string, string> }) {
  const funded = outcome.selected.map((id) => outcome.projects.find((x) => x.projectId === id)!).filter(Boolean);
  const left = outcome.budgetCents - outcome.spentCents;
  return (
    <figure class="budget-chart">
      <div class="stacked-bar" aria-hidden="true">
        {funded.map((x, i) => (
          <span key={x.projectId} class={`segment segment-${i % 6}`} style={{ width: `${(100 * x.cost) / outcome.budgetCents}%` }} title={titles.get(x.projectId)} />
        ))}
      </div>
      <figcaption>
        {t("results.chartCaption", { spent: formatMoney(outcome.spentCents, true), left: formatMoney(left, true) })}
      </figcaption>
    </figure>
  );
}
