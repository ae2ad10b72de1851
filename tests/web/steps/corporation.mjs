// Steps of the corporation's staff, driven through the web pages as a person would: the platform operator
// registers a corporation, its administrator adds neighbourhoods and staff, sets up a budget round, makes voting
// codes, reviews proposals, compares rules, opens and closes voting and reports progress; moderators enter
// paper ballots twice. Every step scans the pages and states it visits with axe-core. Labels are matched in
// Dutch and English, so the steps work in either language.
import { readFile } from "node:fs/promises";
import { assert, expectAccessible, screenshot } from "../lib/stack.mjs";

/** A case-insensitive pattern for a text in either language; `exact` anchors it. */
function words(nl, en, { exact = false } = {}) {
  const either = `(?:${escape(nl)}|${escape(en)})`;
  return new RegExp(exact ? `^\\s*${either}\\s*$` : either, "i");
}
const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const startsWith = (text) => new RegExp(`^\\s*${escape(text)}`, "i");

const cycleAddress = (n, c, part = "") => `/staff/neighbourhoods/${encodeURIComponent(n)}/cycles/${encodeURIComponent(c)}${part}`;

async function heading(page, name, level = 1) {
  await page.getByRole("heading", { level, name }).first().waitFor();
}

/** The phase as the administration page says it. */
async function expectPhase(page, nl, en) {
  await page.getByTestId("cycle-phase").filter({ hasText: words(nl, en, { exact: true }) }).waitFor();
}

const phaseWords = {
  Ideas: ["Ideeën", "Ideas"],
  Deliberation: ["Bespreken", "Discussion"],
  Review: ["Beoordelen", "Review"],
  Voting: ["Stemmen", "Voting"],
  Results: ["Uitslag", "Results"],
  Implementation: ["Uitvoering", "Being carried out"],
  Closed: ["Afgesloten", "Closed"],
};

const moveButtons = {
  Ideas: ["Openen voor ideeën", "Open for ideas"],
  Deliberation: ["Discussie starten", "Start the discussion"],
  Review: ["Haalbaarheidstoets starten", "Start the feasibility review"],
  Implementation: ["Uitvoering starten", "Start the implementation"],
  Closed: ["Ronde afsluiten", "Close the round"],
};

/** The staff start page: checks that it names each of `expected` (corporations, neighbourhoods, rounds). */
export async function openStaffHome(page, expected = []) {
  await page.goto("/staff");
  await heading(page, words("Beheer", "Staff", { exact: true }));
  for (const text of expected) await page.getByText(text, { exact: false }).first().waitFor();
  await expectAccessible(page, "staff home");
  await screenshot(page, "staff-home");
}

/** The platform operator registers a corporation with its first administrator (issuer + subject). */
export async function registerCorporation(page, { corporationId, name, issuer, subject }) {
  await page.goto("/staff/corporations");
  await heading(page, words("Corporaties", "Corporations"));
  await expectAccessible(page, "operator page");
  await page.getByLabel(words("Id van de corporatie", "Corporation id")).fill(corporationId);
  await page.getByLabel(words("Naam", "Name", { exact: true })).fill(name);
  await page.getByLabel(words("Uitgever (issuer)", "Issuer")).fill(issuer);
  await page.getByLabel(words("Subject (account-id)", "Subject (account id)")).fill(subject);
  await page.getByRole("button", { name: words("Corporatie aanmelden", "Register the corporation") }).click();
  await page.getByRole("status").filter({ hasText: words(`${name} is aangemeld`, `${name} is registered`) }).waitFor();
  await page.getByRole("listitem").filter({ hasText: `(${corporationId})` }).waitFor();
  await expectAccessible(page, "operator page after registering");
  await screenshot(page, "staff-operator");
}

