// What every end-to-end scenario needs: the addresses of the stack the xunit harness started
// (tests/Buurtbudget.Web.Tests), Debian's Chromium through playwright-core, actors (one browser context each, with
// their own cookies), sign-in helpers, an axe-core scan that fails on any violation, and named steps so a failure
// says where it happened.
import { chromium } from "playwright-core";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import assert from "node:assert/strict";

export { assert };

/** The server under test, e.g. http://localhost:5123 */
export const baseUrl = required("BUURTBUDGET_URL");
/** The OpenID Provider's issuer URL; POST {issuer}/control {account} chooses who logs in next. */
export const idpUrl = process.env.BUURTBUDGET_IDP ?? "";
/** The issuer staff are identified by (the same provider). */
export const idpIssuer = idpUrl;
/** The provider's name in the server's configuration (the sign-in button). */
export const idpName = process.env.BUURTBUDGET_IDP_NAME ?? "corporatie";
/** Where screenshots go (docs/screenshots when asked for, else a temporary folder). */
export const screenshotFolder = process.env.BUURTBUDGET_SCREENSHOTS ?? "";

function required(name) {
  const value = process.env[name];
  if (!value) {
    console.error(`${name} is not set: run the scenarios through tests/Buurtbudget.Web.Tests (dotnet test)`);
    process.exit(2);
  }
  return value;
}

export const phone = { width: 375, height: 812 };
export const desktop = { width: 1280, height: 900 };

export async function launch() {
  return chromium.launch({
    executablePath: process.env.BUURTBUDGET_CHROMIUM ?? "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
  });
}

/**
 * One person with their own browser (cookies, language). Page errors and failed API calls with a 5xx are
 * collected and fail the scenario at the end: a 500 is never an acceptable answer.
 */
export async function actor(browser, name, { viewport = desktop, locale = "nl-NL" } = {}) {
  const context = await browser.newContext({ viewport, locale, baseURL: baseUrl });
  const page = await context.newPage();
  const troubles = [];
  page.on("pageerror", (error) => troubles.push(`${name}: script error: ${error.message}`));
  page.on("response", (response) => {
    if (response.status() >= 500) troubles.push(`${name}: ${response.status()} from ${response.request().method()} ${response.url()}`);
  });
  page.setDefaultTimeout(15_000);
  const person = { name, context, page, troubles };
  everyone.push(person);
  return person;
}

const everyone = [];

/** What each actor's page shows right now: the first thing to read when a step fails. */
async function describePages() {
  const lines = [];
  for (const person of everyone) {
    try {
      const text = await person.page.locator("main").innerText({ timeout: 2000 });
      lines.push(`--- ${person.name} at ${person.page.url()} ---\n${text.slice(0, 1500)}`);
    } catch {
      lines.push(`--- ${person.name}: page not readable ---`);
    }
  }
  return lines.join("\n");
}

/** Fails when any actor met a script error or a 5xx. */
export function assertNoTroubles(...actors) {
  const all = actors.flatMap((a) => a.troubles);
  assert.deepEqual(all, [], "script errors or server errors happened");
}

