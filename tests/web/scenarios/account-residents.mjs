// Residents who sign in with their housing corporation's account instead of a letter: the corporation says in the
// cycle's administration that residents come from its identity provider (the account's "neighbourhoods" claim),
// a resident signs in, finds the cycle on the start page, votes and sees the turnout; someone whose account lists
// another neighbourhood is told why they cannot vote. Every page on the way is scanned with axe-core.
import { actor, assert, assertNoTroubles, expectAccessible, launch, phone, signInWithProvider, step } from "../lib/stack.mjs";
import { addNeighbourhood, createCycle, movePhase, openVoting, registerCorporation } from "../lib/setup.mjs";

const n = "kolenkit";
const c = "2027";
const browser = await launch();
try {
  const operator = await actor(browser, "operator");
  const admin = await actor(browser, "administrator");
  const tenant = await actor(browser, "tenant with an account, on a phone", { viewport: phone });
  const outsider = await actor(browser, "tenant of another neighbourhood");

  await step("the stage: a corporation, a neighbourhood and a cycle in review", async () => {
    await signInWithProvider(operator.page, "operator");
    await registerCorporation(operator.page, { corporationId: "stadgenoot", name: "Stadgenoot", administrator: "sanne" });
    await signInWithProvider(admin.page, "sanne");
    await addNeighbourhood(admin.page, "stadgenoot", { neighbourhoodId: n, name: "Kolenkit" });
    await createCycle(admin.page, n, { cycleId: c, title: "Kolenkit kiest 2027", budgetCents: 1_500_000 });
  });

  await step("the administrator says residents take part with their account, by the neighbourhoods claim", async () => {
    const page = admin.page;
    await page.goto(`/staff/neighbourhoods/${n}/cycles/${c}`);
    await page.getByRole("heading", { name: "Wie mag meedoen" }).waitFor();
    await page.getByLabel("Een account bij de corporatie").check();
    await page.getByRole("button", { name: "Opslaan wie mag meedoen" }).click();
    // Checked in the page before anything is sent: the claim is missing.
    await page.locator("#eligibility-claim-error").getByText("Vul de naam van de claim in.").waitFor();
    await page.getByLabel("Claim met de woonplaats").fill("woonwijk");
    await page.getByRole("button", { name: "Opslaan wie mag meedoen" }).click();
    // The server refuses a claim this server's sessions do not keep, in words next to the button.
    await page.locator("#eligibility-problem").getByText(/woonwijk/).waitFor();
    // No Dutch text for this one: the server's English words, marked as English for screen readers.
    assert.equal(await page.locator("#eligibility-problem").getAttribute("lang"), "en");
    await expectAccessible(page, "cycle administration with a refused eligibility");
    await page.getByLabel("Claim met de woonplaats").fill("neighbourhoods");
    await page.getByLabel("Waarden die iemand bewoner maken").fill(n);
    await page.getByRole("button", { name: "Opslaan wie mag meedoen" }).click();
    await page.getByText("Opgeslagen. Dit ligt vast zodra het stemmen begint.").waitFor();
    const saved = await page.request.get(`/api/neighbourhoods/${n}/cycles/${c}/eligibility`);
    assert.deepEqual(await saved.json(), { residents: "IdentityProvider", provider: { name: "corporatie", claim: "neighbourhoods", values: [n] } });
  });

  await step("the administrator plans the review and the vote; the round's page shows when the next phase starts", async () => {
    await movePhase(admin.page, n, c, "Ideas");
    const page = admin.page;
    await page.goto(`/staff/neighbourhoods/${n}/cycles/${c}`);
    const local = (date) => new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
    const inDays = (days) => {
      const date = new Date(Date.now() + days * 24 * 3600 * 1000);
      date.setSeconds(0, 0);
      return date;
    };
    // Checked in the page first: a moment that has passed.
    await page.getByLabel("Beoordelen begint op").fill(local(inDays(-1)));
    await page.getByRole("button", { name: "Planning opslaan" }).click();
    await page.locator("#plan-Review-error").getByText("Dit moment is al voorbij.").waitFor();
    const review = inDays(10);
    await page.getByLabel("Beoordelen begint op").fill(local(review));
    await page.getByLabel("Stemmen begint op").fill(local(inDays(20)));
    // Opening voting by schedule needs the rules it opens with, frozen then.
    await page.getByRole("group", { name: "Regels voor de stemming" }).waitFor();
    await expectAccessible(page, "cycle administration with a planned vote");
    await page.getByRole("button", { name: "Planning opslaan" }).click();
    await page.getByText("De planning is opgeslagen.").waitFor();
    const saved = await (await page.request.get(`/api/neighbourhoods/${n}/cycles/${c}`)).json();
    assert.deepEqual(saved.schedule.map((s) => [s.phase, s.status]), [["Review", "Pending"], ["Voting", "Pending"]]);

    const visitor = outsider.page;
    await visitor.goto(`/neighbourhoods/${n}/cycles/${c}`);
    const when = new Intl.DateTimeFormat("nl-NL", { dateStyle: "medium", timeStyle: "short" }).format(review);
    assert.equal((await visitor.getByTestId("next-step").innerText()).trim(), `Beoordelen begint op ${when}.`);
    await visitor.getByRole("list", { name: "Stappen van deze budgetronde" }).getByText(`vanaf ${when}`).waitFor();
    await expectAccessible(visitor, "a round's page with planned phases");
  });

  await step("voting opens", async () => {
    await movePhase(admin.page, n, c, "Review");
    await openVoting(admin.page, n, c, {
      projects: [
        { id: "speeltuin", title: "Nieuwe speeltuin", costCents: 900_000 },
        { id: "bloembakken", title: "Bloembakken in de straat", costCents: 200_000 },
      ],
      ballot: { kind: "Approval", minProjects: 1, maxProjects: 2 },
      rule: { kind: "Greedy" },
      live: { disclosure: "TurnoutOnly", minimumTurnout: 1 },
    });
  });

  await step("a tenant signs in with the account, finds the cycle on the start page and votes on a phone", async () => {
    const page = tenant.page;
    await signInWithProvider(page, "tenant-kolenkit-12", "/", { neighbourhoods: ["noord", n] });
    await page.getByRole("heading", { name: "Hier doe je mee" }).waitFor();
    await expectAccessible(page, "start page of a signed-in account resident");
    await page.getByRole("link", { name: "Kolenkit kiest 2027 in Kolenkit" }).click();
    await page.getByRole("heading", { level: 1, name: "Kolenkit kiest 2027" }).waitFor();
    await page.getByRole("link", { name: "Stemmen", exact: true }).click();
    await page.getByRole("checkbox", { name: /Bloembakken/ }).check();
    await page.getByRole("button", { name: "Mijn stembiljet bekijken" }).click();
    await page.getByRole("button", { name: "Stem uitbrengen" }).click();
    const receipt = (await page.getByTestId("receipt").textContent()).trim();
    assert.match(receipt, new RegExp(`^neighbourhood/${n}#\\d+:[0-9a-f]{64}$`));
    await expectAccessible(page, "receipt of an account resident");
    await page.goto(`/neighbourhoods/${n}/cycles/${c}`);
    await page.getByText("1 huishouden heeft gestemd.").waitFor();
  });

  await step("someone whose account lists another neighbourhood is told why they cannot vote", async () => {
    const page = outsider.page;
    await signInWithProvider(page, "tenant-noord-3", "/", { neighbourhoods: ["noord"] });
    assert.equal(await page.getByRole("heading", { name: "Hier doe je mee" }).count(), 0, "an outsider is offered a cycle");
    await page.goto(`/neighbourhoods/${n}/cycles/${c}/vote`);
    await page.getByRole("alert").getByText("Volgens je account woon je niet in deze buurt.", { exact: false }).waitFor();
    await expectAccessible(page, "ballot page refused to an outsider");
  });

  assertNoTroubles(operator, admin, tenant, outsider);
} finally {
  await browser.close();
}
