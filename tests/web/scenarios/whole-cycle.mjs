// The whole budget cycle in real browsers, as the product promises it: a corporation sets up a cycle and makes
// voting codes; two residents submit proposals and one offers help; a moderator runs a round and hides a flagged
// comment; the corporation reviews feasibility and opens voting; residents vote with their codes (one on a phone);
// a second browser sees the turnout change live; the vote closes and the results with explanations appear; a
// resident checks their receipt. Every page and state on the way is scanned with axe-core.
import { actor, assertNoTroubles, desktop, idpIssuer, launch, phone, signInWithCode, signInWithProvider, step } from "../lib/stack.mjs";
import { addNeighbourhood, advancePhase, closeVoting, generateVotingCodes, grantRole, openVoting, registerCorporation, reviewProposal, setUpCycle } from "../steps/corporation.mjs";
import { closeRound, hideFlaggedComment, openRound } from "../steps/moderation.mjs";
import { commentOnProposal, flagComment, pledgeHelp, seeHiddenComment, submitProposal } from "../steps/proposals.mjs";
import { castBallot, checkReceipt, seeTurnout, waitForResults, watchCycle } from "../steps/voting.mjs";

const n = "landlust", c = "2027";
const where = { n, c };
const cycleTitle = "Buurtbudget Landlust 2027";
const playground = "Speeltuin opknappen";
const benches = "Bankjes langs het water";

const browser = await launch();
const operator = await actor(browser, "platform operator");
const admin = await actor(browser, "corporation administrator");
const moderator = await actor(browser, "moderator");
const fatima = await actor(browser, "resident Fatima (phone)", { viewport: phone });
const joost = await actor(browser, "resident Joost", { viewport: desktop });
const neighbour = await actor(browser, "a neighbour watching", { viewport: desktop });
try {
  const codes = await step("the corporation sets up a cycle and makes voting codes", async () => {
    await signInWithProvider(operator.page, "operator", "/staff");
    await registerCorporation(operator.page, { corporationId: "de-alliantie", name: "De Alliantie", issuer: idpIssuer, subject: "anouk" });
    await signInWithProvider(admin.page, "anouk", "/staff");
    await addNeighbourhood(admin.page, "de-alliantie", { neighbourhoodId: n, name: "Landlust" });
    await grantRole(admin.page, "de-alliantie", { issuer: idpIssuer, subject: "mo", role: "Moderator", neighbourhoods: ["Landlust"] });
    await setUpCycle(admin.page, { n, cycleId: c, title: cycleTitle, budgetEuros: 30_000, minCostEuros: 100, maxCostEuros: 25_000, supportThreshold: 0 });
    return generateVotingCodes(admin.page, n, c, ["Landlust 1", "Landlust 3", "Landlust 5"]);
  });

  const proposals = await step("two residents submit proposals, one on a phone", async () => {
    await signInWithCode(fatima.page, n, codes[0]);
    await signInWithCode(joost.page, n, codes[1]);
    const p1 = await submitProposal(fatima.page, { n, c, title: playground, description: "Nieuwe schommels en een zandbak.\n\nDe oude zijn kapot.", cost: "12.500", place: "Landlustplein" });
    const p2 = await submitProposal(joost.page, { n, c, title: benches, description: "Vier bankjes langs de kade.", cost: "4500", place: "Kade" });
    return { playground: { n, c, p: p1 }, benches: { n, c, p: p2 } };
  });

  await step("a resident offers help with the other's proposal", () =>
    pledgeHelp(fatima.page, proposals.benches, { title: benches, text: "Ik verf de bankjes elk voorjaar." }));

  const comment = { text: "Wie dit wil is gek, jullie zijn allemaal sukkels!" };
  await step("the corporation starts the discussion; a moderator opens a round; a comment is flagged and hidden", async () => {
    await advancePhase(admin.page, n, c, "Deliberation");
    await signInWithProvider(moderator.page, "mo", `/neighbourhoods/${n}/cycles/${c}`);
    comment.round = await openRound(moderator.page, where, { question: "Wat heeft Landlust het meest nodig?", proposalTitles: [playground, benches] });
    comment.number = await commentOnProposal(joost.page, proposals.playground, { title: playground, text: comment.text });
    await flagComment(fatima.page, proposals.playground, { title: playground, number: comment.number });
    await hideFlaggedComment(moderator.page, where, { proposalTitle: playground, number: comment.number, text: comment.text, reason: "Scheldwoorden" });
    await seeHiddenComment(neighbour.page, proposals.playground, { title: playground, number: comment.number, text: comment.text, reason: "Scheldwoorden" });
    await closeRound(moderator.page, where, { number: comment.round, summary: "Veel steun voor de speeltuin; de bankjes zijn goedkoop en snel klaar." });
  });

  await step("the corporation reviews feasibility and opens voting", async () => {
    await advancePhase(admin.page, n, c, "Review");
    await reviewProposal(admin.page, n, c, playground, { feasible: true, adjustedCostEuros: 14_000 });
    await reviewProposal(admin.page, n, c, benches, { feasible: true });
    await openVoting(admin.page, n, c, { kind: "Approval", min: 1, max: 2 });
  });

  const receipts = await step("residents vote with their codes, one on a phone, while a neighbour's page shows the turnout live", async () => {
    await watchCycle(neighbour.page, where);
    await seeTurnout(neighbour.page, 0);
    const first = await castBallot(fatima.page, where, [playground, benches]);
    await seeTurnout(neighbour.page, 1);
    const second = await castBallot(joost.page, where, [benches]);
    await seeTurnout(neighbour.page, 2);
    return [first, second];
  });

  await step("the vote closes and the results with explanations appear without a reload", async () => {
    const resultsShown = await waitForResults(neighbour.page, where, { cycleTitle, funded: [benches] });
    await closeVoting(admin.page, n, c);
    await resultsShown();
  });

  await step("a resident checks the receipt on the phone", () => checkReceipt(fatima.page, where, receipts[0]));

  assertNoTroubles(operator, admin, moderator, fatima, joost, neighbour);
} finally {
  await browser.close();
}
