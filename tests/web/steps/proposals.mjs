// Steps for residents and their proposals: submitting (with the form's inline checks, a category, a point on the
// map, co-authors and a photo), the cycle's map, list and category filter, supporting, offering help,
// discussing (comments, replies, flags), editing, amendments and withdrawing. Each step drives the page the way a
// person would (roles and labels, the texts from the Dutch translation files), asserts what that person should
// see, and scans every page and main state with axe-core.
import { readFileSync } from "node:fs";
import { apiCall, assert, baseUrl, expectAccessible, idpIssuer, screenshot } from "../lib/stack.mjs";

/** A real 1×1 PNG, so the page shows a photo that loads (and the server's magic-byte check accepts it). */
const onePixelPng = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==", "base64");

const texts = Object.assign(
  {},
  ...["resident", "proposals", "moderation"].map((part) =>
    JSON.parse(readFileSync(new URL(`../../../web/src/i18n/nl/${part}.json`, import.meta.url), "utf8")),
  ),
);

/** A Dutch text of the app with its {placeholders} filled in, as the page shows it. */
export function nl(key, params = {}) {
  const text = texts[key];
  assert.ok(text !== undefined, `no Dutch text ${key}`);
  return text.replace(/\{(\w+)\}/g, (whole, name) => (name in params ? String(params[name]) : whole));
}

/** A regular expression for a text of the app (exact, with placeholders filled in). */
export const exactly = (key, params) => new RegExp(`^\\s*${escape(nl(key, params))}\\s*$`);
/** A regular expression for a text of the app found inside a longer text. */
export const within = (key, params) => new RegExp(escape(nl(key, params)));
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

export const proposalPath = ({ n, c, p }) => `/neighbourhoods/${n}/cycles/${c}/proposals/${p}`;

/**
 * Set-up through the API, as a signed-in platform operator (`operatorPage`): a corporation with the operator as
 * its administrator and `moderator` (a subject at the test provider) as moderator of a new neighbourhood, a cycle
 * there open for ideas with rules for proposals, and voting codes for `households` households.
 * Returns { n, c, corporationId, codes }.
 */
export async function prepareCycleForProposals(operatorPage, { households = 4, moderator = "moderator", rules = { minCostCents: 10_000, maxCostCents: 2_500_000, supportThreshold: 2 }, categories = [] } = {}) {
  const stamp = Date.now().toString(36);
  const corporationId = `corp-${stamp}`;
  const n = `buurt-${stamp}`;
  const c = "ideeen";
  await apiCall(operatorPage, "POST", "/api/corporations", { corporationId, name: "Woonstichting Test", firstAdministrator: { issuer: idpIssuer, subject: "operator" } });
  await apiCall(operatorPage, "POST", `/api/corporations/${corporationId}/neighbourhoods`, { neighbourhoodId: n, name: "Testwijk" });
  await apiCall(operatorPage, "PUT", `/api/corporations/${corporationId}/staff`, { issuer: idpIssuer, subject: moderator, role: "Moderator", neighbourhoods: [n] });
  await apiCall(operatorPage, "POST", `/api/neighbourhoods/${n}/cycles`, { cycleId: c, title: "Buurtbudget Testwijk", budgetCents: 5_000_000 });
  await apiCall(operatorPage, "PUT", `/api/neighbourhoods/${n}/cycles/${c}/proposal-rules`, { ...rules, categories });
  await apiCall(operatorPage, "POST", `/api/neighbourhoods/${n}/cycles/${c}/phase`, { phase: "Ideas" });
  const csv = ["adres", ...Array.from({ length: households }, (_, i) => `Teststraat ${i + 1}`)].join("\n") + "\n";
  const response = await operatorPage.request.fetch(`/api/neighbourhoods/${n}/cycles/${c}/voting-codes`, {
    method: "POST",
    headers: { "X-Buurtbudget-Request": "1", "Content-Type": "text/csv", Origin: baseUrl },
    data: csv,
  });
  const file = await response.text();
  assert.ok(response.ok(), `generating voting codes answered ${response.status()}: ${file}`);
  const codes = file.replace(/^\uFEFF/, "").trim().split(/\r?\n/).slice(1).map((line) => line.split(/[;,\t]/).at(-1).trim());
  assert.equal(codes.length, households);
  return { n, c, corporationId, codes };
}

/** Moves the cycle to a phase through the API (as an administrator's page). */
export async function moveCycleTo(adminPage, { n, c }, phase) {
  await apiCall(adminPage, "POST", `/api/neighbourhoods/${n}/cycles/${c}/phase`, { phase });
}