/** A corporation-wide administrator adds a neighbourhood. */
export async function addNeighbourhood(page, corporationId, { neighbourhoodId, name }) {
  await page.goto(`/staff/corporations/${encodeURIComponent(corporationId)}`);
  await heading(page, words("Buurten", "Neighbourhoods"), 2);
  await expectAccessible(page, "corporation page");
  await page.getByLabel(words("Id van de buurt", "Neighbourhood id")).fill(neighbourhoodId);
  await page.getByLabel(words("Naam die bewoners kennen", "Name residents know it by")).fill(name);
  await page.getByRole("button", { name: words("Buurt toevoegen", "Add the neighbourhood", { exact: true }) }).click();
  await page.getByRole("status").filter({ hasText: words(`${name} is toegevoegd`, `${name} is added`) }).waitFor();
  await page.getByRole("link", { name, exact: true }).waitFor();
}

/** Grants `role` ("Administrator" | "Moderator" | "Auditor") to issuer+subject, for all or the named neighbourhoods. */
export async function grantRole(page, corporationId, { issuer, subject, role, neighbourhoods = [] }) {
  await page.goto(`/staff/corporations/${encodeURIComponent(corporationId)}`);
  await heading(page, words("Iemand een rol geven", "Give someone a role"), 3);
  const form = page.getByRole("form", { name: words("Iemand een rol geven", "Give someone a role") });
  await form.getByLabel(words("Uitgever (issuer)", "Issuer")).fill(issuer);
  await form.getByLabel(words("Subject (account-id)", "Subject (account id)")).fill(subject);
  const roleNames = { Administrator: ["Beheerder", "Administrator"], Moderator: ["Moderator", "Moderator"], Auditor: ["Controleur", "Auditor"] };
  await form.getByRole("radio", { name: words(...roleNames[role], { exact: true }) }).check();
  if (neighbourhoods.length > 0) {
    await form.getByRole("radio", { name: words("Alleen deze buurten:", "Only these neighbourhoods:") }).check();
    for (const name of neighbourhoods) await form.getByRole("checkbox", { name, exact: true }).check();
  }
  await expectAccessible(page, "corporation page, grant form filled in");
  await form.getByRole("button", { name: words("Rol geven", "Give the role", { exact: true }) }).click();
  await form.getByRole("status").filter({ hasText: subject }).waitFor();
  await page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: new RegExp(`^${escape(subject)}\\b`) }) }).first().waitFor();
  await screenshot(page, "staff-corporation");
}

/**
 * Revokes a role after the confirmation. With `refusedWith` (a pattern) the server must refuse, e.g. the last
 * administrator, and its words must appear at the person's card; returns the text shown.
 */
export async function revokeRole(page, corporationId, { subject, role, refusedWith = null }) {
  await page.goto(`/staff/corporations/${encodeURIComponent(corporationId)}`);
  await heading(page, words("Medewerkers", "Staff"), 2);
  const roleNames = { Administrator: ["Beheerder", "Administrator"], Moderator: ["Moderator", "Moderator"], Auditor: ["Controleur", "Auditor"] };
  const card = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: new RegExp(`^${escape(subject)}\\s+(${roleNames[role].join("|")})$`) }) });
  await card.getByRole("button", { name: words("Intrekken", "Revoke") }).click();
  await card.getByText(words("intrekken?", "Revoke the")).first().waitFor();
  await expectAccessible(page, "corporation page, revoke confirmation");
  await card.getByRole("button", { name: words("Ja, rol intrekken", "Yes, revoke the role") }).click();
  if (refusedWith) {
    const problem = card.getByRole("alert");
    await problem.waitFor();
    const text = await problem.innerText();
    assert.match(text, refusedWith);
    await expectAccessible(page, "corporation page, revoke refused");
    return text;
  }
  await card.waitFor({ state: "detached" });
  return null;
}

/**
 * The cycle setup wizard: create the round (budget in euros), set the proposal rules, open it for ideas.
 * Ends on the round's administration page in the ideas phase.
 */
