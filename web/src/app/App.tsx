// The frame around every page: skip link, header with navigation, sign-in state and language choice, the page
// the address names, and a footer. Changing the language re-renders every text at once.
import { useEffect, useState } from "preact/hooks";
import { api, paths } from "../api/client";
import type { Site } from "../api/types";
import { language, setLanguage, t, type Language } from "../i18n/i18n";
import { href, interceptLinks, navigate, useRoute } from "./router";
import { SessionProvider, useSession } from "./session";
import { pageFor } from "./pages";

export function App({ site }: { site: Site }) {
  const [lang, setLang] = useState<Language>(language());
  useEffect(() => interceptLinks(document.body), []);
  const choose = (next: Language) => {
    setLanguage(next, true);
    setLang(next);
  };
  return (
    <SessionProvider site={site}>
      <Frame key={lang} lang={lang} choose={choose} />
    </SessionProvider>
  );
}

function Frame({ lang, choose }: { lang: Language; choose: (l: Language) => void }) {
  const route = useRoute();
  return (
    <>
      <a class="skip-link" href="#main">
        {t("frame.skip")}
      </a>
      <header class="site-header">
        <a class="brand" href={href("home")}>
          <img src="/favicon.svg" alt="" width="28" height="28" /> Buurtbudget
        </a>
        <nav aria-label={t("frame.navigation")}>
          <ul>
            <li>
              <a href={href("home")} aria-current={route.name === "home" ? "page" : undefined}>
                {t("frame.neighbourhoods")}
              </a>
            </li>
            <StaffLink current={route.name.startsWith("staff") || route.name === "corporation" || route.name === "cycleAdministration"} />
            <SignInState />
            <li>
              {lang === "nl" ? (
                <button type="button" class="link-button" lang="en" onClick={() => choose("en")}>
                  English
                </button>
              ) : (
                <button type="button" class="link-button" lang="nl" onClick={() => choose("nl")}>
                  Nederlands
                </button>
              )}
            </li>
          </ul>
        </nav>
      </header>
      <main id="main" tabIndex={-1}>
        {pageFor(route)}
      </main>
      <footer class="site-footer">
        <p>{t("frame.footer")}</p>
      </footer>
    </>
  );
}

function StaffLink({ current }: { current: boolean }) {
  const { me } = useSession();
  if (!me?.staff) return null;
  return (
    <li>
      <a href={href("staff")} aria-current={current ? "page" : undefined}>
        {t("frame.staff")}
      </a>
    </li>
  );
}

function SignInState() {
  const { me, refresh } = useSession();
  if (!me) return null;
  if (!me.signedIn) {
    return (
      <li>
        <a href={href("signIn", {}, { returnUrl: window.location.pathname })}>{t("frame.signIn")}</a>
      </li>
    );
  }
  const signOut = async () => {
    await api.post(paths.signOut).catch(() => undefined);
    await refresh();
    navigate(href("home"));
  };
  return (
    <li>
      <button type="button" class="link-button" onClick={signOut}>
        {t("frame.signOut")}
      </button>
    </li>
  );
}