/**
 * A resident submits a proposal from the cycle page. On the way, the form's inline checks are exercised: a cost
 * the form cannot read and a cost above the cycle's maximum are named next to the cost field before anything is
 * sent. Optional: a `category` (the form then insists on one), a point on the map (`point: "click"` clicks the
 * map, `point: "keyboard"` moves the map with the arrow keys and puts the pin in the middle with the button),
 * `coAuthors` (households as on their letters) and a photo with its description (`imageAlt`). Returns the new
 * proposal's id.
 */
export async function submitProposal(page, { n, c, title, description, cost, place, tooMuch = "30.000", category, point, coAuthors, imageAlt }) {
  await page.goto(`/neighbourhoods/${n}/cycles/${c}`);
  await page.getByRole("link", { name: nl("cycle.submitProposal") }).click();
  await page.getByRole("heading", { level: 1, name: nl("proposal.new.title") }).waitFor();
  await page.getByTestId("point-picker").locator(".leaflet-control-zoom-in").waitFor();
  await expectAccessible(page, "the new-proposal form");

  const costField = page.getByLabel(nl("proposal.form.cost"));
  await page.getByRole("button", { name: nl("proposal.new.submit") }).click();
  await assertInvalid(page.getByLabel(nl("proposal.form.title")), within("proposal.form.titleLength", { min: 3, max: 120 }));
  await assertInvalid(costField, within("proposal.form.cost.empty"));
  if (category) await assertInvalid(page.getByLabel(nl("proposal.form.category"), { exact: true }), within("proposal.form.categoryMissing"));
  await expectAccessible(page, "the new-proposal form with its inline errors");
  await costField.fill("12,34,5");
  await costField.blur();
  await assertInvalid(costField, within("proposal.form.cost.notAnAmount"));
  await costField.fill(tooMuch);
  await costField.blur();
  await assertInvalid(costField, /25\.000/);

  await page.getByLabel(nl("proposal.form.title")).fill(title);
  await page.getByLabel(nl("proposal.form.description")).fill(description);
  await costField.fill(cost);
  if (category) await page.getByLabel(nl("proposal.form.category"), { exact: true }).selectOption(category);
  if (place) await page.getByLabel(nl("proposal.form.place")).fill(place);
  let chosen = null;
  if (point) chosen = await pickPoint(page, point);
  if (coAuthors) await page.getByLabel(nl("proposal.form.coAuthors")).fill(coAuthors.join("\n"));
  if (imageAlt) {
    await page.getByLabel(nl("proposal.images.file")).setInputFiles({ name: "plek.png", mimeType: "image/png", buffer: onePixelPng });
    await page.getByRole("button", { name: nl("proposal.new.submit") }).click();
    await assertInvalid(page.getByLabel(nl("proposal.images.alt")), within("proposal.images.altMissing"));
    await page.getByLabel(nl("proposal.images.alt")).fill(imageAlt);
  }
  await page.getByRole("button", { name: nl("proposal.new.submit") }).click();
  await page.waitForURL((url) => /\/proposals\/(?!new)[^/]+$/.test(url.pathname));
  await page.getByRole("heading", { level: 1, name: title }).waitFor();
  await page.getByText(nl("proposal.youAreAuthor")).waitFor();
  if (category) await page.locator("dd", { hasText: category }).first().waitFor();
  if (chosen) assert.equal(await page.getByTestId("point").innerText(), chosen, "the proposal's page does not show the chosen point");
  if (coAuthors) await page.getByText(nl(`proposal.coAuthors.${coAuthors.length === 1 ? "one" : "other"}`, { count: coAuthors.length })).waitFor();
  if (imageAlt) {
    const photo = page.getByRole("img", { name: imageAlt });
    await photo.waitFor();
    await page.waitForFunction((alt) => [...document.images].some((img) => img.alt === alt && img.complete && img.naturalWidth === 1), imageAlt);
  }
  await expectAccessible(page, "a new proposal's page, seen by its author");
  await screenshot(page, "proposal");
  return new URL(page.url()).pathname.split("/").at(-1);
}

