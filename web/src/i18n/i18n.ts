// All text the front end shows lives in the translation files nl/*.json and en/*.json, one file per part of the
// app (flat keys, `{name}` placeholders, plural forms as `key.one` / `key.other`). Dutch is written at B1 level for
// residents. The TypeScript checks below make a key missing in either language a build error, so they cannot drift.
import enCorporation from "./en/corporation.json";
import enModeration from "./en/moderation.json";
import enProposals from "./en/proposals.json";
import enProblems from "./en/problems.json";
import enResident from "./en/resident.json";
import nlCorporation from "./nl/corporation.json";
import nlModeration from "./nl/moderation.json";
import nlProposals from "./nl/proposals.json";
import nlProblems from "./nl/problems.json";
import nlResident from "./nl/resident.json";

const en = { ...enResident, ...enProposals, ...enModeration, ...enCorporation, ...enProblems };
const nl = { ...nlResident, ...nlProposals, ...nlModeration, ...nlCorporation, ...nlProblems };

export type Language = "nl" | "en";
export type Key = keyof typeof en;

const nlHasEveryKey: Record<Key, string> = nl;
const enHasEveryKey: Record<keyof typeof nl, string> = en;
const texts: Record<Language, Record<Key, string>> = { nl: nlHasEveryKey, en: enHasEveryKey as Record<Key, string> };

const storageKey = "buurtbudget.language";
let current: Language = "nl";

export function initialLanguage(fallback: Language): Language {
  const stored = safeStorage()?.getItem(storageKey);
  if (stored === "nl" || stored === "en") return stored;
  // The browser's first choice wins when it is one of ours; everyone else gets the installation's default.
  const first = (navigator.languages?.[0] ?? navigator.language ?? "").toLowerCase();
  return first.startsWith("en") ? "en" : first.startsWith("nl") ? "nl" : fallback;
}

export function setLanguage(language: Language, remember: boolean) {
  current = language;
  document.documentElement.lang = language;
  if (remember) safeStorage()?.setItem(storageKey, language);
}

export const language = () => current;

/** Whether the translation files have this key (for keys made at run time, such as a server problem's code). */
export const known = (key: string): key is Key => key in texts[current];

export function t(key: Key, params?: Record<string, string | number>): string {
  const text = texts[current][key] ?? key;
  return params ? text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole)) : text;
}

/** A text with a count in it: uses `key.one` or `key.other` as the language's plural rules say. */
export function tn(key: string, count: number, params?: Record<string, string | number>): string {
  const form = new Intl.PluralRules(current).select(count) === "one" ? "one" : "other";
  return t(`${key}.${form}` as Key, { count: formatNumber(count), ...params });
}

export const formatNumber = (value: number) => new Intl.NumberFormat(locale()).format(value);

export function formatMoney(cents: number, whole = false): string {
  return new Intl.NumberFormat(locale(), {
    style: "currency",
    currency: "EUR",
    minimumFractionDigits: whole || cents % 100 === 0 ? 0 : 2,
    maximumFractionDigits: 2,
  }).format(cents / 100);
}

export const formatDateTime = (iso: string) =>
  new Intl.DateTimeFormat(locale(), { dateStyle: "medium", timeStyle: "short" }).format(new Date(iso));

export const formatDate = (iso: string) => new Intl.DateTimeFormat(locale(), { dateStyle: "long" }).format(new Date(iso));

const locale = () => (current === "nl" ? "nl-NL" : "en-GB");

function safeStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null; // private modes may refuse storage; the choice then lasts for the visit
  }
}
