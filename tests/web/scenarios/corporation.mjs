// The corporation's side of a budget round, on its own: the platform operator registers a corporation, its
// administrator adds a neighbourhood and moderators, sets up a round and makes voting codes; residents (through
// the API) send in proposals, support them and offer help; the administrator chooses where the neighbourhood's maps
// open (a resident's proposal form then opens there); the administrator reviews the proposals, compares the rules,
// opens voting; two moderators enter a paper ballot twice (a differing entry is refused); the administrator
// closes voting and reports progress on a funded project.
import { actor, apiCall, assert, assertNoTroubles, baseUrl, idpIssuer, launch, signInWithProvider, step } from "../lib/stack.mjs";
import {
  addNeighbourhood, advancePhase, closeVoting, enterPaperBallot, generateVotingCodes, grantRole, openStaffHome, openVoting,
  importCycle, placeNeighbourhoodOnMap, proposalMapOpensAt, registerCorporation, revokeRole, reviewProposal, runSimulation, setUpCycle,
  updateImplementation,
} from "../steps/corporation.mjs";

const n = "zuid", c = "2026";
const cycle = `/api/neighbourhoods/${n}/cycles/${c}`;
const proposals = [
  { title: "Bankjes bij de speeltuin", description: "Drie bankjes in de schaduw.", costCents: 300_000, place: "Speeltuin Kade" },
  { title: "Bomen in de Dorpsstraat", description: "Tien jonge bomen langs de stoep.", costCents: 500_000, place: "Dorpsstraat" },
  { title: "Kunstgras op het plein", description: "Het hele plein met kunstgras.", costCents: 750_000, place: "Marktplein" },
];

