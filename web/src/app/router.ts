// Paths of the pages, in one table. Links are plain <a href>; the app intercepts same-site clicks (see App.tsx), so
// every page has a real address that can be shared, bookmarked and opened in a new tab.
import { useEffect, useState } from "preact/hooks";

const table = {
  home: "/",
  signIn: "/sign-in",
  neighbourhood: "/neighbourhoods/:n",
  cycle: "/neighbourhoods/:n/cycles/:c",
  newProposal: "/neighbourhoods/:n/cycles/:c/proposals/new",
  proposal: "/neighbourhoods/:n/cycles/:c/proposals/:p",
  editProposal: "/neighbourhoods/:n/cycles/:c/proposals/:p/edit",
  ballot: "/neighbourhoods/:n/cycles/:c/vote",
  results: "/neighbourhoods/:n/cycles/:c/results",
  checkReceipt: "/neighbourhoods/:n/cycles/:c/receipt",
  // Staff: corporation administrators, auditors and the platform operator.
  staff: "/staff",
  operator: "/staff/corporations",
  corporation: "/staff/corporations/:corporation",
  newCycle: "/staff/neighbourhoods/:n/new-cycle",
  cycleAdministration: "/staff/neighbourhoods/:n/cycles/:c",
  votingCodes: "/staff/neighbourhoods/:n/cycles/:c/voting-codes",
  review: "/staff/neighbourhoods/:n/cycles/:c/review",
  simulation: "/staff/neighbourhoods/:n/cycles/:c/simulation",
  implementation: "/staff/neighbourhoods/:n/cycles/:c/implementation",
  paperBallots: "/staff/neighbourhoods/:n/cycles/:c/paper-ballots",
  // Moderators.
  moderation: "/staff/neighbourhoods/:n/cycles/:c/moderation",
  rounds: "/staff/neighbourhoods/:n/cycles/:c/rounds",
} as const;

export type RouteName = keyof typeof table | "notFound";
export interface Route { name: RouteName; params: Record<string, string>; query: URLSearchParams }

const compiled = (Object.entries(table) as [RouteName, string][]).map(([name, pattern]) => {
  const keys: string[] = [];
  const source = pattern.replace(/:(\w+)/g, (_, key: string) => {
    keys.push(key);
    return "([^/]+)";
  });
  return { name, keys, regex: new RegExp(`^${source}/?$`) };
});

export function match(location: Location | URL): Route {
  for (const route of compiled) {
    const found = route.regex.exec(location.pathname);
    if (found) {
      const params: Record<string, string> = {};
      route.keys.forEach((key, i) => (params[key] = decodeURIComponent(found[i + 1])));
      return { name: route.name, params, query: new URLSearchParams(location.search) };
    }
  }
  return { name: "notFound", params: {}, query: new URLSearchParams(location.search) };
}

/** The address of a page; unknown parameters are a programming error, caught by the type checker. */
export function href(name: keyof typeof table, params: Record<string, string> = {}, query?: Record<string, string>): string {
  const path = table[name].replace(/:(\w+)/g, (_, key: string) => encodeURIComponent(params[key]));
  return query ? `${path}?${new URLSearchParams(query)}` : path;
}

const changed = "buurtbudget:navigate";

export function navigate(to: string, options: { replace?: boolean } = {}) {
  if (options.replace) history.replaceState(null, "", to);
  else history.pushState(null, "", to);
  window.dispatchEvent(new Event(changed));
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => match(window.location));
  useEffect(() => {
    const update = () => setRoute(match(window.location));
    window.addEventListener("popstate", update);
    window.addEventListener(changed, update);
    return () => {
      window.removeEventListener("popstate", update);
      window.removeEventListener(changed, update);
    };
  }, []);
  return route;
}

/** Sends same-site link clicks through the router instead of reloading the page. */
export function interceptLinks(root: HTMLElement) {
  root.addEventListener("click", (event) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const anchor = (event.target as Element).closest("a");
    if (!anchor || anchor.target || anchor.hasAttribute("download") || anchor.origin !== window.location.origin) return;
    // The API (files, identity-provider sign-in) is left to the browser.
    if (anchor.pathname.startsWith("/api/")) return;
    event.preventDefault();
    if (anchor.pathname + anchor.search !== window.location.pathname + window.location.search) navigate(anchor.pathname + anchor.search + anchor.hash);
  });
}
