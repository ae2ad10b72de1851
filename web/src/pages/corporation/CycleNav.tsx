// The parts of one budget round's administration, as links, the current one marked. Moderators of the
// neighbourhood also get their two pages (rounds, flags and merging), so staff who hold both roles need no detour
// through the public cycle page.
import { href, type RouteName } from "../../app/router";
import { useSession } from "../../app/session";
import { t } from "../../i18n/i18n";
import { canModerate } from "./roles";

const parts = ["cycleAdministration", "review", "simulation", "votingCodes", "paperBallots", "implementation"] as const;
const moderatorParts = ["rounds", "moderation"] as const;

export function CycleNav({ n, c, corporationId, current }: { n: string; c: string; corporationId: string; current: RouteName }) {
  const { me } = useSession();
  const shown = canModerate(me, corporationId, n) ? [...parts, ...moderatorParts] : parts;
  return (
    <nav class="cycle-nav" aria-label={t("corporation.nav.label")}>
      <ul>
        {shown.map((part) => (
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
