// The parts of one budget round's administration, as links, the current one marked.
import { href, type RouteName } from "../../app/router";
import { t } from "../../i18n/i18n";

const parts = ["cycleAdministration", "review", "simulation", "votingCodes", "paperBallots", "implementation"] as const;

export function CycleNav({ n, c, current }: { n: string; c: string; current: RouteName }) {
  return (
    <nav class="cycle-nav" aria-label={t("corporation.nav.label")}>
      <ul>
        {parts.map((part) => (
          <li key={part}>
            <a href={href(part, { n, c })} aria-current={part === current ? "page" : undefined}>
              {t(`corporation.nav.${part}`)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
