// Names of the API's values in the reader's language.
import type { CyclePhase, ImplementationStatus, RuleKind, StaffRole, Utility, Completion } from "../../api/types";
import { t, type Key } from "../../i18n/i18n";

export const roleName = (role: StaffRole) => t(`corporation.role.${role}` as Key);
export const statusName = (status: ImplementationStatus) => t(`corporation.implementation.status.${status}` as Key);

/** A rule with its variant, e.g. "Equal shares, topped up with Add1". */
export function ruleName(rule: { rule?: RuleKind; kind?: RuleKind; utility: Utility; completion: Completion }): string {
  const kind = (rule.rule ?? rule.kind)!;
  const parts = [t(`corporation.rule.${kind}` as Key)];
  if (rule.utility === "Approval" && kind === "EqualShares") parts.push(t("corporation.rule.perApproval"));
  if (rule.completion !== "None") parts.push(t(`corporation.rule.completion.${rule.completion}` as Key));
  return parts.join(", ");
}

/** The phase a button moves the cycle to, as words on the button. */
export const moveTo = (phase: CyclePhase) => t(`corporation.phase.moveTo.${phase}` as Key);