/** Chooses a point in the form's map by mouse or by keyboard; returns the point in words as the form says it. */
async function pickPoint(page, how) {
  const map = page.getByTestId("point-picker");
  const chosen = page.getByTestId("chosen-point");
  assert.equal((await chosen.innerText()).trim(), nl("map.picker.none"));
  if (how === "click") {
    await map.click();
  } else {
    await map.focus();
    for (const key of ["ArrowRight", "ArrowRight", "ArrowUp"]) await page.keyboard.press(key);
    await page.waitForTimeout(400); // the pan animates
    await page.getByRole("button", { name: nl("map.picker.useCentre") }).focus();
    await page.keyboard.press("Enter");
  }
  await page.getByRole("button", { name: nl("map.picker.remove") }).waitFor();
  const text = (await chosen.innerText()).trim();
  const match = text.match(/^Gekozen plek: (breedtegraad -?[\d,]+, lengtegraad -?[\d,]+)\.$/);
  assert.ok(match, `the form does not say the chosen point in words: ${text}`);
  await expectAccessible(page, `the new-proposal form with a point chosen by ${how === "click" ? "mouse" : "keyboard"}`);
  return match[1];
}

/**
 * The cycle page shows every proposal in the list, and those still open with a point as numbered pins on the map that
 * are links named after the proposal; following a pin by keyboard opens the proposal. `onMap` and `notOnMap` are
 * titles.
 */
export async function seeProposalsOnMap(page, { n, c }, { onMap, notOnMap = [], shot = true }) {
  await page.goto(`/neighbourhoods/${n}/cycles/${c}`);
  const map = page.getByRole("region", { name: nl("map.label") });
  await map.locator(".leaflet-control-zoom-in").waitFor();
  await page.getByText(nl("map.noTiles"), { exact: false }).waitFor();
  await page.getByText(nl(`map.pins.${onMap.length === 1 ? "one" : "other"}`, { count: onMap.length }), { exact: false }).waitFor();
  const list = page.locator("ul.proposals");
  for (const title of [...onMap, ...notOnMap]) await list.getByRole("link", { name: title, exact: true }).waitFor();
  for (const title of onMap) await map.getByRole("link", { name: pinName(title) }).waitFor();
  for (const title of notOnMap) assert.equal(await map.getByRole("link", { name: pinName(title) }).count(), 0, `${title} is on the map`);
  assert.equal(await map.getByRole("link").count(), onMap.length, "the map has other links than the pins");
  await expectAccessible(page, "the cycle page with its map and list");
  if (shot) await screenshot(page, "cycle-proposals-map");

  const pin = map.getByRole("link", { name: pinName(onMap[0]) });
  await pin.focus();
  await page.keyboard.press("Enter");
  await page.getByRole("heading", { level: 1, name: onMap[0] }).waitFor();
}

/** A pin's name: its number (as in the list) and the proposal's title. */
const pinName = (title) => new RegExp(`^${escape(nl("map.pin", { number: "\u0000", title })).replace("\u0000", "\\d+")}$`);

/**
 * The category filter narrows the list and the map, is in the address (so reloading or sharing keeps it), and
 * "all categories" brings everything back.
 */
export async function filterByCategory(page, { n, c }, { category, shown, hidden }) {
  await page.goto(`/neighbourhoods/${n}/cycles/${c}`);
  const filter = page.getByLabel(nl("cycle.filter.label"));
  await filter.selectOption(category);
  await page.waitForURL((url) => url.searchParams.get("category") === category);
  const count = page.getByTestId("filter-count");
  const expected = nl(`cycle.filter.shown.${shown.length === 1 ? "one" : "other"}`, { count: shown.length, category });
  const check = async (what) => {
    await page.getByText(expected).waitFor();
    assert.equal((await count.innerText()).trim(), expected);
    const list = page.locator("ul.proposals");
    for (const title of shown) await list.getByRole("link", { name: title, exact: true }).waitFor();
    for (const title of hidden) {
      assert.equal(await list.getByRole("link", { name: title, exact: true }).count(), 0, `${title} is still listed (${what})`);
      assert.equal(await page.getByRole("region", { name: nl("map.label") }).getByRole("link", { name: pinName(title) }).count(), 0, `${title} is still on the map (${what})`);
    }
    await expectAccessible(page, `the cycle page filtered on ${category} (${what})`);
  };
  await check("after choosing");
  await page.reload();
  assert.equal(await page.getByLabel(nl("cycle.filter.label")).inputValue(), category, "the filter did not survive a reload");
  await check("after a reload");
  await page.getByLabel(nl("cycle.filter.label")).selectOption({ label: nl("cycle.filter.all") });
  await page.waitForURL((url) => !url.searchParams.has("category"));
  for (const title of [...shown, ...hidden]) await page.locator("ul.proposals").getByRole("link", { name: title, exact: true }).waitFor();
}

