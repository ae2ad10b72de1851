import { render } from "preact";
import { App } from "./app/App";
import { api, paths } from "./api/client";
import type { Site } from "./api/types";
import { initialLanguage, setLanguage } from "./i18n/i18n";
import "./styles/app.css";

const fallback: Site = { mapTiles: null, mapAttribution: null, defaultLanguage: "nl" };

void api
  .get<Site>(paths.site)
  .catch(() => fallback)
  .then((site) => {
    setLanguage(initialLanguage(site.defaultLanguage), false);
    render(<App site={site} />, document.getElementById("app")!);
  });