export async function setUpCycle(page, { n, cycleId, title, budgetEuros, minCostEuros = 0, maxCostEuros = null, supportThreshold = 0 }) {
  await page.goto(`/staff/neighbourhoods/${encodeURIComponent(n)}/new-cycle`);
  await heading(page, words("Nieuwe budgetronde", "New budget round"));
  await expectAccessible(page, "new cycle, step 1");
  await page.getByLabel(words("Id van de ronde", "Round id")).fill(cycleId);
  await page.getByLabel(words("Titel", "Title", { exact: true })).fill(title);
  await page.getByLabel(words("Budget in euro", "Budget in euros")).fill(String(budgetEuros));
  await screenshot(page, "staff-new-cycle");
  await page.getByRole("button", { name: words("Ronde aanmaken", "Create the round", { exact: true }) }).click();

  await heading(page, words("Regels voor voorstellen", "Rules for proposals"), 2);
  await expectAccessible(page, "new cycle, step 2 (proposal rules)");
  await page.getByLabel(words("Laagste bedrag van een voorstel", "Lowest cost of a proposal")).fill(String(minCostEuros));
  await page.getByLabel(words("Hoogste bedrag van een voorstel", "Highest cost of a proposal")).fill(maxCostEuros === null ? "" : String(maxCostEuros));
  await page.getByLabel(words("Aantal huishoudens dat moet steunen", "Supporting households needed")).fill(String(supportThreshold));
  await page.getByRole("button", { name: words("Opslaan en verder", "Save and continue") }).click();

  await heading(page, words("Openen voor ideeën", "Open for ideas"), 2);
  await expectAccessible(page, "new cycle, step 3 (open for ideas)");
  await page.getByRole("button", { name: words(...moveButtons.Ideas, { exact: true }) }).click();
  await page.waitForURL((url) => url.pathname === cycleAddress(n, cycleId));
  await expectPhase(page, ...phaseWords.Ideas);
  await expectAccessible(page, "cycle administration in the ideas phase");
}

/** Moves the round on with the button that says so: "Deliberation", "Review", "Implementation" or "Closed". */
export async function advancePhase(page, n, c, to) {
  await page.goto(cycleAddress(n, c));
  await heading(page, words("Volgende stap", "Next step"), 2);
  await page.getByRole("button", { name: words(...moveButtons[to], { exact: true }) }).click();
  await expectPhase(page, ...phaseWords[to]);
  await expectAccessible(page, `cycle administration in the ${to} phase`);
}

/**
 * Uploads an address list (one household per entry of `addresses`, made into a CSV file here) and returns the
 * voting codes read from the mail-merge file the page downloads, in the order of the addresses.
 */