async function assertInvalid(field, message) {
  await field.waitFor();
  assert.equal(await field.getAttribute("aria-invalid"), "true", "the field is not marked invalid");
  const describedBy = (await field.getAttribute("aria-describedby")) ?? "";
  const errorId = describedBy.split(" ").find((id) => id.endsWith("-error"));
  assert.ok(errorId, "the field's error is not wired to it with aria-describedby");
  const text = await field.page().locator(`#${errorId}`).innerText();
  assert.match(text, message);
}

/** Opens a proposal's page and waits until it shows. */
export async function openProposal(page, where, title) {
  await page.goto(proposalPath(where));
  await page.getByRole("heading", { level: 1, name: title }).waitFor();
}

/** A resident supports a proposal and sees their support counted; `expected` is the new number of supporters. */
export async function supportProposal(page, where, { title, expected }) {
  await openProposal(page, where, title);
  await page.getByRole("button", { name: nl("proposal.supportIt") }).click();
  await page.getByText(nl("proposal.youSupport")).waitFor();
  await page.getByTestId("supporters").getByText(expected === 1 ? nl("proposals.supporters.one", { count: 1 }) : nl("proposals.supporters.other", { count: expected })).waitFor();
  await expectAccessible(page, "a proposal the resident supports");
}

/** A resident offers help and sees the offer listed as theirs. */
export async function pledgeHelp(page, where, { title, text }) {
  await openProposal(page, where, title);
  await page.getByLabel(nl("proposal.pledge.label")).fill(text);
  await page.getByRole("button", { name: nl("proposal.pledge.submit") }).click();
  await page.getByRole("listitem").filter({ hasText: text }).getByText(nl("proposal.pledge.mine")).waitFor();
  await expectAccessible(page, "a proposal with an offer of help");
}

/** A resident posts a comment; text typed as markup stays text. Returns the comment's number. */
export async function commentOnProposal(page, where, { title, text }) {
  await openProposal(page, where, title);
  await page.getByLabel(nl("proposal.comment.newLabel")).fill(text);
  await page.getByRole("button", { name: nl("proposal.comment.send") }).click();
  const comment = page.getByRole("article").filter({ hasText: text }).first();
  await comment.waitFor();
  const label = await comment.getAttribute("aria-label");
  await expectAccessible(page, "a proposal's discussion with a comment");
  return Number(label.match(/\d+/)[0]);
}

/** A resident replies to a comment; the reply shows nested under it. */
export async function replyToComment(page, where, { title, number, text }) {
  await openProposal(page, where, title);
  const parent = page.getByRole("article", { name: nl("proposal.comment.number", { number }) });
  await parent.getByRole("button", { name: new RegExp(`^${escape(nl("proposal.comment.reply"))}`) }).click();
  const field = page.getByLabel(nl("proposal.comment.replyLabel", { number }));
  await field.waitFor();
  assert.ok(await field.evaluate((el) => el === document.activeElement), "the reply field did not take focus");
  await expectAccessible(page, "a comment with the reply form open");
  await field.fill(text);
  await page.getByRole("button", { name: nl("proposal.comment.sendReply") }).click();
  await page.getByRole("list", { name: nl("proposal.comment.repliesTo", { number }) }).getByText(text).waitFor();
  await expectAccessible(page, "a discussion with a reply");
}

/** A resident flags someone else's comment and sees that they did. */
export async function flagComment(page, where, { title, number }) {
  await openProposal(page, where, title);
  const comment = page.getByRole("article", { name: nl("proposal.comment.number", { number }) });
  await comment.getByRole("button", { name: new RegExp(`^${escape(nl("proposal.comment.flag"))}`) }).click();
  await comment.getByText(nl("proposal.comment.flaggedByYou")).or(comment.getByText(nl("proposal.comment.hiddenByFlags"))).waitFor();
  await expectAccessible(page, "a discussion with a comment the resident flagged");
}

/** Anyone sees a hidden comment as a placeholder (never its text) and the reason in the public moderation log. */
export async function seeHiddenComment(page, where, { title, number, text, reason }) {
  await openProposal(page, where, title);
  const comment = page.getByRole("article", { name: nl("proposal.comment.number", { number }) });
  await comment.getByText(nl("proposal.comment.hidden")).waitFor();
  assert.equal(await page.getByText(text).count(), 0, "the hidden comment's text is still shown");
  await page.getByText(nl("proposal.log.title")).click();
  await page.getByRole("listitem").filter({ hasText: reason }).waitFor();
  await expectAccessible(page, "a discussion with a hidden comment and the moderation log open");
}

