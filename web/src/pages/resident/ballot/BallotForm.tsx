// Filling in the ballot, one control per project that suits the design: a checkbox (approval, knapsack), a
// number of points (cumulative), or a place in an ordered list moved with buttons (ranking), all usable by keyboard.
import type { BallotDescription, BallotProject } from "../../../api/types";
import { formatMoney, formatNumber, t, tn } from "../../../i18n/i18n";
import { check, spendingLimitOf, type Choices } from "./ballotRules";

interface Props {
  ballot: BallotDescription;
  projects: BallotProject[];
  budgetCents: number;
  choices: Choices;
  onChange: (next: Map<string, number>) => void;
}

export function BallotForm(props: Props) {
  const { ballot, projects, budgetCents, choices } = props;
  const state = check(ballot, projects, choices, budgetCents);
  return (
    <>
      <Totals {...props} spentCents={state.spentCents} pointsUsed={state.pointsUsed} chosen={state.chosen} />
      {ballot.kind === "Ranking" ? <RankingControls {...props} /> : <ProjectControls {...props} />}
    </>
  );
}

function Totals({ ballot, budgetCents, spentCents, pointsUsed, chosen }: Props & { spentCents: number; pointsUsed: number; chosen: number }) {
  if (ballot.kind === "Knapsack") {
    const limit = spendingLimitOf(ballot, budgetCents);
    const over = spentCents > limit;
    return (
      <div class="totals" aria-live="polite">
        <p id="ballot-budget-text">{t("ballot.budgetUsed", { spent: formatMoney(spentCents), limit: formatMoney(limit, true) })}</p>
        <meter class="budget-bar" min={0} max={limit} value={Math.min(spentCents, limit)} high={limit * 0.999} aria-labelledby="ballot-budget-text" />
        {over && <p class="field-error">{t("ballot.overLimit", { over: formatMoney(spentCents - limit) })}</p>}
      </div>
    );
  }
  if (ballot.kind === "Cumulative" && ballot.points !== null) {
    return (
      <p class="totals" aria-live="polite">
        {tn("ballot.pointsLeftNow", ballot.points - pointsUsed, { total: formatNumber(ballot.points) })}
      </p>
    );
  }
  return (
    <p class="totals" aria-live="polite">
      {ballot.maxProjects === null ? tn("ballot.chosen", chosen) : t("ballot.chosenOf", { chosen, max: ballot.maxProjects })}
    </p>
  );
}

function ProjectControls({ ballot, projects, choices, onChange }: Props) {
  const set = (id: string, value: number) => {
    const next = new Map(choices);
    if (value > 0) next.set(id, value);
    else next.delete(id);
    onChange(next);
  };
  if (ballot.kind === "Cumulative") {
    const cap = ballot.maxPointsPerProject ?? ballot.points ?? 100;
    return (
      <fieldset class="ballot-projects">
        <legend>{t("ballot.givePoints")}</legend>
        <ul>
          {projects.map((p) => (
            <li key={p.id} class="ballot-project">
              <label for={`points-${p.id}`}>
                <span class="project-title">{p.title}</span> <span class="meta">{formatMoney(p.costCents)}</span>
              </label>
              <input
                id={`points-${p.id}`}
                type="number"
                inputMode="numeric"
                min={0}
                max={cap}
                step={1}
                value={choices.get(p.id) ?? 0}
                onInput={(e) => {
                  const value = Math.max(0, Math.min(cap, Math.floor(Number((e.target as HTMLInputElement).value) || 0)));
                  set(p.id, value);
                }}
              />
            </li>
          ))}
        </ul>
      </fieldset>
    );
  }
  return (
    <fieldset class="ballot-projects">
      <legend>{t("ballot.chooseProjects")}</legend>
      <ul>
        {projects.map((p) => (
          <li key={p.id} class="ballot-project">
            <input id={`choose-${p.id}`} type="checkbox" checked={choices.has(p.id)} onChange={(e) => set(p.id, (e.target as HTMLInputElement).checked ? 1 : 0)} />
            <label for={`choose-${p.id}`}>
              <span class="project-title">{p.title}</span> <span class="meta">{formatMoney(p.costCents)}</span>
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

function RankingControls({ ballot, projects, choices, onChange }: Props) {
  const ranked = [...choices.entries()].sort((a, b) => a[1] - b[1]).map(([id]) => id);
  const byId = new Map(projects.map((p) => [p.id, p]));
  const max = ballot.maxProjects ?? projects.length;
  const apply = (order: string[]) => onChange(new Map(order.map((id, i) => [id, i + 1])));
  const move = (index: number, by: number) => {
    const order = [...ranked];
    const [id] = order.splice(index, 1);
    order.splice(index + by, 0, id);
    apply(order);
    // Keep the keyboard where the project went.
    queueMicrotask(() => document.getElementById(`rank-${id}`)?.focus());
  };
  return (
    <>
      <section aria-labelledby="ranking-order">
        <h2 id="ranking-order">{t("ballot.yourOrder")}</h2>
        {ranked.length === 0 ? (
          <p>{t("ballot.nothingRanked")}</p>
        ) : (
          <ol class="ranking">
            {ranked.map((id, i) => (
              <li key={id} id={`rank-${id}`} tabIndex={-1}>
                <span class="project-title">{byId.get(id)?.title}</span>
                <span class="button-row">
                  <button type="button" class="button button-small" disabled={i === 0} onClick={() => move(i, -1)}>
                    {t("ballot.up")}
                    <span class="visually-hidden">: {byId.get(id)?.title}</span>
                  </button>
                  <button type="button" class="button button-small" disabled={i === ranked.length - 1} onClick={() => move(i, 1)}>
                    {t("ballot.down")}
                    <span class="visually-hidden">: {byId.get(id)?.title}</span>
                  </button>
                  <button type="button" class="button button-small" onClick={() => apply(ranked.filter((x) => x !== id))}>
                    {t("ballot.remove")}
                    <span class="visually-hidden">: {byId.get(id)?.title}</span>
                  </button>
                </span>
              </li>
            ))}
          </ol>
        )}
      </section>
      <section aria-labelledby="ranking-add">
        <h2 id="ranking-add">{t("ballot.addToOrder")}</h2>
        <ul class="ballot-projects">
          {projects
            .filter((p) => !choices.has(p.id))
            .map((p) => (
              <li key={p.id} class="ballot-project">
                <span class="project-title">{p.title}</span> <span class="meta">{formatMoney(p.costCents)}</span>
                <button type="button" class="button button-small" disabled={ranked.length >= max} onClick={() => apply([...ranked, p.id])}>
                  {t("ballot.add")}
                  <span class="visually-hidden">: {p.title}</span>
                </button>
              </li>
            ))}
        </ul>
      </section>
    </>
  );
}