const browser = await launch();
const operator = await actor(browser, "operator");
const admin = await actor(browser, "administrator");
const moritz = await actor(browser, "moderator moritz");
const mila = await actor(browser, "moderator mila");
const residents = [];
try {
  await step("the platform operator signs in and registers the corporation with its first administrator", async () => {
    await signInWithProvider(operator.page, "operator", "/staff");
    await registerCorporation(operator.page, { corporationId: "woonstad", name: "Woonstad", issuer: idpIssuer, subject: "anna" });
  });

  await step("the administrator signs in, adds a neighbourhood and two moderators", async () => {
    await signInWithProvider(admin.page, "anna", "/staff");
    await openStaffHome(admin.page, ["Woonstad"]);
    await addNeighbourhood(admin.page, "woonstad", { neighbourhoodId: n, name: "Rotterdam-Zuid" });
    for (const subject of ["moritz", "mila"]) {
      await grantRole(admin.page, "woonstad", { issuer: idpIssuer, subject, role: "Moderator", neighbourhoods: ["Rotterdam-Zuid"] });
    }
  });

  await step("removing the last administrator is refused, in words, at her card", async () => {
    await revokeRole(admin.page, "woonstad", { subject: "anna", role: "Administrator", refusedWith: /minstens één beheerder|last administrator/i });
  });

  await step("the administrator sets up the round and opens it for ideas", async () => {
    await setUpCycle(admin.page, { n, cycleId: c, title: "Buurtbudget 2026", budgetEuros: 10_000, minCostEuros: 100, maxCostEuros: 8_000, supportThreshold: 1 });
    await openStaffHome(admin.page, ["Rotterdam-Zuid", "Buurtbudget 2026"]);
  });

  const codes = await step("the administrator makes voting codes from an address list", () =>
    generateVotingCodes(admin.page, n, c, ["Kade 1", "Kade 3", "Kade 5", "Kade 7", "Kade 9"]));

  await step("residents send in proposals, support them and offer help (through the API)", async () => {
    for (const code of codes.slice(0, 3)) {
      const resident = await actor(browser, `resident ${code.slice(0, 4)}`);
      residents.push(resident);
      await apiCall(resident.page, "POST", `/api/neighbourhoods/${n}/sign-in`, { code });
    }
    const ids = [];
    for (const [i, proposal] of proposals.entries()) {
      ids.push((await apiCall(residents[i % 2].page, "POST", `${cycle}/proposals`, proposal)).proposalId);
    }
    for (const id of ids) await apiCall(residents[2].page, "PUT", `${cycle}/proposals/${id}/support`);
    await apiCall(residents[2].page, "POST", `${cycle}/proposals/${ids[0]}/pledges`, { text: "Ik schilder de bankjes." });
  });

  await step("the administrator chooses where the neighbourhood's maps open, and a resident's proposal form opens there", async () => {
    const centre = await placeNeighbourhoodOnMap(admin.page, "woonstad", { name: "Rotterdam-Zuid" });
    await proposalMapOpensAt(residents[0].page, n, c, centre);
  });

  await step("the administrator starts the discussion, then the review", async () => {
    await advancePhase(admin.page, n, c, "Deliberation");
    await advancePhase(admin.page, n, c, "Review");
  });

  await step("the administrator judges the proposals", async () => {
    await reviewProposal(admin.page, n, c, proposals[0].title, { feasible: true });
    await reviewProposal(admin.page, n, c, proposals[1].title, { feasible: true, adjustedCostEuros: 4_500 });
    await reviewProposal(admin.page, n, c, proposals[2].title, { feasible: false, reason: "Het plein is van de gemeente; wij mogen daar niets leggen." });
  });

  await step("the administrator compares the rules in a simulation", async () => {
    const outcome = await runSimulation(admin.page, n, c);
    assert.ok(Object.values(outcome).some((funded) => funded === 2), `some rule funds both feasible proposals: ${JSON.stringify(outcome)}`);
  });

  const hash = await step("the administrator opens voting; the rules are frozen", () => openVoting(admin.page, n, c, { kind: "Approval", min: 1, max: 2 }));

  await step("the public cycle shows the same fingerprint and only the feasible proposals", async () => {
    const open = await apiCall(admin.page, "GET", cycle);
    assert.equal(open.manifestHash, hash);
    assert.deepEqual(open.projects.map((p) => p.title).sort(), [proposals[0].title, proposals[1].title].sort());
  });

  await step("two moderators enter a paper ballot twice; an entry that differs is refused", async () => {
    await signInWithProvider(moritz.page, "moritz", "/staff");
    await signInWithProvider(mila.page, "mila", "/staff");
    await enterPaperBallot(moritz.page, n, c, codes[3], [proposals[0].title], "waiting");
    await enterPaperBallot(mila.page, n, c, codes[3], [proposals[1].title], "refused");
    const { receipt } = await enterPaperBallot(mila.page, n, c, codes[3], [proposals[0].title], "counted");
    assert.ok(receipt, "the counted paper ballot shows its receipt");
  });

  await step("a resident votes online (through the API)", async () => {
    const response = await residents[0].page.request.fetch(`${cycle}/ballots`, {
      method: "POST",
      headers: { "X-Buurtbudget-Request": "1", "Content-Type": "application/json", Origin: baseUrl, "Idempotency-Key": `scenario-${codes[0]}` },
      data: JSON.stringify({ entries: [{ projectId: (await apiCall(admin.page, "GET", cycle)).projects[1].id, value: 1 }] }),
    });
    assert.equal(response.status(), 201, await response.text());
  });

  await step("the administrator closes voting and the results are published", async () => {
    await closeVoting(admin.page, n, c);
    const results = await apiCall(admin.page, "GET", `${cycle}/results`);
    assert.ok(results.selected.length > 0, "some project is funded");
  });

  await step("the administrator starts the implementation and reports progress", async () => {
    await advancePhase(admin.page, n, c, "Implementation");
    const results = await apiCall(admin.page, "GET", `${cycle}/results`);
    const title = (await apiCall(admin.page, "GET", cycle)).projects.find((p) => results.selected.includes(p.id)).title;
    await updateImplementation(admin.page, n, c, title, "Bezig", "De bestelling is geplaatst.");
  });

  await step("the administrator starts a round from last year's Pabulib file; a broken file is refused with its line", async () => {
    const file = [
      "META", "key;value", "description;Oud-Zuid 2026", "country;Netherlands", "unit;Oud-Zuid", "instance;2026", "num_projects;3",
      "num_votes;2", "budget;50000", "vote_type;approval", "rule;greedy",
      "PROJECTS", "project_id;cost;name", "1;20000;Bankjes", "2;30000;Bomen", "3;15000;Moestuin",
      "VOTES", "voter_id;vote", "1;1,2", "2;2,3", "",
    ].join("\n");
    await importCycle(admin.page, n, {
      cycleId: "vorig-jaar",
      broken: { text: file.replace("2;30000;Bomen", "2;dertig;Bomen"), line: 15 },
      file: { text: file, title: "Oud-Zuid 2026" },
    });
    const imported = await apiCall(admin.page, "GET", `/api/neighbourhoods/${n}/cycles/vorig-jaar/administration`);
    assert.equal(imported.cycle.budgetCents, 5_000_000);
    assert.equal(imported.cycle.phase, "Draft");
  });

  assertNoTroubles(operator, admin, moritz, mila, ...residents);
  console.log("corporation scenario: all steps passed");
} finally {
  await browser.close();
}
