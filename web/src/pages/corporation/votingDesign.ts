// The voting rules as the open-voting form holds them (text as typed), checked and turned into the API's
// request, and described in words for the confirmation.
import type { BallotDescription, BallotKind, Completion, LiveDisclosure, RevotePolicy, RuleKind, Utility } from "../../api/types";
import { t } from "../../i18n/i18n";
import { explain } from "../resident/ballot/ballotRules";
import { parseEuros } from "./money";
import type { RuleChoice } from "./staffApi";

export interface DesignDraft {
  kind: BallotKind;
  minProjects: string;
  maxProjects: string;
  spendingLimit: string;
  points: string;
  maxPointsPerProject: string;
  mustUseAllPoints: boolean;
  rule: string;
  revote: RevotePolicy;
  disclosure: LiveDisclosure;
  minimumTurnout: string;
}

/** The rules a cycle can choose: the same list the simulation compares (RuleComparison on the server). */
export const rulePresets: RuleChoice[] = [
  { kind: "EqualShares", utility: "Cost", completion: "Add1" },
  { kind: "EqualShares", utility: "Cost", completion: "None" },
  { kind: "EqualShares", utility: "Cost", completion: "Add1ThenGreedy" },
  { kind: "EqualShares", utility: "Approval", completion: "Add1" },
  { kind: "Greedy", utility: "Cost", completion: "None" },
  { kind: "GreedyPerCost", utility: "Cost", completion: "None" },
  { kind: "Phragmen", utility: "Cost", completion: "None" },
];

export const presetKey = (r: { kind?: RuleKind; rule?: RuleKind; utility: Utility; completion: Completion }) => `${r.kind ?? r.rule}-${r.utility}-${r.completion}`;

export function initialDraft(budgetCents: number): DesignDraft {
  return {
    kind: "Approval",
    minProjects: "1",
    maxProjects: "",
    spendingLimit: String(budgetCents / 100),
    points: "10",
    maxPointsPerProject: "",
    mustUseAllPoints: false,
    rule: presetKey(rulePresets[0]),
    revote: "LastBallotCounts",
    disclosure: "TurnoutOnly",
    minimumTurnout: "10",
  };
}

const whole = (text: string) => (/^\d+$/.test(text.trim()) ? Number(text.trim()) : null);

export interface Checked {
  errors: Partial<Record<keyof DesignDraft, string>>;
  ballot: BallotDescription | null;
  rule: RuleChoice;
  minimumTurnout: number;
}

/** The same limits the server's ballot designs enforce, said earlier and next to the field. */
export function checkDraft(d: DesignDraft): Checked {
  const errors: Checked["errors"] = {};
  const min = whole(d.minProjects);
  const max = d.maxProjects.trim() ? whole(d.maxProjects) : null;
  const rule = rulePresets.find((r) => presetKey(r) === d.rule) ?? rulePresets[0];
  if (d.kind !== "Cumulative") {
    if (min === null || min < 1) errors.minProjects = t("corporation.open.minInvalid");
    if (d.maxProjects.trim() && (max === null || max < 1)) errors.maxProjects = t("corporation.open.maxInvalid");
    else if (max !== null && min !== null && max < min) errors.maxProjects = t("corporation.open.maxBelowMin");
    if (d.kind === "Ranking" && max === null && !errors.maxProjects) errors.maxProjects = t("corporation.open.rankingNeedsMax");
  }
  const limit = parseEuros(d.spendingLimit);
  if (d.kind === "Knapsack" && (limit === null || limit <= 0)) errors.spendingLimit = t("corporation.amount.invalid");
  const points = whole(d.points);
  const cap = d.maxPointsPerProject.trim() ? whole(d.maxPointsPerProject) : null;
  if (d.kind === "Cumulative") {
    if (points === null || points < 1) errors.points = t("corporation.open.pointsInvalid");
    if (d.maxPointsPerProject.trim() && (cap === null || cap < 1)) errors.maxPointsPerProject = t("corporation.open.pointsInvalid");
    else if (cap !== null && points !== null && cap > points) errors.maxPointsPerProject = t("corporation.open.capAbovePoints");
    if (rule.kind === "Phragmen") errors.rule = t("corporation.open.noPhragmenWithPoints");
  }
  const minimumTurnout = whole(d.minimumTurnout);
  if (d.disclosure !== "TurnoutOnly" && minimumTurnout === null) errors.minimumTurnout = t("corporation.open.turnoutInvalid");
  if (Object.keys(errors).length > 0) return { errors, ballot: null, rule, minimumTurnout: minimumTurnout ?? 0 };
  const base: BallotDescription = {
    kind: d.kind, minProjects: min ?? 1, maxProjects: max, spendingLimit: null, minimumSpend: null, points: null, mustUseAllPoints: null, maxPointsPerProject: null,
  };
  const ballot: BallotDescription =
    d.kind === "Knapsack" ? { ...base, spendingLimit: limit }
      : d.kind === "Cumulative" ? { ...base, minProjects: 1, maxProjects: null, points, maxPointsPerProject: cap, mustUseAllPoints: d.mustUseAllPoints }
        : base;
  return { errors, ballot, rule, minimumTurnout: minimumTurnout ?? 0 };
}

/** The design as voters will read it at the top of their ballot. */
export const voterText = (ballot: BallotDescription, budgetCents: number) => explain(ballot, budgetCents);
