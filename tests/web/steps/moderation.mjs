// Steps for moderators: the way in from the cycle page, deliberation rounds (open, close with a summary), the
// queue of flagged and hidden comments (hide or restore with a reason), and merging duplicate proposals. Each
// step drives the pages by roles and labels, asserts what the moderator should see, and scans with axe-core.
import { assert, expectAccessible, screenshot } from "../lib/stack.mjs";
import { nl } from "./proposals.mjs";

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** A moderator finds the "For moderators" panel on the cycle page and follows it to `to` ("rounds" or "moderation"). */
export async function openModeratorTools(page, { n, c }, to) {
  await page.goto(`/neighbourhoods/${n}/cycles/${c}`);
  const panel = page.getByRole("region", { name: nl("moderation.panel.title") });
  await panel.waitFor();
  await expectAccessible(page, "the cycle page with the moderators' panel");
  await panel.getByRole("link", { name: nl(to === "rounds" ? "moderation.panel.rounds" : "moderation.panel.moderation") }).click();
  await page.getByRole("heading", { level: 1, name: nl(to === "rounds" ? "moderation.rounds.title" : "moderation.title") }).waitFor();
}

/** Someone without a Moderator grant sees no panel on the cycle page, and the moderator pages tell them so. */
export async function noModeratorToolsFor(page, { n, c }) {
  await page.goto(`/neighbourhoods/${n}/cycles/${c}`);
  await page.getByRole("heading", { level: 1 }).waitFor();
  assert.equal(await page.getByRole("region", { name: nl("moderation.panel.title") }).count(), 0, "the moderators' panel shows for a non-moderator");
  await page.goto(`/staff/neighbourhoods/${n}/cycles/${c}/moderation`);
  await page.getByText(nl("moderation.signInFirst")).or(page.getByText(/moderator/i).first()).first().waitFor();
  await expectAccessible(page, "the moderation page for someone who is not a moderator");
}

/** Opens a round on the proposals with these titles; the form first names a missing choice next to it. */
export async function openRound(page, where, { question, proposalTitles }) {
  await openModeratorTools(page, where, "rounds");
  await expectAccessible(page, "the rounds page");
  await page.getByLabel(nl("moderation.rounds.question")).fill(question);
  await page.getByRole("button", { name: nl("moderation.rounds.openButton") }).click();
  await page.getByText(nl("moderation.rounds.chooseProposals")).waitFor();
  await expectAccessible(page, "the new-round form with an error");
  const choices = page.getByRole("group", { name: nl("moderation.rounds.proposals") });
  for (const title of proposalTitles) await choices.getByLabel(title).check();
  await page.getByRole("button", { name: nl("moderation.rounds.openButton") }).click();
  const card = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: new RegExp(escape(question)) }) });
  await card.waitFor();
  for (const title of proposalTitles) await card.getByRole("link", { name: title }).waitFor();
  await expectAccessible(page, "the rounds page with an open round");
  await screenshot(page, "moderator-rounds");
  const heading = await card.getByRole("heading").first().innerText();
  return Number(heading.match(/\d+/)[0]);
}

/** Closes a round with a summary; the summary shows with the round. */
export async function closeRound(page, where, { number, summary }) {
  await openModeratorTools(page, where, "rounds");
  await page.getByLabel(nl("moderation.rounds.summaryLabel", { number })).fill(summary);
  await page.getByRole("button", { name: `${nl("moderation.rounds.close")} ${nl("moderation.rounds.number", { number })}` }).click();
  await page.getByText(summary).waitFor();
  assert.equal(await page.getByLabel(nl("moderation.rounds.summaryLabel", { number })).count(), 0);
  await expectAccessible(page, "the rounds page with a closed round");
}

/**
 * The flagged comment is in the queue with its text and flags; the moderator hides it with a reason (an empty
 * reason is refused next to the field first).
 */
export async function hideFlaggedComment(page, where, { proposalTitle, number, text, reason }) {
  await openModeratorTools(page, where, "moderation");
  const what = nl("moderation.queue.what", { number, title: proposalTitle });
  const card = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: what }) });
  await card.getByText(text).waitFor();
  await card.getByText(nl("moderation.queue.visible")).waitFor();
  await expectAccessible(page, "the moderation queue with a flagged comment");
  await screenshot(page, "moderator-queue");
  const hide = card.getByRole("button", { name: `${nl("moderation.queue.hide")} ${what}` });
  await hide.click();
  await card.getByText(nl("moderation.queue.reasonLength")).waitFor();
  await card.getByLabel(nl("moderation.queue.hideReason", { number })).fill(reason);
  await hide.click();
  await page.getByRole("status").getByText(nl("moderation.queue.hiddenNow", { number, title: proposalTitle })).waitFor();
  // Still in the queue, now hidden, its text still readable for moderators.
  await card.getByText(nl("moderation.queue.hidden")).waitFor();
  await card.getByText(text).waitFor();
  await expectAccessible(page, "the moderation queue after hiding a comment");
}

/** A hidden comment is restored with a reason. */
export async function restoreComment(page, where, { proposalTitle, number, reason }) {
  await openModeratorTools(page, where, "moderation");
  const what = nl("moderation.queue.what", { number, title: proposalTitle });
  const card = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: what }) });
  await card.getByLabel(nl("moderation.queue.restoreReason", { number })).fill(reason);
  await card.getByRole("button", { name: `${nl("moderation.queue.restore")} ${what}` }).click();
  await page.getByRole("status").getByText(nl("moderation.queue.restored", { number, title: proposalTitle })).waitFor();
  await expectAccessible(page, "the moderation queue after restoring a comment");
}

/** Merges the duplicate into the other proposal through the confirmation step; `supporters` is the count after. */
export async function mergeProposals(page, where, { duplicateTitle, targetTitle, supporters }) {
  await openModeratorTools(page, where, "moderation");
  const option = async (label, title) => {
    const select = page.getByLabel(label);
    const value = await select.locator("option").filter({ hasText: title }).getAttribute("value");
    await select.selectOption(value);
  };
  await page.getByRole("button", { name: nl("moderation.merge.next") }).click();
  await page.getByText(nl("moderation.merge.chooseDuplicate")).waitFor();
  await option(nl("moderation.merge.duplicate"), duplicateTitle);
  await option(nl("moderation.merge.target"), targetTitle);
  await page.getByRole("button", { name: nl("moderation.merge.next") }).click();
  await page.getByText(nl("moderation.merge.confirmText", { duplicate: duplicateTitle, target: targetTitle })).waitFor();
  await expectAccessible(page, "the merge confirmation");
  await page.getByRole("button", { name: nl("moderation.merge.confirm") }).click();
  await page.getByText(nl("moderation.merge.doneText", { duplicate: duplicateTitle, target: targetTitle })).waitFor();
  await page.getByText(nl(supporters === 1 ? "moderation.merge.doneSupporters.one" : "moderation.merge.doneSupporters.other", { count: supporters })).waitFor();
  await expectAccessible(page, "the merge result");
}
