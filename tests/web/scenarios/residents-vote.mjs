// Residents vote with the codes from their letters, one on a phone; a neighbour's browser sees the turnout change
// live without reloading; after the close the results with explanations appear and a resident checks the receipt.
// Every page and main state on the way is scanned with axe-core.
import { actor, assert, assertNoTroubles, desktop, expectAccessible, launch, phone, screenshot, signInWithCode, signInWithProvider, step } from "../lib/stack.mjs";
import { addNeighbourhood, closeVoting, createCycle, movePhase, openVoting, registerCorporation, votingCodes } from "../lib/setup.mjs";

const n = "oost";
const c = "2027";
const browser = await launch();
try {
  const operator = await actor(browser, "operator");
  const admin = await actor(browser, "administrator");
  const phoneVoter = await actor(browser, "resident on a phone", { viewport: phone });
  const laptopVoter = await actor(browser, "resident on a laptop", { viewport: desktop, locale: "en-GB" });
  const neighbour = await actor(browser, "neighbour watching", { viewport: desktop });

  let codes;
  await step("the stage: a corporation, a neighbourhood and a cycle open for voting, with voting codes", async () => {
    await signInWithProvider(operator.page, "operator");
    await registerCorporation(operator.page, { corporationId: "eigen-haard", name: "Eigen Haard", administrator: "admin" });
    await signInWithProvider(admin.page, "admin");
    await addNeighbourhood(admin.page, "eigen-haard", { neighbourhoodId: n, name: "Oosterpark" });
    await createCycle(admin.page, n, { cycleId: c, title: "Buurtbudget Oosterpark 2027", budgetCents: 2_000_000 });
    await movePhase(admin.page, n, c, "Ideas");
    await movePhase(admin.page, n, c, "Review");
    await openVoting(admin.page, n, c, {
      projects: [
        { id: "bomen", title: "Bomen in de Linnaeusstraat", costCents: 900_000 },
        { id: "bankjes", title: "Bankjes bij het speelveld", costCents: 300_000 },
        { id: "moestuin", title: "Moestuin achter de flat", costCents: 1_200_000 },
        { id: "feest", title: "Straatfeest", costCents: 200_000 },
      ],
      ballot: { kind: "Knapsack", minProjects: 1, maxProjects: null, spendingLimit: 2_000_000 },
      rule: { kind: "EqualShares", utility: "Cost", completion: "Add1ThenGreedy" },
      revote: "LastBallotCounts",
      live: { disclosure: "TurnoutOnly", minimumTurnout: 1 },
    });
    codes = await votingCodes(admin.page, n, c, [["Linnaeusstraat", "1"], ["Linnaeusstraat", "3"], ["Oosterpark", "12"]]);
    assert.equal(codes.length, 3);
  });

  await step("the public pages: start, neighbourhood, cycle (voting), sign-in", async () => {
    await neighbour.page.goto("/");
    await neighbour.page.getByRole("link", { name: "Oosterpark" }).click();
    await neighbour.page.getByRole("heading", { level: 1, name: "Oosterpark" }).waitFor();
    await expectAccessible(neighbour.page, "neighbourhood page");
    await screenshot(neighbour.page, "neighbourhood");
    await neighbour.page.goto("/");
    await expectAccessible(neighbour.page, "start page");
    await neighbour.page.goto(`/neighbourhoods/${n}/cycles/${c}`);
    await neighbour.page.getByText("0 huishoudens hebben gestemd.").waitFor();
    await neighbour.page.getByText("Wordt live bijgewerkt.").waitFor();
    await expectAccessible(neighbour.page, "cycle page while voting");
    await screenshot(neighbour.page, "cycle-voting");
    // A marker that survives only as long as the page is not reloaded.
    await neighbour.page.evaluate(() => (window.__notReloaded = true));
    await phoneVoter.page.goto(`/sign-in?neighbourhood=${n}`);
    await expectAccessible(phoneVoter.page, "sign-in page");
    await screenshot(phoneVoter.page, "sign-in");
  });

  await step("a wrong code is refused in words next to the field", async () => {
    await phoneVoter.page.locator("#sign-in-code-input").fill("AAAA-BBBB-CCCC-DDDD");
    await phoneVoter.page.locator("form").getByRole("button").click();
    const error = phoneVoter.page.locator("#sign-in-code-input-error");
    await error.waitFor();
    // The server answers in English with a problem code; the page says it in Dutch.
    assert.match(await error.textContent(), /^Deze stemcode klopt niet voor deze buurt\./);
    assert.equal(await phoneVoter.page.locator("#sign-in-code-input").getAttribute("aria-invalid"), "true");
    await expectAccessible(phoneVoter.page, "sign-in page with an error");
  });

  let receipt;
  await step("a resident votes on a phone: knapsack ballot with a budget bar, an over-budget choice refused, review, receipt", async () => {
    const page = phoneVoter.page;
    await signInWithCode(page, n, codes[0]);
    await page.getByRole("link", { name: "Stemmen", exact: true }).click();
    await page.getByText("Samen mogen ze hoogstens € 20.000 kosten.").waitFor();
    await expectAccessible(page, "ballot (empty)");
    await page.getByRole("checkbox", { name: /Bomen/ }).check();
    await page.getByRole("checkbox", { name: /Moestuin/ }).check();
    await page.getByText("Dat is € 1.000 te veel. Haal een project weg.").first().waitFor();
    await page.getByRole("button", { name: "Mijn stembiljet bekijken" }).click();
    await page.getByRole("alert").getByText("Je stembiljet is nog niet af:").waitFor();
    await expectAccessible(page, "ballot over budget");
    await screenshot(page, "ballot-over-budget");
    await page.getByRole("checkbox", { name: /Moestuin/ }).uncheck();
    await page.getByRole("checkbox", { name: /Bankjes/ }).check();
    await page.getByText("Je hebt € 12.000 van € 20.000 uitgegeven.").waitFor();
    await page.getByRole("button", { name: "Mijn stembiljet bekijken" }).click();
    await page.getByRole("heading", { level: 1, name: "Kijk je stembiljet na" }).waitFor();
    await expectAccessible(page, "ballot review");
    await page.getByRole("button", { name: "Stem uitbrengen" }).click();
    receipt = (await page.getByTestId("receipt").textContent()).trim();
    assert.match(receipt, /^neighbourhood\/oost#\d+:[0-9a-f]{64}$/);
    await expectAccessible(page, "receipt");
    await screenshot(page, "receipt");
    const download = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Bewijs downloaden" }).click()]);
    const text = await (await download[0].createReadStream()).toArray();
    assert.ok(Buffer.concat(text).toString("utf8").includes(receipt), "the downloaded receipt holds the receipt");
  });

  await step("the neighbour's page shows the new turnout without a reload", async () => {
    await neighbour.page.getByText("1 huishouden heeft gestemd.").waitFor({ timeout: 10_000 });
    assert.equal(await neighbour.page.evaluate(() => window.__notReloaded), true, "the page was reloaded");
  });

  await step("a second resident votes in English on a laptop; the turnout follows live", async () => {
    const page = laptopVoter.page;
    await signInWithCode(page, n, codes[1]);
    await page.goto(`/neighbourhoods/${n}/cycles/${c}/vote`);
    await page.getByRole("checkbox", { name: /Moestuin/ }).check();
    await page.getByRole("checkbox", { name: /Straatfeest/ }).check();
    await page.getByRole("button", { name: "Check my ballot" }).click();
    await page.getByRole("button", { name: "Cast my ballot" }).click();
    await page.getByTestId("receipt").waitFor();
    await neighbour.page.getByText("2 huishoudens hebben gestemd.").waitFor({ timeout: 10_000 });
    assert.equal(await neighbour.page.evaluate(() => window.__notReloaded), true, "the page was reloaded");
  });

  await step("the vote closes; the results with explanations appear on the neighbour's page", async () => {
    await neighbour.page.goto(`/neighbourhoods/${n}/cycles/${c}/results`);
    await neighbour.page.getByText("De uitslag staat hier als het stemmen klaar is.").waitFor();
    await neighbour.page.evaluate(() => (window.__notReloaded = true));
    await closeVoting(admin.page, n, c);
    await neighbour.page.getByRole("heading", { level: 1, name: "Uitslag van Buurtbudget Oosterpark 2027" }).waitFor({ timeout: 10_000 });
    assert.equal(await neighbour.page.evaluate(() => window.__notReloaded), true, "the page was reloaded");
    await neighbour.page.getByRole("heading", { name: "Dit komt er" }).waitFor();
    const funded = await neighbour.page.locator(".card-funded h3").allTextContents();
    assert.ok(funded.includes("Bomen in de Linnaeusstraat"), `funded: ${funded}`);
    await neighbour.page.getByText(/Gekozen in ronde 1\./).first().waitFor();
    await expectAccessible(neighbour.page, "results");
    await screenshot(neighbour.page, "results");
  });

  await step("the resident on the phone sees where the household's equal share went", async () => {
    const page = phoneVoter.page;
    await page.goto(`/neighbourhoods/${n}/cycles/${c}/results`);
    await page.getByRole("heading", { name: "Waar jouw deel naartoe ging" }).waitFor();
    await page.getByText(/^Het deel van het budget voor jouw huishouden was €\s?[\d.,]+\.$/).waitFor();
    await page.getByText(/ging naar Bomen in de Linnaeusstraat\.$/).waitFor();
    await expectAccessible(page, "results with my share (phone)");
    await screenshot(page, "results-my-share");
  });

  await step("the resident on the phone checks the receipt against the published list", async () => {
    const page = phoneVoter.page;
    await page.goto(`/neighbourhoods/${n}/cycles/${c}/receipt`);
    await page.getByLabel("Je bewijs").fill(receipt);
    await page.getByRole("button", { name: "Controleren" }).click();
    await page.getByTestId("receipt-check").getByText("Je stem staat op de lijst en is geteld.").waitFor();
    await expectAccessible(page, "receipt check (counted)");
    await page.getByLabel("Je bewijs").fill(receipt.replace(/.$/, (x) => (x === "0" ? "1" : "0")));
    await page.getByRole("button", { name: "Controleren" }).click();
    await page.getByTestId("receipt-check").getByText(/Er staat geen stem met dit bewijs op de lijst/).waitFor();
  });

  assertNoTroubles(operator, admin, phoneVoter, laptopVoter, neighbour);
} finally {
  await browser.close();
}
