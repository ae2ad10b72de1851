// The shapes the server's API answers with (src/Buurtbudget.Server; the OpenAPI document at /openapi/v1.json).
// Money is in integer cents everywhere, as on the server.

export type CyclePhase = "Draft" | "Ideas" | "Deliberation" | "Review" | "Voting" | "Results" | "Implementation" | "Closed";
export type BallotKind = "Approval" | "Knapsack" | "Cumulative" | "Ranking";
export type LiveDisclosure = "TurnoutOnly" | "CountsPerProject" | "ProvisionalAllocation";
export type RevotePolicy = "LastBallotCounts" | "FirstBallotIsFinal";
export type Eligibility = "Census" | "AnySignedInResident";
/** Where a cycle's residents come from: voting codes, or an identity provider whose claim lists the neighbourhood. */
export type ResidentSource = "VotingCodes" | "IdentityProvider";
export interface CycleEligibility {
  residents: ResidentSource;
  provider: { name: string; claim: string; values: string[] } | null;
}
export type RuleKind = "Greedy" | "GreedyPerCost" | "EqualShares" | "Phragmen";
export type Utility = "Cost" | "Approval";
export type Completion = "None" | "Add1" | "Add1ThenGreedy";
export type Verdict = "Funded" | "FundedByCompletion" | "NoSupport" | "SupportersCouldNotAfford" | "DidNotFit" | "RuleStopped";
export type ProposalStatus = "Open" | "Withdrawn" | "Merged";
export type ImplementationStatus = "Planned" | "InProgress" | "Done" | "Cancelled";
export type AmendmentStatus = "Pending" | "Accepted" | "Rejected";
export type StaffRole = "Moderator" | "Administrator" | "Auditor";

export interface Site { mapTiles: string | null; mapAttribution: string | null; defaultLanguage: "nl" | "en" }

export interface NeighbourhoodListing { neighbourhoodId: string; name: string; corporationId: string }
export interface CycleSummary { cycleId: string; title: string; budgetCents: number; phase: CyclePhase }
/** Where a neighbourhood's maps open, as its corporation set it. */
export interface MapView { centre: GeoPoint; zoom: number }
export interface PublicNeighbourhood { neighbourhoodId: string; name: string; corporationId: string; corporationName: string; cycles: CycleSummary[]; map: MapView | null }

export interface BallotDescription {
  kind: BallotKind;
  minProjects: number;
  maxProjects: number | null;
  spendingLimit: number | null;
  minimumSpend: number | null;
  points: number | null;
  mustUseAllPoints: boolean | null;
  maxPointsPerProject: number | null;
}
export interface BallotProject { id: string; title: string; costCents: number }
export interface ProjectTally { projectId: string; ballots: number; points: number }
export interface LiveResults { disclosure: LiveDisclosure; minimumTurnout: number }
export interface BallotReceipt { streamId: string; position: number; entryHash: string }

/** A phase change the corporation scheduled: made at its time (Done), still to come (Pending), or refused then. */
export interface ScheduledStep { phase: CyclePhase; startsAt: string; status: "Pending" | "Done" | "Refused" }
export interface PublicCycle {
  cycleId: string;
  title: string;
  budgetCents: number;
  phase: CyclePhase;
  manifestHash: string | null;
  ballot: BallotDescription | null;
  projects: BallotProject[];
  turnout: number | null;
  counts: ProjectTally[] | null;
  live: LiveResults | null;
  closing: BallotReceipt | null;
  /** When the later phases start, as the corporation scheduled them (empty: the corporation moves it by hand). */
  schedule: ScheduledStep[];
}

export interface ProjectExplanation {
  projectId: string;
  cost: number;
  score: number;
  supporters: number;
  verdict: Verdict;
  round: number | null;
  budgetLeftBefore: number | null;
  pricePerUtility: number | null;
  maxPaymentPerSupporter: number | null;
  supportersPayingAll: number | null;
  supportersMoneyLeft: number | null;
  load: number | null;
}
export interface CycleResults {
  rule: RuleKind;
  utility: Utility;
  completion: Completion;
  selected: string[];
  budgetCents: number;
  spentCents: number;
  projects: ProjectExplanation[];
}

export interface CycleUpdate {
  neighbourhoodId: string;
  cycleId: string;
  phase: CyclePhase;
  turnout: number;
  counts: ProjectTally[] | null;
  selected: string[] | null;
  results: CycleResults | null;
}

/** A point on the map in degrees (WGS 84): north and east. */
export interface GeoPoint { latitude: number; longitude: number }

