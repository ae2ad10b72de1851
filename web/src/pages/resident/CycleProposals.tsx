// The cycle's proposals: a category filter (when the cycle has categories), the map and the list. The filter is in
// the address (?category=…), so a filtered view can be shared; it narrows the map and the list alike, and works on
// the live list too. The list always carries everything the map shows.
import type { ProposalSummary } from "../../api/types";
import { href, navigate, useRoute } from "../../app/router";
import { ProposalMap } from "../../components/map/ProposalMap";
import { ProposalList } from "../../components/ProposalList";
import { t, tn } from "../../i18n/i18n";

interface Props { n: string; c: string; proposals: ProposalSummary[]; categories: string[] }

export function CycleProposals({ n, c, proposals, categories }: Props) {
  const asked = useRoute().query.get("category");
  // A category the cycle does not have (an old link) shows everything rather than nothing.
  const category = asked && categories.includes(asked) ? asked : null;
  const shown = category ? proposals.filter((p) => p.category === category) : proposals;
  const choose = (event: Event) => {
    const value = (event.target as HTMLSelectElement).value;
    navigate(href("cycle", { n, c }, value ? { category: value } : undefined), { replace: true });
  };
  return (
    <>
      {categories.length > 0 && (
        <div class="field category-filter">
          <label for="category-filter">{t("cycle.filter.label")}</label>
          <select id="category-filter" name="category" value={category ?? ""} onChange={choose}>
            <option value="">{t("cycle.filter.all")}</option>
            {categories.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
          <p role="status" class="hint" data-testid="filter-count">
            {category ? tn("cycle.filter.shown", shown.length, { category }) : tn("cycle.filter.shownAll", shown.length)}
          </p>
        </div>
      )}
      {proposals.length > 0 && <ProposalMap n={n} c={c} proposals={shown} />}
      {category && shown.length === 0 ? <p>{t("proposals.noneInCategory")}</p> : <ProposalList n={n} c={c} proposals={shown} />}
    </>
  );
}
