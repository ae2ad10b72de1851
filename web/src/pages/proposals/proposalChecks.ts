// The checks the server makes on a proposal's text, made here first so people see what to fix while they type.
// The server stays the authority: its answer is shown when it still refuses.
import type { ProposalRules } from "../../api/types";
import { formatMoney, t } from "../../i18n/i18n";
import { parseEuros } from "./money";

export const limits = { title: { min: 3, max: 120 }, description: { max: 5000 }, place: { max: 200 }, coAuthors: { max: 5 } };

/** The form's text fields as typed; `coAuthors` is one household per line (only when submitting). */
export interface Draft { title: string; description: string; cost: string; place: string; category: string; coAuthors: string }
export type DraftErrors = Partial<Record<keyof Draft, string>>;

export function checkDraft(draft: Draft, rules: ProposalRules | null): DraftErrors {
  const errors: DraftErrors = {};
  const title = draft.title.trim();
  if (title.length < limits.title.min || title.length > limits.title.max) errors.title = t("proposal.form.titleLength", limits.title);
  const description = draft.description.trim();
  if (description.length === 0) errors.description = t("proposal.form.descriptionMissing");
  else if (description.length > limits.description.max) errors.description = t("proposal.form.descriptionLength", limits.description);
  const cost = costError(draft.cost, rules);
  if (cost) errors.cost = cost;
  if (draft.place.trim().length > limits.place.max) errors.place = t("proposal.form.placeLength", limits.place);
  if (rules && rules.categories.length > 0 && !rules.categories.includes(draft.category)) errors.category = t("proposal.form.categoryMissing");
  if (coAuthorLines(draft.coAuthors).length > limits.coAuthors.max) errors.coAuthors = t("proposal.form.coAuthorsTooMany", limits.coAuthors);
  return errors;
}

function costError(input: string, rules: ProposalRules | null): string | null {
  const parsed = parseEuros(input);
  if ("error" in parsed) return t(`proposal.form.cost.${parsed.error}`);
  if (parsed.cents <= 0) return t("proposal.form.cost.zero");
  if (rules && parsed.cents < rules.minCostCents) return t("proposal.form.cost.belowMin", { min: formatMoney(rules.minCostCents) });
  if (rules?.maxCostCents != null && parsed.cents > rules.maxCostCents) return t("proposal.form.cost.aboveMax", { max: formatMoney(rules.maxCostCents) });
  return null;
}

/** The hint under the cost field: how to write it, and the cycle's limits. */
export function costHint(rules: ProposalRules | null): string {
  const how = t("proposal.form.costHint");
  if (!rules) return how;
  if (rules.maxCostCents != null) return `${how} ${t("proposal.form.costBetween", { min: formatMoney(rules.minCostCents), max: formatMoney(rules.maxCostCents) })}`;
  if (rules.minCostCents > 0) return `${how} ${t("proposal.form.costAtLeast", { min: formatMoney(rules.minCostCents) })}`;
  return how;
}

/** The co-authors' households as typed, one per line, without empty lines. */
export const coAuthorLines = (text: string) => text.split("\n").map((line) => line.trim()).filter(Boolean);
