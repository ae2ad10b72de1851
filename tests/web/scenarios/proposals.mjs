// Residents and their proposals, on their own: two residents (one on a phone) submit (with a category, a point on
// the map chosen by mouse or keyboard, a co-author and a photo), find them on the cycle's map and list and filter
// by category, support, offer help, discuss, edit, amend and withdraw; a visitor reads along; the discussion
// closes when the review starts. No map tiles are configured (no internet in tests): the map has a plain background.
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
    return proposals.prepareCycleForProposals(operator.page, { categories: ["Groen", "Spelen"] });
  });
  const anna = await actor(browser, "Anna");
  const bram = await actor(browser, "Bram", { viewport: phone });
  const visitor = await actor(browser, "visitor", { viewport: phone });
  actors.push(anna, bram, visitor);
  await step("Anna signs in with her voting code", () => signInWithCode(anna.page, n, codes[0]));
  await step("Bram signs in with his voting code on his phone", () => signInWithCode(bram.page, n, codes[1]));

  const title = "Bankjes bij de speeltuin";
  const description = "Bij de speeltuin kun je nergens zitten.\n\nWe willen drie bankjes. <b>niet vet</b>";
  const p = await step("Anna submits a proposal with a category, a point clicked on the map, a co-author and a photo; the form checks first", () =>
    proposals.submitProposal(anna.page, {
      n, c, title, description, cost: "1.250,50", place: "Speeltuin Teststraat", category: "Spelen", point: "click", coAuthors: ["Teststraat 3"],
      imageAlt: "Het lege hoekje naast de speeltuin",
    }));
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

  await step("Anna adds and removes a photo on the edit page; refused files are explained next to the field", () =>
    proposals.managePhotos(anna.page, where, { title: amended, photos: 1, alt: "De speeltuin van bovenaf" }));

  const second = "Een hondenuitlaatplek";
  const q = await step("Bram submits a second proposal on his phone, choosing its point with the keyboard", () =>
    proposals.submitProposal(bram.page, { n, c, title: second, description: "Een omheind veldje voor honden.", cost: "800", category: "Groen", point: "keyboard" }));
  const third = "Een bloemenbak bij de ingang";
  await step("Bram submits a third proposal without a point", () =>
    proposals.submitProposal(bram.page, { n, c, title: third, description: "Bloemen bij de voordeur.", cost: "300", category: "Groen" }));
  await step("a visitor sees the proposals on the map (no tiles) and in the list, and follows a pin by keyboard", () =>
    proposals.seeProposalsOnMap(visitor.page, { n, c }, { onMap: [amended, second], notOnMap: [third] }));
  await step("the category filter narrows the list and the map, and stays in the address", () =>
    proposals.filterByCategory(visitor.page, { n, c }, { category: "Groen", shown: [second, third], hidden: [amended] }));
  await step("Bram withdraws it with a reason", () => proposals.withdrawProposal(bram.page, { n, c, p: q }, { title: second, reason: "Er komt al een veldje van de gemeente." }));
  await step("the withdrawn proposal stays in the list but leaves the map", () =>
    proposals.seeProposalsOnMap(visitor.page, { n, c }, { onMap: [amended], notOnMap: [second, third], shot: false }));

  await step("the review starts (API)", () => proposals.moveCycleTo(operator.page, { n, c }, "Review"));
  await step("the discussion is closed for Anna", () => proposals.seeDiscussionClosed(anna.page, where, { title: amended }));
  assertNoTroubles(...actors);
  console.log("proposals scenario: all steps passed");
} finally {
  await browser.close();
}
