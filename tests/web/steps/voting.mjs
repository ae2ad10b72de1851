// Steps for residents voting and checking: filling in an approval ballot by project titles, looking it over,
// casting it and keeping the receipt; watching the turnout change without a reload; checking a receipt after the
// close. Texts are the Dutch ones from the translation files.
import { assert, expectAccessible, screenshot } from "../lib/stack.mjs";
import { nl } from "./proposals.mjs";

const cyclePage = ({ n, c }) => `/neighbourhoods/${n}/cycles/${c}`;

/** A signed-in resident votes for the projects with these titles and returns the receipt the page shows. */
export async function castBallot(page, where, titles) {
  await page.goto(cyclePage(where));
  await page.getByRole("link", { name: nl("cycle.vote"), exact: true }).click();
  await page.getByRole("heading", { level: 1, name: nl("ballot.title") }).waitFor();
  await expectAccessible(page, `the ballot (${page.viewportSize()?.width} px)`);
  for (const title of titles) await page.getByRole("checkbox", { name: new RegExp(escape(title)) }).check();
  await page.getByRole("button", { name: nl("ballot.toReview") }).click();
  await page.getByRole("heading", { level: 1, name: nl("ballot.reviewTitle") }).waitFor();
  for (const title of titles) await page.getByRole("listitem").filter({ hasText: title }).waitFor();
  await expectAccessible(page, "the ballot review");
  await page.getByRole("button", { name: nl("ballot.cast") }).click();
  const receipt = (await page.getByTestId("receipt").textContent()).trim();
  assert.match(receipt, /#\d+:[0-9a-f]{64}$/);
  await expectAccessible(page, "the receipt");
  await screenshot(page, "receipt");
  return receipt;
}

/** Opens the cycle page and marks the document, so `seeTurnout` can tell the page was never reloaded. */
export async function watchCycle(page, where) {
  await page.goto(cyclePage(where));
  await page.getByText(nl("live.connected")).waitFor();
  await page.evaluate(() => (window.__watching = true));
}

/** The watched page shows this turnout, arrived live (the page is the one `watchCycle` opened). */
export async function seeTurnout(page, count) {
  const text = count === 1 ? nl("cycle.turnout.one", { count }) : nl("cycle.turnout.other", { count });
  await page.getByTestId("turnout").getByText(text).waitFor({ timeout: 10_000 });
  assert.equal(await page.evaluate(() => window.__watching), true, "the page was reloaded to show the turnout");
}

/** On the results page, waiting for the close: the outcome and its explanations arrive without a reload. */
export async function waitForResults(page, where, { cycleTitle, funded }) {
  await page.goto(`${cyclePage(where)}/results`);
  await page.getByText(nl("results.notYet")).waitFor();
  await page.evaluate(() => (window.__watching = true));
  return async () => {
    await page.getByRole("heading", { level: 1, name: nl("results.titleOf", { cycle: cycleTitle }) }).waitFor({ timeout: 15_000 });
    assert.equal(await page.evaluate(() => window.__watching), true, "the page was reloaded to show the results");
    const shown = await page.locator(".card-funded h3").allTextContents();
    for (const title of funded) assert.ok(shown.includes(title), `"${title}" is not among the funded projects: ${shown}`);
    assert.ok((await page.getByText(/^Gekozen in ronde \d+\./).count()) > 0, "no explanation of a funded project");
    await expectAccessible(page, "the results");
    await screenshot(page, "results");
  };
}

/** A resident pastes their receipt on the check page after the close and reads that it was counted. */
export async function checkReceipt(page, where, receipt) {
  await page.goto(`${cyclePage(where)}/receipt`);
  await page.getByLabel(nl("checkReceipt.label")).fill(receipt);
  await page.getByRole("button", { name: nl("checkReceipt.submit") }).click();
  await page.getByTestId("receipt-check").getByText(nl("checkReceipt.counted")).waitFor();
  await expectAccessible(page, "the receipt check");
}

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
