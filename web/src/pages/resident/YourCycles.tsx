// For a signed-in resident, the cycles they can take part in, first on the home page: an account resident has no
// letter telling them which neighbourhood to pick.
import { api, cyclePaths } from "../../api/client";
import type { NeighbourhoodListing, PublicCycle, ResidentOf } from "../../api/types";
import { href } from "../../app/router";
import { useSession } from "../../app/session";
import { useLoad } from "../../app/useLoad";
import { t } from "../../i18n/i18n";

export function YourCycles({ neighbourhoods }: { neighbourhoods: NeighbourhoodListing[] | null }) {
  const { me } = useSession();
  if (!me || me.residences.length === 0) return null;
  return (
    <section aria-labelledby="home-yours">
      <h2 id="home-yours">{t("home.yours")}</h2>
      <ul class="card-list">
        {me.residences.map((r) => (
          <YourCycle key={`${r.neighbourhoodId}.${r.cycleId}`} residence={r} neighbourhoods={neighbourhoods} />
        ))}
      </ul>
    </section>
  );
}

function YourCycle({ residence: { neighbourhoodId: n, cycleId: c }, neighbourhoods }: { residence: ResidentOf; neighbourhoods: NeighbourhoodListing[] | null }) {
  const cycle = useLoad((signal) => api.get<PublicCycle>(cyclePaths(n, c).base, { signal }), [n, c]);
  const name = neighbourhoods?.find((x) => x.neighbourhoodId === n)?.name ?? n;
  return (
    <li class="card">
      <a href={href("cycle", { n, c })}>{t("home.yourCycle", { cycle: cycle.value?.title ?? c, neighbourhood: name })}</a>
    </li>
  );
}