/** Outside the discussion phases the server refuses comments; the page does not offer the form and says why. */
export async function seeDiscussionClosed(page, where, { title }) {
  await openProposal(page, where, title);
  await page.getByText(nl("proposal.discussionClosed")).waitFor();
  assert.equal(await page.getByLabel(nl("proposal.comment.newLabel")).count(), 0);
  await expectAccessible(page, "a proposal after the discussion closed");
}

/** The author edits the proposal; the old version stays in the history. */
export async function editProposal(page, where, { title, newTitle, newCost }) {
  await openProposal(page, where, title);
  await page.getByRole("link", { name: nl("proposal.edit") }).click();
  await page.getByRole("heading", { level: 1, name: nl("proposal.edit.title", { title }) }).waitFor();
  await expectAccessible(page, "the edit form");
  await page.getByLabel(nl("proposal.form.title")).fill(newTitle);
  if (newCost) await page.getByLabel(nl("proposal.form.cost")).fill(newCost);
  await page.getByRole("button", { name: nl("proposal.edit.save") }).click();
  await page.getByRole("heading", { level: 1, name: newTitle }).waitFor();
  await page.getByText(nl("proposal.history.version", { number: 2 })).waitFor();
  await page.getByText(nl("proposal.history.version", { number: 1 })).click();
  await page.getByRole("heading", { level: 3, name: title }).waitFor();
  await expectAccessible(page, "a proposal with an earlier version opened");
}

/**
 * The author manages photos on the edit page: a file over 2 MB is refused before sending, a file that only claims to
 * be a PNG is refused by the server in words next to the field, a real photo is added (with its description) and
 * one is removed again. `photos` is how many the proposal has before.
 */
export async function managePhotos(page, where, { title, photos, alt }) {
  await openProposal(page, where, title);
  await page.getByRole("link", { name: nl("proposal.edit") }).click();
  const section = page.getByRole("region", { name: nl("proposal.images.title") });
  await section.waitFor();
  const file = section.getByLabel(nl("proposal.images.file"));
  const add = section.getByRole("button", { name: nl("proposal.images.add") });
  assert.equal(await section.getByRole("img").count(), photos);

  await file.setInputFiles({ name: "groot.png", mimeType: "image/png", buffer: Buffer.alloc(2 * 1024 * 1024 + 1) });
  await section.getByLabel(nl("proposal.images.alt")).fill(alt);
  await add.click();
  await assertInvalid(file, within("proposal.images.tooLarge"));

  await file.setInputFiles({ name: "nep.png", mimeType: "image/png", buffer: Buffer.from("<html>geen foto</html>") });
  await add.click();
  const refused = section.getByRole("alert");
  await refused.waitFor();
  assert.match(await refused.innerText(), /PNG, JPEG/, "the server's refusal is not shown in words next to the field");
  await expectAccessible(page, "the edit page with a refused photo");

  // Bytes after a PNG's end are ignored by browsers, so this is another real photo with its own hash.
  await file.setInputFiles({ name: "tweede.png", mimeType: "image/png", buffer: Buffer.concat([onePixelPng, Buffer.from("2")]) });
  await section.getByLabel(nl("proposal.images.alt")).fill(alt);
  await section.getByRole("button", { name: nl("proposal.images.add") }).click();
  await section.getByText(nl("proposal.images.added")).waitFor();
  await section.getByRole("img", { name: alt }).waitFor();
  assert.equal(await section.getByRole("img").count(), photos + 1);
  await expectAccessible(page, "the edit page with a photo added");

  // The author describes the photo again: an empty description is explained next to its field, a new one is saved
  // and becomes the photo's text for people who cannot see it.
  const description = section.getByLabel(nl("proposal.images.describe", { number: photos + 1 }));
  const save = section.getByRole("button", { name: `${nl("proposal.images.saveDescription")} ${alt}` });
  assert.equal(await description.inputValue(), alt);
  await description.fill("   ");
  await save.click();
  await assertInvalid(description, within("proposal.images.altMissing"));
  const better = `${alt}, met de bankjes ervoor`;
  await description.fill(better);
  await save.click();
  await section.getByText(nl("proposal.images.described")).waitFor();
  await section.getByRole("img", { name: better }).waitFor();
  await expectAccessible(page, "the edit page with a photo described again");
  await page.reload();
  await section.getByRole("img", { name: better }).waitFor();

  await section.getByRole("button", { name: `${nl("proposal.images.remove")} ${better}` }).click();
  await section.getByText(nl("proposal.images.removed")).waitFor();
  assert.equal(await section.getByRole("img").count(), photos);
}

