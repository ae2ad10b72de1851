// The cycle's ballot design explained while the voter fills it in: what is still needed, what is too much.
// The server checks every ballot again (src/Buurtbudget.Domain/Ballots); these checks only give the voter the
// same answer earlier, in their language, next to the thing to change.
import type { BallotDescription, BallotLine, BallotProject } from "../../../api/types";
import { formatMoney, t, tn } from "../../../i18n/i18n";

/** What the voter has chosen so far: a mark (1), points, or a rank (1 = favourite) per project. */
export type Choices = ReadonlyMap<string, number>;

export interface BallotState {
  /** Problems that stop the ballot from being cast, in words. */
  problems: string[];
  /** The running totals the page shows. */
  chosen: number;
  spentCents: number;
  pointsUsed: number;
}

export function spendingLimitOf(ballot: BallotDescription, budgetCents: number) {
  return ballot.spendingLimit ?? budgetCents;
}

export function check(ballot: BallotDescription, projects: BallotProject[], choices: Choices, budgetCents: number): BallotState {
  const costs = new Map(projects.map((p) => [p.id, p.costCents]));
  const marked = [...choices.entries()].filter(([, v]) => v > 0);
  const chosen = marked.length;
  const spentCents = marked.reduce((sum, [id]) => sum + (costs.get(id) ?? 0), 0);
  const pointsUsed = marked.reduce((sum, [, v]) => sum + v, 0);
  const problems: string[] = [];
  const max = ballot.maxProjects;
  if (ballot.kind !== "Cumulative") {
    if (chosen < ballot.minProjects) problems.push(tn("ballot.tooFew", ballot.minProjects));
    if (max !== null && chosen > max) problems.push(tn("ballot.tooMany", max));
  } else if (chosen < Math.max(1, ballot.minProjects)) {
    problems.push(tn("ballot.tooFewPointed", Math.max(1, ballot.minProjects)));
  }
  if (ballot.kind === "Knapsack") {
    const limit = spendingLimitOf(ballot, budgetCents);
    if (spentCents > limit) problems.push(t("ballot.overLimit", { over: formatMoney(spentCents - limit) }));
    if (ballot.minimumSpend !== null && spentCents < ballot.minimumSpend) {
      problems.push(t("ballot.underMinimum", { minimum: formatMoney(ballot.minimumSpend) }));
    }
  }
  if (ballot.kind === "Cumulative" && ballot.points !== null) {
    if (pointsUsed > ballot.points) problems.push(tn("ballot.tooManyPoints", ballot.points));
    if (ballot.mustUseAllPoints && pointsUsed < ballot.points) problems.push(tn("ballot.pointsLeft", ballot.points - pointsUsed));
  }
  return { problems, chosen, spentCents, pointsUsed };
}

/** What the ballot says, as the server takes it. */
export function toLines(ballot: BallotDescription, choices: Choices): BallotLine[] {
  const lines = [...choices.entries()].filter(([, v]) => v > 0).map(([projectId, value]) => ({ projectId, value }));
  return ballot.kind === "Ranking" ? lines.sort((a, b) => a.value - b.value) : lines;
}

/** The design in one or two sentences for the top of the ballot. */
export function explain(ballot: BallotDescription, budgetCents: number): string {
  const max = ballot.maxProjects;
  switch (ballot.kind) {
    case "Approval":
      return max === null
        ? tn("ballot.explain.approvalAny", Math.max(1, ballot.minProjects))
        : ballot.minProjects === max
          ? tn("ballot.explain.approvalExactly", max)
          : t("ballot.explain.approvalRange", { min: Math.max(1, ballot.minProjects), max });
    case "Knapsack":
      return t("ballot.explain.knapsack", { limit: formatMoney(spendingLimitOf(ballot, budgetCents), true) });
    case "Cumulative":
      return ballot.maxPointsPerProject
        ? t("ballot.explain.cumulativeCapped", { points: ballot.points ?? 0, cap: ballot.maxPointsPerProject })
        : t("ballot.explain.cumulative", { points: ballot.points ?? 0 });
    case "Ranking":
      return t("ballot.explain.ranking", { max: max ?? 1 });
  }
}