export async function generateVotingCodes(page, n, c, addresses) {
  await page.goto(cycleAddress(n, c, "/voting-codes"));
  await heading(page, words("Codes maken bij een adressenlijst", "Make codes from an address list"), 2);
  await expectAccessible(page, "voting codes page");
  const csv = `adres;postcode\n${addresses.map((a) => `${a};1234 AB`).join("\n")}\n`;
  await page.getByLabel(words("Adressenlijst (CSV)", "Address list (CSV)")).setInputFiles({ name: "adressen.csv", mimeType: "text/csv", buffer: Buffer.from(csv, "utf8") });
  const downloading = page.waitForEvent("download");
  await page.getByRole("button", { name: words("Stemcodes maken", "Make the voting codes") }).click();
  const download = await downloading;
  const text = (await readFile(await download.path(), "utf8")).replace(/^\uFEFF/, "");
  await page.getByText(words("niet opnieuw downloaden", "cannot be downloaded again")).waitFor();
  await page.getByRole("link", { name: words("Bestand met stemcodes opslaan", "Save the file with voting codes") }).waitFor();
  await expectAccessible(page, "voting codes page after generating codes");
  await screenshot(page, "staff-voting-codes");

  const [header, ...lines] = text.split(/\r?\n/).filter((line) => line.trim());
  const column = header.split(";").indexOf("voting_code");
  assert.ok(column >= 0, `the mail-merge file has no voting_code column: ${header}`);
  const codes = lines.map((line) => line.split(";")[column]);
  assert.equal(codes.length, addresses.length, "one code per household");
  for (const code of codes) assert.match(code, /^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
  return codes;
}

/** Revokes one voting code after the confirmation. */
export async function revokeVotingCode(page, n, c, code) {
  await page.goto(cycleAddress(n, c, "/voting-codes"));
  await page.getByLabel(words("Stemcode", "Voting code", { exact: true })).fill(code);
  await page.getByRole("button", { name: words("Deze code intrekken", "Revoke this code") }).click();
  await expectAccessible(page, "voting codes page, revoke confirmation");
  await page.getByRole("button", { name: words("Ja, code intrekken", "Yes, revoke the code") }).click();
  await page.getByRole("status").filter({ hasText: words("is ingetrokken", "is revoked") }).waitFor();
}

/**
 * Judges one proposal (found by its title) in the feasibility review: `feasible`, with a `reason` (required when
 * not feasible) and optionally an adjusted cost in euros.
 */
export async function reviewProposal(page, n, c, title, { feasible, reason = "", adjustedCostEuros = null }) {
  await page.goto(cycleAddress(n, c, "/review"));
  await heading(page, words("Voorstellen om te beoordelen", "Proposals to review"), 2);
  const card = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: title, exact: true }) });
  await card.getByRole("radio", { name: feasible ? words("Haalbaar", "Feasible", { exact: true }) : words("Niet haalbaar", "Not feasible", { exact: true }) }).check();
  if (reason) await card.getByRole("textbox", { name: words("Waarom is het niet haalbaar", "Why is it not feasible") }).or(card.getByRole("textbox", { name: words("Uitleg", "Explanation") })).fill(reason);
  if (adjustedCostEuros !== null) await card.getByLabel(words("Bedrag na de toets", "Cost after the review")).fill(String(adjustedCostEuros));
  await card.getByRole("button", { name: words("Oordeel opslaan", "Save the judgement") }).click();
  await card.getByRole("status").filter({ hasText: words("opgeslagen", "saved") }).waitFor();
  await card.getByText(feasible ? words("Haalbaar", "Feasible") : words("Niet haalbaar:", "Not feasible:")).first().waitFor();
  await expectAccessible(page, `feasibility review after judging "${title}"`);
  await screenshot(page, "staff-review");
}

/** Runs the rule simulation and returns, per rule (as the table names it), the number of funded projects. */
export async function runSimulation(page, n, c) {
  await page.goto(cycleAddress(n, c, "/simulation"));
  await heading(page, words("Regels vergelijken", "Compare the rules"), 2);
  await expectAccessible(page, "simulation page");
  await page.getByRole("button", { name: words("Simulatie uitvoeren", "Run the simulation") }).click();
  const table = page.getByRole("table", { name: words("Per regel", "Per rule") });
  await table.waitFor();
  await page.getByRole("table", { name: words("Per project", "Per project") }).waitFor();
  await expectAccessible(page, "simulation page with results");
  await screenshot(page, "staff-simulation");
  const rows = await table.locator("tbody tr").all();
  const outcome = {};
  for (const row of rows) {
    const rule = (await row.getByRole("rowheader").innerText()).trim();
    outcome[rule] = Number((await row.getByRole("cell").first().innerText()).match(/\d+/)?.[0] ?? 0);
  }
  assert.ok(Object.keys(outcome).length >= 4, "the simulation compares every rule");
  return outcome;
}

const kindNames = {
  Approval: ["Projecten kiezen", "Choose projects"],
  Knapsack: ["Projecten kiezen binnen een budget", "Choose projects within a budget"],
  Cumulative: ["Punten verdelen", "Share out points"],
  Ranking: ["Projecten op volgorde zetten", "Put projects in order"],
};