/** Someone who is not an author gets no edit form: the page says only the authors can edit. */
export async function cannotEditOthersProposal(page, where) {
  await page.goto(`${proposalPath(where)}/edit`);
  await page.getByText(nl("proposal.edit.notAuthor")).waitFor();
  assert.equal(await page.getByLabel(nl("proposal.form.title")).count(), 0);
  await expectAccessible(page, "the edit page for someone else's proposal");
}

/** Another resident suggests an amendment (a new title); returns its number. */
export async function suggestAmendment(page, where, { title, amendedTitle }) {
  await openProposal(page, where, title);
  await page.getByRole("button", { name: nl("proposal.amendment.start") }).click();
  await page.getByLabel(nl("proposal.form.title")).fill(amendedTitle);
  await expectAccessible(page, "the amendment form");
  await page.getByRole("button", { name: nl("proposal.amendment.submit") }).click();
  const card = page.getByRole("listitem").filter({ hasText: amendedTitle });
  await card.getByText(nl("proposal.amendment.status.Pending")).waitFor();
  const heading = await card.getByRole("heading").innerText();
  return Number(heading.match(/\d+/)[0]);
}

/** The author accepts (or rejects) an amendment; accepted, it becomes the proposal's text. */
export async function answerAmendment(page, where, { title, number, amendedTitle, accept }) {
  await openProposal(page, where, title);
  const name = `${nl(accept ? "proposal.amendment.accept" : "proposal.amendment.reject")} ${nl("proposal.amendment.number", { number })}`;
  await page.getByRole("button", { name, exact: true }).click();
  const status = nl(accept ? "proposal.amendment.status.Accepted" : "proposal.amendment.status.Rejected");
  await page.getByRole("listitem").filter({ hasText: amendedTitle }).getByText(status).waitFor();
  if (accept) await page.getByRole("heading", { level: 1, name: amendedTitle }).waitFor();
  await expectAccessible(page, "a proposal with an answered amendment");
}

/** The author withdraws a proposal, giving a reason, after an explicit confirmation step. */
export async function withdrawProposal(page, where, { title, reason }) {
  await openProposal(page, where, title);
  await page.getByRole("button", { name: nl("proposal.withdraw.start") }).click();
  const field = page.getByLabel(nl("proposal.withdraw.reason"));
  await field.waitFor();
  assert.ok(await field.evaluate((el) => el === document.activeElement), "the reason field did not take focus");
  await page.getByRole("button", { name: nl("proposal.withdraw.confirm") }).click();
  await assertInvalid(field, within("proposal.withdraw.reasonLength", { max: 500 }));
  await expectAccessible(page, "the withdraw confirmation with its error");
  await field.fill(reason);
  await page.getByRole("button", { name: nl("proposal.withdraw.confirm") }).click();
  await page.getByText(nl("proposal.withdrawnNotice")).waitFor();
  await page.getByText(nl("proposal.withdrawnReason", { reason })).waitFor();
  await expectAccessible(page, "a withdrawn proposal");
}

/**
 * A visitor who is not signed in sees the proposal and is invited to sign in instead of the forms. `literal` is
 * text from the description that must show exactly as typed (markup stays text).
 */
export async function visitProposalSignedOut(page, where, { title, literal }) {
  await openProposal(page, where, title);
  if (literal) await page.getByText(literal, { exact: false }).first().waitFor();
  await page.getByText(nl("proposal.signInToTakePart")).first().waitFor();
  assert.equal(await page.getByRole("button", { name: nl("proposal.supportIt") }).count(), 0);
  await expectAccessible(page, "a proposal seen by a visitor");
}

/** Anyone sees a round's summary on each proposal the round covered. */
export async function seeRoundSummary(page, where, { title, question, summary }) {
  await openProposal(page, where, title);
  const round = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: question }) });
  await round.getByText(summary).waitFor();
  await expectAccessible(page, "a proposal with a round's summary");
}

/** A proposal merged into another says so and links to it. */
export async function seeMerged(page, where, { title, intoTitle }) {
  await openProposal(page, where, title);
  await page.getByText(nl("proposal.mergedNotice")).waitFor();
  await page.getByRole("link", { name: nl("proposal.mergedIntoLink") }).first().click();
  await page.getByRole("heading", { level: 1, name: intoTitle }).waitFor();
  await expectAccessible(page, "the proposal a duplicate was merged into");
}
