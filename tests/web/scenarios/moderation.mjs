// Moderators, on their own: a flagged comment is hidden (and later restored) with a reason residents can read,
// a duplicate is merged, and a deliberation round is opened and closed with a summary that shows on its
// proposals. Set-up (cycle, residents' proposals, support, a comment) goes through the API.
import { actor, apiCall, assertNoTroubles, launch, phone, signInWithCode, signInWithProvider, step } from "../lib/stack.mjs";
import * as moderation from "../steps/moderation.mjs";
import * as proposals from "../steps/proposals.mjs";

const browser = await launch();
const actors = [];
try {
  const operator = await actor(browser, "operator");
  actors.push(operator);
  const { n, c, codes } = await step("the corporation prepares a cycle with a moderator (API)", async () => {
    await signInWithProvider(operator.page, "operator", "/");
    return proposals.prepareCycleForProposals(operator.page, { households: 3, rules: { minCostCents: 0, maxCostCents: null, supportThreshold: 0 } });
  });
  const [anna, bram, cor] = [await actor(browser, "Anna"), await actor(browser, "Bram"), await actor(browser, "Cor", { viewport: phone })];
  const moderator = await actor(browser, "moderator");
  actors.push(anna, bram, cor, moderator);
  for (const [i, resident] of [anna, bram, cor].entries()) await signInWithCode(resident.page, n, codes[i]);
  await step("the moderator signs in", () => signInWithProvider(moderator.page, "moderator", `/neighbourhoods/${n}/cycles/${c}`));

  const base = `/api/neighbourhoods/${n}/cycles/${c}/proposals`;
  const submit = async (who, title) =>
    (await apiCall(who.page, "POST", base, { title, description: `${title}: beschrijving.`, costCents: 500_000, place: null })).proposalId;
  const [play, dup, trees] = ["Speeltuin opknappen", "Speeltuin vernieuwen", "Meer bomen in de straat"];
  const { pPlay, pDup, pTrees, comment } = await step("residents submit proposals, support them and comment (API)", async () => {
    const ids = { pPlay: await submit(anna, play), pDup: await submit(bram, dup), pTrees: await submit(cor, trees) };
    await apiCall(anna.page, "PUT", `${base}/${ids.pPlay}/support`);
    await apiCall(cor.page, "PUT", `${base}/${ids.pDup}/support`);
    const posted = await apiCall(bram.page, "POST", `${base}/${ids.pPlay}/comments`, { text: "Wat een onzin, jullie zijn allemaal sukkels." });
    return { ...ids, comment: posted.number };
  });
  const text = "Wat een onzin, jullie zijn allemaal sukkels.";
  const playWhere = { n, c, p: pPlay };

  await step("Anna flags the rude comment", () => proposals.flagComment(anna.page, playWhere, { title: play, number: comment }));
  await step("a resident sees no moderator tools", () => moderation.noModeratorToolsFor(anna.page, { n, c }));
  const reason = "Scheldwoorden horen niet in het gesprek.";
  await step("the moderator hides the flagged comment with a reason", () =>
    moderation.hideFlaggedComment(moderator.page, { n, c }, { proposalTitle: play, number: comment, text, reason }));
  await step("Cor sees a placeholder and the reason in the public log", () =>
    proposals.seeHiddenComment(cor.page, playWhere, { title: play, number: comment, text, reason }));
  await step("the moderator restores it after talking to Bram", () =>
    moderation.restoreComment(moderator.page, { n, c }, { proposalTitle: play, number: comment, reason: "Bram heeft zijn excuses aangeboden." }));

  await step("the moderator merges the duplicate; supporters of both are kept", () =>
    moderation.mergeProposals(moderator.page, { n, c }, { duplicateTitle: dup, targetTitle: play, supporters: 2 }));
  await step("Bram's duplicate points to the proposal it joined", () => proposals.seeMerged(bram.page, { n, c, p: pDup }, { title: dup, intoTitle: play }));

  await step("the deliberation phase starts (API)", () => proposals.moveCycleTo(operator.page, { n, c }, "Deliberation"));
  const question = "Wat is belangrijker: spelen of groen?";
  const round = await step("the moderator opens a round on two proposals", () => moderation.openRound(moderator.page, { n, c }, { question, proposalTitles: [play, trees] }));
  const summary = "Bewoners willen allebei; bomen mogen langs de speeltuin.";
  await step("the moderator closes the round with a summary", () => moderation.closeRound(moderator.page, { n, c }, { number: round, summary }));
  await step("Cor reads the summary on his proposal", () => proposals.seeRoundSummary(cor.page, { n, c, p: pTrees }, { title: trees, question, summary }));
  assertNoTroubles(...actors);
  console.log("moderation scenario: all steps passed");
} finally {
  await browser.close();
}