/**
 * Opens voting with the ballot design (`kind` with `min`/`max`, `spendingLimitEuros`, `points`/`cap`), the rule
 * (its option text, optional), revote and live-results choices, through the confirmation that the rules are
 * frozen. Returns the manifest hash the page shows afterwards.
 */
export async function openVoting(page, n, c, { kind = "Approval", min = 1, max = null, spendingLimitEuros = null, points = null, cap = null, rule = null, firstBallotIsFinal = false, live = null } = {}) {
  await page.goto(cycleAddress(n, c));
  await heading(page, words("Stemming openen", "Open voting"), 3);
  await expectAccessible(page, "cycle administration, open voting form");
  await page.getByRole("radio", { name: words(...kindNames[kind], { exact: true }) }).check();
  if (kind === "Cumulative") {
    if (points !== null) await page.getByLabel(words("Punten per kiezer", "Points per voter")).fill(String(points));
    if (cap !== null) await page.getByLabel(words("Meeste punten voor één project", "Most points for one project")).fill(String(cap));
  } else {
    await page.getByLabel(words("Minste aantal projecten", "Fewest projects")).fill(String(min));
    await page.getByLabel(words("Meeste aantal projecten", "Most projects")).fill(max === null ? "" : String(max));
  }
  if (kind === "Knapsack" && spendingLimitEuros !== null) await page.getByLabel(words("Bestedingsgrens in euro", "Spending limit in euros")).fill(String(spendingLimitEuros));
  if (rule) await page.getByLabel(words("Hoe de winnaars worden gekozen", "How the winners are chosen")).selectOption({ label: rule });
  if (firstBallotIsFinal) await page.getByRole("radio", { name: words("de eerste stem is definitief", "the first ballot is final") }).check();
  if (live === "CountsPerProject") await page.getByRole("radio", { name: words("Hoeveel huishoudens stemden en de stemmen per project", "How many households voted and the votes per project") }).check();
  await page.getByRole("button", { name: words("Controleren en stemming openen", "Check and open voting") }).click();
  const confirmation = page.getByRole("group", { name: words("liggen deze regels vast", "these rules are frozen") });
  await confirmation.waitFor();
  await expectAccessible(page, "cycle administration, open voting confirmation");
  await screenshot(page, "staff-open-voting");
  await confirmation.getByRole("button", { name: words("Ja, regels vastleggen en stemming openen", "Yes, freeze the rules and open voting") }).click();
  await expectPhase(page, ...phaseWords.Voting);
  const hash = (await page.getByTestId("manifest-hash").innerText()).trim();
  assert.match(hash, /^[0-9a-f]{64}$/);
  await expectAccessible(page, "cycle administration while voting");
  return hash;
}

/** Closes voting (publishing the results) through the confirmation. */
export async function closeVoting(page, n, c) {
  await page.goto(cycleAddress(n, c));
  await heading(page, words("Volgende stap", "Next step"), 2);
  await page.getByRole("button", { name: words("Stemming sluiten en uitslag publiceren", "Close voting and publish the results") }).click();
  const confirmation = page.getByRole("group", { name: words("Stemming sluiten in", "Close voting in") });
  await confirmation.waitFor();
  await expectAccessible(page, "cycle administration, close voting confirmation");
  await confirmation.getByRole("button", { name: words("Ja, sluiten en publiceren", "Yes, close voting and publish") }).click();
  await expectPhase(page, ...phaseWords.Results);
  await page.getByRole("link", { name: words("Bekijk de gepubliceerde uitslag", "See the published results") }).waitFor();
  await expectAccessible(page, "cycle administration after the close");
}

/**
 * A moderator enters one paper ballot: the household's code and the projects marked on the paper (titles). The
 * answer must be `expect`: "waiting" (first entry), "counted" (second matching entry) or "refused" (an entry
 * that differs, or a wrong code). Returns the text shown and, when counted, the receipt.
 */