let stepNumber = 0;
/** A named step: printed when it starts, and named in the error when it fails. */
export async function step(title, action) {
  stepNumber += 1;
  const started = Date.now();
  console.log(`step ${stepNumber}: ${title}`);
  try {
    const result = await action();
    console.log(`  ok (${Date.now() - started} ms)`);
    return result;
  } catch (error) {
    console.log(`  FAILED: ${error?.message ?? error}`);
    console.log(await describePages());
    throw new Error(`step ${stepNumber} "${title}" failed: ${error?.message ?? error}`, { cause: error });
  }
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/**
 * Runs axe-core (WCAG 2.0/2.1 A and AA rules and best practices) on the page as it is now and fails with every
 * violation listed (rule, impact, the elements). `label` names the page and state in the message.
 */
export async function expectAccessible(page, label) {
  await page.addScriptTag({ content: axeSource }).catch(async () => {
    // The CSP forbids inline scripts; evaluate() goes through the DevTools protocol, which CSP does not govern.
    await page.evaluate(axeSource);
  });
  const results = await page.evaluate(async () =>
    // eslint-disable-next-line no-undef
    window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] } }),
  );
  const violations = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.slice(0, 5).map((n) => n.target.join(" ")).join("\n    ")}`,
  );
  assert.equal(violations.length, 0, `axe found ${violations.length} violation(s) on ${label}:\n  ${violations.join("\n  ")}`);
  await expectFitsNarrowScreens(page, label);
  console.log(`  axe: 0 violations on ${label} (${results.passes.length} rules passed); fits 360 px`);
}

/**
 * Usable at 360 px (WCAG 1.4.10 reflow): at that width the page never scrolls sideways, so nothing is cut off on a
 * small phone. Elements that scroll on purpose (a wide table in its own scroll box) are allowed; the page is not.
 */
async function expectFitsNarrowScreens(page, label) {
  const own = page.viewportSize();
  await page.setViewportSize({ width: 360, height: own?.height ?? 800 });
  const overflow = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    // Inside a box that scrolls or clips on its own (a wide table, a code sample) is fine; the page is not.
    const contained = (e) => {
      for (let up = e.parentElement; up && up !== document.body; up = up.parentElement) {
        if (getComputedStyle(up).overflowX !== "visible") return true;
      }
      return false;
    };
    const describe = (e) => `${e.tagName.toLowerCase()}${e.id ? "#" + e.id : ""}${[...e.classList].map((c) => "." + c).join("")} "${(e.textContent ?? "").trim().slice(0, 40)}"`;
    const wide = [...document.querySelectorAll("body *")]
      .filter((e) => getComputedStyle(e).position !== "fixed" && !contained(e))
      // An element beyond the right edge, or one whose own text runs out of it (a long word that does not wrap).
      .filter((e) => e.getBoundingClientRect().right > width + 1 || (getComputedStyle(e).overflowX === "visible" && e.scrollWidth > e.clientWidth + 1 && e.clientWidth > 0))
      // The innermost culprits, not every ancestor that holds them.
      .filter((e, _, all) => !all.some((other) => other !== e && e.contains(other)))
      .slice(0, 3)
      .map(describe);
    return { scrollWidth: document.documentElement.scrollWidth, width, wide };
  });
  if (own) await page.setViewportSize(own);
  assert.ok(overflow.scrollWidth <= overflow.width && overflow.wide.length === 0,
    `${label} scrolls sideways at 360 px (page ${overflow.scrollWidth} px wide): ${overflow.wide.join(", ")}`);
}

/** Signs a resident in with a voting code through the sign-in page. */
export async function signInWithCode(page, neighbourhood, code) {
  await page.goto(`/sign-in?neighbourhood=${encodeURIComponent(neighbourhood)}`);
  await page.locator("#sign-in-code-input").fill(code);
  await page.locator("form").getByRole("button").click();
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
}

/**
 * Signs someone in through the real OpenID Provider: the provider logs in `account` (its subject) at the next
 * prompt, the browser follows the redirects back, and the app lands on `returnTo`. `neighbourhoods` is the
 * account's claim that says where they live (for residents who sign in with an account).
 */
export async function signInWithProvider(page, account, returnTo = "/staff", { neighbourhoods = null } = {}) {
  const control = await fetch(new URL("/control", idpUrl), {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ account, neighbourhoods }),
  });
  assert.ok(control.ok, `the provider's control endpoint answered ${control.status}`);
  await page.goto(`/sign-in?returnUrl=${encodeURIComponent(returnTo)}`);
  await page.getByRole("link", { name: new RegExp(idpName, "i") }).click();
  await page.waitForURL((url) => url.origin === new URL(baseUrl).origin && url.pathname === returnTo, { timeout: 20_000 });
}

/** Calls the API as the page's signed-in person (same cookies), with the CSRF header; returns the JSON. */
export async function apiCall(page, method, path, body) {
  const response = await page.request.fetch(path, {
    method,
    headers: { "X-Buurtbudget-Request": "1", "Content-Type": "application/json", Origin: baseUrl },
    data: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  assert.ok(response.ok(), `${method} ${path} answered ${response.status()}: ${text}`);
  return text ? JSON.parse(text) : undefined;
}

/**
 * Screenshots for docs/ when BUURTBUDGET_SCREENSHOTS is set: the page as it is now, at a phone's width (375 px) and
 * a laptop's (1280 px), as NAME-375.png and NAME-1280.png; the page's own size is restored afterwards.
 */
export async function screenshot(page, name) {
  if (!screenshotFolder) return;
  const own = page.viewportSize();
  for (const width of [375, 1280]) {
    await page.setViewportSize({ width, height: width === 375 ? phone.height : desktop.height });
    await page.screenshot({ path: `${screenshotFolder}/${name}-${width}.png`, fullPage: true });
  }
  if (own) await page.setViewportSize(own);
}
