// The staff API addresses and shapes that only the corporation pages use (the shared ones are in api/client.ts
// and api/types.ts).
import { cyclePaths, paths } from "../../api/client";
import type { Completion, RuleKind, StaffRole, Utility } from "../../api/types";

export const staffPaths = {
  /** Every cycle of a neighbourhood, drafts included (staff only). */
  everyCycle: (n: string) => paths.cycles(n),
  corporationNeighbourhoods: (id: string) => `${paths.corporation(id)}/neighbourhoods`,
  corporationStaff: (id: string) => `${paths.corporation(id)}/staff`,
  revokeRole: (id: string, issuer: string, subject: string, role: StaffRole) =>
    `${paths.corporation(id)}/staff?${new URLSearchParams({ issuer, subject, role })}`,
  revokeCode: (n: string) => `${paths.neighbourhood(n)}/voting-codes/revoke`,
  review: (n: string, c: string, p: string) => `${cyclePaths(n, c).proposal(p)}/review`,
  implementation: (n: string, c: string, p: string) => `${cyclePaths(n, c).proposal(p)}/implementation`,
};

export interface RuleChoice { kind: RuleKind; utility: Utility; completion: Completion }