export async function enterPaperBallot(page, n, c, code, titles, expect) {
  await page.goto(cycleAddress(n, c, "/paper-ballots"));
  await heading(page, words("Papieren stembiljet invoeren", "Enter a paper ballot"), 2);
  await expectAccessible(page, "paper ballots page");
  await page.getByLabel(words("Stemcode op het stembiljet", "Voting code on the paper ballot")).fill(code);
  for (const title of titles) await page.getByRole("checkbox", { name: startsWith(title) }).check();
  await page.getByRole("button", { name: words("Stembiljet invoeren", "Enter this paper ballot") }).click();
  const answer = page.getByTestId("paper-answer");
  await answer.waitFor();
  const text = await answer.innerText();
  const expected = {
    waiting: words("wacht tot een tweede moderator", "waiting for a second moderator"),
    counted: words("de stem telt", "the ballot counts"),
    refused: words("geweigerd", "refused"),
  }[expect];
  assert.match(text, expected, `paper ballot answer: ${text}`);
  await expectAccessible(page, `paper ballots page, answer "${expect}"`);
  await screenshot(page, `staff-paper-ballot-${expect}`);
  return { text, receipt: text.match(/\S+#\d+:[0-9a-f]{64}/)?.[0] ?? null };
}

/** Reports progress on a funded project: `status` as its option text (e.g. "Bezig"), with a note. */
export async function updateImplementation(page, n, c, title, status, note) {
  await page.goto(cycleAddress(n, c, "/implementation"));
  await heading(page, words("Gekozen projecten", "Funded projects"), 2);
  const card = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: title, exact: true }) });
  await card.getByLabel(words("Stand van zaken", "Status")).selectOption({ label: status });
  await card.getByLabel(words("Toelichting voor bewoners", "Note for residents")).fill(note);
  await card.getByRole("button", { name: words("Voortgang melden", "Report progress") }).click();
  await card.getByRole("status").filter({ hasText: words("is gemeld", "is reported") }).waitFor();
  await card.getByText(note).waitFor();
  await expectAccessible(page, "implementation page after an update");
  await screenshot(page, "staff-implementation");
}

/**
 * A new round from a Pabulib file on the new-round page: a broken file is refused whole with its line number,
 * next to the form, and nothing is made; a good one becomes a draft round with the file's budget and projects.
 */
export async function importCycle(page, n, { cycleId, broken, file }) {
  await page.goto(`/staff/neighbourhoods/${encodeURIComponent(n)}/new-cycle`);
  await page.getByLabel(words("Met een Pabulib-bestand", "With a Pabulib file")).check();
  const form = page.locator("form", { has: page.locator("#import-file") });
  await form.locator("#import-id").fill(cycleId);
  await form.locator("#import-file").setInputFiles({ name: "broken.pb", mimeType: "text/plain", buffer: Buffer.from(broken.text) });
  await form.getByRole("button", { name: words("Bestand importeren", "Import the file") }).click();
  const problem = form.locator("#import-problem");
  await problem.getByText(`line ${broken.line}`, { exact: false }).waitFor();
  await expectAccessible(page, "new round: a broken Pabulib file refused");
  const nothing = await page.request.get(`/api/neighbourhoods/${encodeURIComponent(n)}/cycles/${encodeURIComponent(cycleId)}/administration`);
  assert.equal(nothing.status(), 404, "a refused file made a round");

  await form.locator("#import-file").setInputFiles({ name: "good.pb", mimeType: "text/plain", buffer: Buffer.from(file.text) });
  await form.getByRole("button", { name: words("Bestand importeren", "Import the file") }).click();
  await page.waitForURL((url) => url.pathname === cycleAddress(n, cycleId));
  await heading(page, new RegExp(escape(file.title)));
  await expectAccessible(page, "a round imported from a Pabulib file");
}

