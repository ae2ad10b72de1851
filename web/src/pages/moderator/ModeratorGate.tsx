// Moderator pages load the cycle and its neighbourhood (which names the corporation) and show their content only
// to staff with a Moderator grant there. Everyone else learns what they need and how to sign in; the server
// refuses them anyway.
import type { JSX } from "preact";
import { api, cyclePaths, paths } from "../../api/client";
import type { PublicCycle, PublicNeighbourhood } from "../../api/types";
import { href } from "../../app/router";
import { hasRole, useSession } from "../../app/session";
import { useLoad } from "../../app/useLoad";
import { Page } from "../../components/Page";
import { Loading } from "../../components/Problem";
import { t } from "../../i18n/i18n";

interface Props {
  n: string;
  c: string;
  title: string;
  returnTo: string;
  children: (cycle: PublicCycle, neighbourhood: PublicNeighbourhood) => JSX.Element;
}

export function ModeratorGate({ n, c, title, returnTo, children }: Props) {
  const { me } = useSession();
  const cycle = useLoad((signal) => api.get<PublicCycle>(cyclePaths(n, c).base, { signal }), [n, c]);
  const neighbourhood = useLoad((signal) => api.get<PublicNeighbourhood>(paths.neighbourhood(n), { signal }), [n]);
  if (!me || !cycle.value || !neighbourhood.value) return <Page title={title}><Loading problem={cycle.problem ?? neighbourhood.problem} /></Page>;
  if (!hasRole(me, neighbourhood.value.corporationId, n, ["Moderator"])) {
    return (
      <Page title={title}>
        <p class="notice">{me.staff ? t("moderation.notModerator", { neighbourhood: neighbourhood.value.name }) : t("moderation.signInFirst")}</p>
        {!me.staff && (
          <a class="button button-primary" href={href("signIn", {}, { returnUrl: returnTo })}>
            {t("moderation.signIn")}
          </a>
        )}
      </Page>
    );
  }
  return children(cycle.value, neighbourhood.value);
}
