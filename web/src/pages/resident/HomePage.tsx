// The start: what Buurtbudget is, in two sentences, and the neighbourhoods to choose from.
import { api, paths } from "../../api/client";
import type { NeighbourhoodListing } from "../../api/types";
import { href } from "../../app/router";
import { useLoad } from "../../app/useLoad";
import { Page } from "../../components/Page";
import { Loading } from "../../components/Problem";
import { t } from "../../i18n/i18n";
import { YourCycles } from "./YourCycles";

export function HomePage() {
  const neighbourhoods = useLoad((signal) => api.get<NeighbourhoodListing[]>(paths.neighbourhoods, { signal }), []);
  return (
    <Page title={t("home.title")} lead={t("home.lead")}>
      <YourCycles neighbourhoods={neighbourhoods.value ?? null} />
      <section aria-labelledby="home-neighbourhoods">
        <h2 id="home-neighbourhoods">{t("home.neighbourhoods")}</h2>
        {!neighbourhoods.value ? (
          <Loading problem={neighbourhoods.problem} />
        ) : neighbourhoods.value.length === 0 ? (
          <p>{t("home.none")}</p>
        ) : (
          <ul class="card-list">
            {neighbourhoods.value.map((n) => (
              <li key={n.neighbourhoodId} class="card">
                <a href={href("neighbourhood", { n: n.neighbourhoodId })}>{n.name}</a>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="home-code">
        <h2 id="home-code">{t("home.haveCode")}</h2>
        <p>{t("home.haveCodeText")}</p>
        <p>
          <a class="button button-primary" href={href("signIn")}>
            {t("home.signIn")}
          </a>
        </p>
      </section>
    </Page>
  );
}
