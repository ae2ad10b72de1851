// On the cycle page, for moderators of its neighbourhood only: the way to their tools.
import type { PublicNeighbourhood } from "../../api/types";
import { href } from "../../app/router";
import { hasRole, useSession } from "../../app/session";
import { t } from "../../i18n/i18n";

export function ModeratorPanel({ n, c, neighbourhood }: { n: string; c: string; neighbourhood: PublicNeighbourhood | undefined }) {
  const { me } = useSession();
  if (!neighbourhood || !hasRole(me, neighbourhood.corporationId, n, ["Moderator"])) return null;
  return (
    <section class="panel" aria-labelledby="for-moderators">
      <h2 id="for-moderators">{t("moderation.panel.title")}</h2>
      <ul class="link-list">
        <li>
          <a href={href("rounds", { n, c })}>{t("moderation.panel.rounds")}</a>
        </li>
        <li>
          <a href={href("moderation", { n, c })}>{t("moderation.panel.moderation")}</a>
        </li>
        <li>
          <a href={href("paperBallots", { n, c })}>{t("moderation.panel.paperBallots")}</a>
        </li>
      </ul>
    </section>
  );
}
