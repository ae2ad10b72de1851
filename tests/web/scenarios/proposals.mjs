// Residents and their proposals, on their own: two residents (one on a phone) submit, support, offer help,
// discuss, edit, amend and withdraw; a visitor reads along; the discussion closes when the review starts.
// Set-up (corporation, neighbourhood, cycle, voting codes) goes through the API as the platform operator.
import { actor, assertNoTroubles, launch, phone, signInWithCode, signInWithProvider, step } from "../lib/stack.mjs";
import * as proposals from "../steps/proposals.mjs";

const browser = await launch();
const actors = [];
try {
  const operator = await actor(browser, "operator");
  actors.push(operator);
  const { n, c, codes } = await step("the corporation prepares a cycle that takes ideas (API)", async () => {
    await signInWithProvider(operator.page, "operator", "/");
    return proposals.prepareCycleForProposals(operator.page);
  });
  const anna = await actor(browser, "Anna");
  const bram = await actor(browser, "Bram", { viewport: phone });
  const visitor = await actor(browser, "visitor", { viewport: phone });
  actors.push(anna, bram, visitor);
  await step("Anna signs in with her voting code", () => signInWithCode(anna.page, n, codes[0]));
  await step("Bram signs in with his voting code on his phone", () => signInWithCode(bram.page, n, codes[1]));

  const title = "Bankjes bij de speeltuin";
  const description = "Bij de speeltuin kun je nergens zitten.\n\nWe willen drie bankjes. <b>niet vet</b>";
  const p = await step("Anna submits a proposal; the form checks the cost first", () =>
    proposals.submitProposal(anna.page, { n, c, title, description, cost: "1.250,50", place: "Speeltuin Teststraat" }));
  const where = { n, c, p };
  await step("a visitor reads it, markup shown as typed, and is invited to sign in", () =>
    proposals.visitProposalSignedOut(visitor.page, where, { title, literal: "<b>niet vet</b>" }));
  await step("Bram supports it", () => proposals.supportProposal(bram.page, where, { title, expected: 1 }));
  await step("Bram offers help", () => proposals.pledgeHelp(bram.page, where, { title, text: "Ik kan helpen met verven." }));
  const first = await step("Bram comments", () => proposals.commentOnProposal(bram.page, where, { title, text: "Mooi plan! Komt er ook een prullenbak?" }));
  await step("Anna replies to Bram", () => proposals.replyToComment(anna.page, where, { title, number: first, text: "Goed idee, die zet ik erbij." }));
  await step("Anna flags Bram's comment", () => proposals.flagComment(anna.page, where, { title, number: first }));
  await step("Bram cannot edit Anna's proposal", () => proposals.cannotEditOthersProposal(bram.page, where));

  const edited = "Bankjes en een prullenbak bij de speeltuin";
  await step("Anna edits her proposal; version 1 stays in the history", () => proposals.editProposal(anna.page, where, { title, newTitle: edited, newCost: "1400" }));
  const amended = "Drie bankjes en een prullenbak bij de speeltuin";
  const amendment = await step("Bram suggests an amendment", () => proposals.suggestAmendment(bram.page, where, { title: edited, amendedTitle: amended }));
  await step("Anna accepts the amendment", () => proposals.answerAmendment(anna.page, where, { title: edited, number: amendment, amendedTitle: amended, accept: true }));

  const second = "Een hondenuitlaatplek";
  const q = await step("Bram submits a second proposal on his phone", () =>
    proposals.submitProposal(bram.page, { n, c, title: second, description: "Een omheind veldje voor honden.", cost: "800" }));
  await step("Bram withdraws it with a reason", () => proposals.withdrawProposal(bram.page, { n, c, p: q }, { title: second, reason: "Er komt al een veldje van de gemeente." }));

  await step("the review starts (API)", () => proposals.moveCycleTo(operator.page, { n, c }, "Review"));
  await step("the discussion is closed for Anna", () => proposals.seeDiscussionClosed(anna.page, where, { title: amended }));
  assertNoTroubles(...actors);
  console.log("proposals scenario: all steps passed");
} finally {
  await browser.close();
}