export interface ProposalSummary {
  proposalId: string;
  title: string;
  costCents: number;
  place: string | null;
  status: ProposalStatus;
  supporters: number;
  pledges: number;
  goesForward: boolean;
  category: string | null;
  point: GeoPoint | null;
}
export interface ProposalsUpdate { neighbourhoodId: string; cycleId: string; proposals: ProposalSummary[] }

export interface ProposalText {
  title: string;
  description: string;
  costCents: number;
  place: string | null;
  category?: string | null;
  point?: GeoPoint | null;
}
/** What the submit form sends: the text, and at submission the co-authors' households as on their letters. */
export interface ProposalInput extends ProposalText { coAuthors?: string[] }
/** An image of a proposal; `alt` is what the author says it shows (null for images added without). */
export interface ProposalImage { hash: string; contentType: string; size: number; url: string; alt: string | null }
export interface ProposalRevision { number: number; text: ProposalText }
export interface PledgeView { number: number; text: string; mine: boolean }
export interface FeasibilityReview { feasible: boolean; reason: string | null; adjustedCostCents: number | null }
export interface ImplementationUpdate { status: ImplementationStatus; note: string; at: string }
export interface AmendmentView { number: number; text: ProposalText; status: AmendmentStatus; at: string; mine: boolean }
export interface ProposalDetails {
  proposalId: string;
  text: ProposalText;
  status: ProposalStatus;
  withdrawalReason: string | null;
  history: ProposalRevision[];
  supporters: number;
  pledges: PledgeView[];
  review: FeasibilityReview | null;
  ballotCostCents: number;
  implementation: ImplementationUpdate[];
  mergedFrom: string[];
  mergedInto: string | null;
  amendments: AmendmentView[];
  mine: boolean;
  supportedByMe: boolean;
  /** How many households write it besides its author (never who). */
  coAuthors: number;
  images: ProposalImage[];
}
export interface ProposalRules { minCostCents: number; maxCostCents: number | null; supportThreshold: number; categories: string[] }

export interface CommentView {
  number: number;
  replyTo: number | null;
  text: string | null;
  at: string;
  hidden: boolean;
  flags: number;
  mine: boolean;
  flaggedByMe: boolean;
}
export interface ModerationLogEntry { comment: number; action: string; reason: string; by: string; at: string }
export interface DeliberationRound {
  number: number;
  question: string;
  proposalIds: string[];
  openedAt: string;
  closesAt: string;
  summary: string | null;
  closedAt: string | null;
}

export interface BallotLine { projectId: string; value: number }
export interface BallotAccepted { receipt: string; streamId: string; position: number; entryHash: string; replacedEarlierBallot: boolean }
export interface MyBallot { entries: BallotLine[]; receipt: string; position: number; entryHash: string }
export interface ReceiptCheck { receipt: string; found: boolean; counted: boolean | null; explanation: string }

export interface StaffGrant { corporationId: string; role: StaffRole; neighbourhoods: string[]; coversEveryNeighbourhood: boolean }
export interface ResidentOf { neighbourhoodId: string; cycleId: string }
export interface Me {
  signedIn: boolean;
  /** The cycle a voting code opened (null for an account). */
  resident: ResidentOf | null;
  /** Every cycle this person may act in as a resident: the code's one, or those the account's provider admits. */
  residences: ResidentOf[];
  staff: { issuer: string; subject: string; name: string | null; provider: string | null; platformOperator: boolean; grants: StaffGrant[] } | null;
}
export interface ProviderChoice { name: string; displayName: string }

export interface NeighbourhoodEntry { neighbourhoodId: string; corporationId: string; name: string; map: MapView | null }
export interface StaffEntry { member: { issuer: string; subject: string }; role: StaffRole; neighbourhoods: string[] }
export interface CorporationView { corporationId: string; name: string; neighbourhoods: NeighbourhoodEntry[]; staff: StaffEntry[] }
export interface CorporationSummary { corporationId: string; name: string }
/** A scheduled step as staff see it: also why a step was refused and when it was handled. */
export interface AdministeredStep extends ScheduledStep { outcome: string | null; handledAt: string | null }
export interface CycleAdministration { cycle: PublicCycle; enrolled: number; schedule: AdministeredStep[] }
export interface CodeCounts { cycleId: string; issued: number; households: number; live: number }
export interface SimulatedRule { rule: RuleKind; utility: Utility; completion: Completion; selected: string[]; spentCents: number; leftCents: number }
export interface Simulation { voters: number; seed: number; projects: BallotProject[]; results: SimulatedRule[] }
export interface PaperBallotAnswer { counted: boolean; message: string; receipt: string | null }