/** The chosen point of a point picker, as numbers, from what the page says in words ("breedtegraad 52,36012, …"). */
async function chosenPoint(page) {
  const said = page.getByTestId("chosen-point").filter({ hasText: /breedtegraad|latitude/i });
  await said.waitFor();
  const text = (await said.innerText()).trim();
  const match = text.match(/(?:breedtegraad|latitude) (-?[\d.,]+), (?:lengtegraad|longitude) (-?[\d.,]+)/i);
  assert.ok(match, `the page does not say the chosen point in words: ${text}`);
  const number = (value) => Number(value.replace(/\./g, "").replace(",", "."));
  return { latitude: number(match[1]), longitude: number(match[2]) };
}

/**
 * The administrator chooses where a neighbourhood's maps open: a point clicked away from the map's middle (so it is
 * not where a map without a view opens anyway) and "a quarter" as the zoom. Returns the point; a reload shows it kept.
 */
export async function placeNeighbourhoodOnMap(page, corporationId, { name }) {
  await page.goto(`/staff/corporations/${encodeURIComponent(corporationId)}`);
  const form = page.getByRole("form", { name: words("Waar de kaart opent", "Where the maps open") });
  await form.waitFor();
  await form.getByText(words("Nog niet gekozen", "Not chosen yet")).waitFor();
  await form.getByRole("button", { name: words("Kaart opslaan", "Save the map", { exact: true }) }).click();
  await form.getByText(words("Kies eerst het midden van de kaart.", "Choose the centre of the map first.")).waitFor();
  await expectAccessible(page, "the corporation page with the map form refused");

  // Right of and above the middle, clear of the zoom buttons (top left) and the attribution (bottom right).
  const map = form.getByTestId("point-picker");
  const box = await map.boundingBox();
  await map.click({ position: { x: Math.round(box.width * 0.75), y: Math.round(box.height * 0.3) } });
  const point = await chosenPoint(page);
  await form.getByLabel(words("Een wijk", "A quarter", { exact: true })).check();
  await form.getByRole("button", { name: words("Kaart opslaan", "Save the map", { exact: true }) }).click();
  await page.getByRole("status").filter({ hasText: words(`De kaart van ${name} opent nu hier.`, `The map of ${name} now opens here.`) }).waitFor();
  await expectAccessible(page, "the corporation page with the map saved");

  await page.reload();
  await form.getByText(words("Nu opent de kaart bij", "The map now opens at")).waitFor();
  const kept = await chosenPoint(page);
  assert.ok(Math.abs(kept.latitude - point.latitude) < 1e-4 && Math.abs(kept.longitude - point.longitude) < 1e-4,
    `the saved map centre ${JSON.stringify(kept)} is not the one chosen ${JSON.stringify(point)}`);
  assert.ok(await form.getByLabel(words("Een wijk", "A quarter", { exact: true })).isChecked(), "the saved zoom is not shown");
  return point;
}

/** A resident's new-proposal form opens its map where the corporation placed the neighbourhood: the map's middle is there. */
export async function proposalMapOpensAt(page, n, c, point) {
  // The neighbourhood's view arrives after the map is made, and the map moves there at once (no animation); the
  // click's own checks (the button stable over two animation frames) come after that.
  const view = page.waitForResponse((response) => new URL(response.url()).pathname === `/api/neighbourhoods/${n}`);
  await page.goto(`/neighbourhoods/${encodeURIComponent(n)}/cycles/${encodeURIComponent(c)}/proposals/new`);
  await view;
  await page.getByTestId("point-picker").locator(".leaflet-control-zoom-in").waitFor();
  await page.getByRole("button", { name: words("Zet de pin in het midden van de kaart", "Put the pin in the middle of the map") }).click();
  const opened = await chosenPoint(page);
  // A pixel of a map at zoom 15 is about 5 m: the middle is the point to within that, not the whole country's middle.
  assert.ok(Math.abs(opened.latitude - point.latitude) < 1e-3 && Math.abs(opened.longitude - point.longitude) < 1e-3,
    `the new-proposal map opened at ${JSON.stringify(opened)}, not at the neighbourhood's ${JSON.stringify(point)}`);
}
