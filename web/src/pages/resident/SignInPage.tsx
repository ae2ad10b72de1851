// Signing in: with the voting code from the letter (residents), or with an identity provider (corporation staff,
// and residents where the corporation has one). Errors stay next to the code field, in the server's words.
import { useState } from "preact/hooks";
import { api, ApiProblem, paths } from "../../api/client";
import type { NeighbourhoodListing, ProviderChoice } from "../../api/types";
import { href, navigate } from "../../app/router";
import { useSession } from "../../app/session";
import { useLoad } from "../../app/useLoad";
import { BusyButton } from "../../components/BusyButton";
import { Field } from "../../components/Field";
import { Page } from "../../components/Page";
import { describe } from "../../components/Problem";
import { t } from "../../i18n/i18n";

interface SignedIn { neighbourhoodId: string; cycleId: string }

/** Only paths of this site are followed after signing in. */
const safeReturn = (url: string | null) => (url && url.startsWith("/") && !url.startsWith("//") ? url : null);

export function SignInPage({ neighbourhood, returnUrl }: { neighbourhood: string | null; returnUrl: string | null }) {
  const { refresh } = useSession();
  const neighbourhoods = useLoad((signal) => api.get<NeighbourhoodListing[]>(paths.neighbourhoods, { signal }), []);
  const providers = useLoad((signal) => api.get<ProviderChoice[]>(paths.identityProviders, { signal }), []);
  const [chosen, setChosen] = useState(neighbourhood ?? "");
  const [code, setCode] = useState("");
  const [busy, setBusy] = useState(false);
  const [codeError, setCodeError] = useState<string | null>(null);
  const [placeError, setPlaceError] = useState<string | null>(null);

  const submit = async (event: Event) => {
    event.preventDefault();
    const place = chosen || neighbourhoods.value?.[0]?.neighbourhoodId || "";
    setPlaceError(place ? null : t("signIn.chooseNeighbourhood"));
    setCodeError(code.trim() ? null : t("signIn.codeMissing"));
    if (!place || !code.trim()) return;
    setBusy(true);
    try {
      const signedIn = await api.post<SignedIn>(paths.codeSignIn(place), { code: code.trim() });
      await refresh();
      navigate(safeReturn(returnUrl) ?? href("cycle", { n: signedIn.neighbourhoodId, c: signedIn.cycleId }));
    } catch (error) {
      setCodeError(error instanceof ApiProblem ? describe(error) : String(error));
    } finally {
      setBusy(false);
    }
  };

  const back = safeReturn(returnUrl) ?? href("home");
  return (
    <Page title={t("signIn.title")}>
      <section aria-labelledby="sign-in-code">
        <h2 id="sign-in-code">{t("signIn.withCode")}</h2>
        <p>{t("signIn.withCodeText")}</p>
        <form onSubmit={submit} noValidate>
          {!neighbourhood && (neighbourhoods.value?.length ?? 0) > 1 && (
            <Field id="sign-in-neighbourhood" label={t("signIn.neighbourhood")} error={placeError}>
              {(a) => (
                <select {...a} value={chosen} onChange={(e) => setChosen((e.target as HTMLSelectElement).value)}>
                  <option value="">{t("signIn.chooseNeighbourhood")}</option>
                  {neighbourhoods.value!.map((n) => (
                    <option key={n.neighbourhoodId} value={n.neighbourhoodId}>
                      {n.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          )}
          <Field id="sign-in-code-input" label={t("signIn.code")} hint={t("signIn.codeHint")} error={codeError}>
            {(a) => (
              <input
                {...a}
                name="code"
                type="text"
                class="code-input"
                autocomplete="one-time-code"
                autocapitalize="characters"
                spellcheck={false}
                value={code}
                onInput={(e) => setCode((e.target as HTMLInputElement).value)}
              />
            )}
          </Field>
          <BusyButton busy={busy}>{t("signIn.submit")}</BusyButton>
        </form>
      </section>
      {(providers.value?.length ?? 0) > 0 && (
        <section aria-labelledby="sign-in-provider">
          <h2 id="sign-in-provider">{t("signIn.withProvider")}</h2>
          <p>{t("signIn.withProviderText")}</p>
          <ul class="button-list">
            {providers.value!.map((p) => (
              <li key={p.name}>
                <a class="button button-secondary" href={paths.identityProviderSignIn(p.name, back)}>
                  {t("signIn.providerButton", { name: p.displayName })}
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}
    </Page>
  );
}
