// A resident who uses only the keyboard: from the start page to the sign-in form, the code typed and sent with
// Enter, to the ballot, choices made with Space, reviewed, cast, the receipt reached and checked. Every stop checks
// that the focus can be seen. A staff member opens nothing with the mouse either: the administration's phase
// buttons and the confirmation before closing the vote work by keyboard.
import { actor, assert, assertNoTroubles, expectAccessible, launch, phone, signInWithProvider, step } from "../lib/stack.mjs";
import { addNeighbourhood, createCycle, movePhase, openVoting, registerCorporation, votingCodes } from "../lib/setup.mjs";
import { tabAndPress, tabTo } from "../lib/keyboard.mjs";

const n = "transvaal";
const c = "2027";
const browser = await launch();
try {
  const operator = await actor(browser, "operator");
  const admin = await actor(browser, "administrator");
  const resident = await actor(browser, "resident using only a keyboard", { viewport: phone });

  let code;
  await step("the stage: a cycle open for voting with a voting code", async () => {
    await signInWithProvider(operator.page, "operator");
    await registerCorporation(operator.page, { corporationId: "haag-wonen", name: "Haag Wonen", administrator: "henk" });
    await signInWithProvider(admin.page, "henk");
    await addNeighbourhood(admin.page, "haag-wonen", { neighbourhoodId: n, name: "Transvaal" });
    await createCycle(admin.page, n, { cycleId: c, title: "Transvaal kiest", budgetCents: 1_000_000 });
    await movePhase(admin.page, n, c, "Ideas");
    await movePhase(admin.page, n, c, "Review");
    await openVoting(admin.page, n, c, {
      projects: [
        { id: "buurthuis", title: "Verf voor het buurthuis", costCents: 400_000 },
        { id: "bomen", title: "Bomen op het plein", costCents: 500_000 },
        { id: "lampen", title: "Lampen in de steeg", costCents: 300_000 },
      ],
      ballot: { kind: "Cumulative", points: 5, maxPointsPerProject: 3 },
      rule: { kind: "Greedy" },
      live: { disclosure: "TurnoutOnly", minimumTurnout: 1 },
    });
    [code] = await votingCodes(admin.page, n, c, [["Paul Krugerlaan", "1"]]);
  });

  await step("from the start page to the sign-in form and in, by keyboard", async () => {
    const page = resident.page;
    await page.goto("/");
    // The first Tab reaches the skip link, which leads past the header.
    await tabTo(page, page.locator(".skip-link"), { limit: 1 });
    await tabAndPress(page, page.getByRole("link", { name: "Inloggen met je code" }));
    await page.waitForURL((url) => url.pathname === "/sign-in");
    await page.locator("#sign-in-code-input").waitFor();
    // With more than one neighbourhood on the server (other scenarios add theirs) the form asks which one; a closed
    // select takes type-ahead, so typing the name chooses it.
    if ((await page.locator("#sign-in-neighbourhood").count()) > 0) {
      await tabTo(page, page.locator("#sign-in-neighbourhood"));
      await page.keyboard.type("Transvaal");
      assert.equal(await page.locator("#sign-in-neighbourhood").inputValue(), n);
    }
    await tabTo(page, page.locator("#sign-in-code-input"));
    await page.keyboard.type(code);
    await page.keyboard.press("Enter");
    await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
  });

  await step("the ballot by keyboard: points with the arrow keys, review, cast, receipt", async () => {
    const page = resident.page;
    await page.goto(`/neighbourhoods/${n}/cycles/${c}`);
    await tabAndPress(page, page.getByRole("link", { name: "Stemmen", exact: true }));
    await page.getByRole("heading", { level: 1 }).waitFor();
    const bomen = page.getByRole("spinbutton", { name: /Bomen/ });
    await tabTo(page, bomen);
    await page.keyboard.press("ArrowUp");
    await page.keyboard.press("ArrowUp");
    await page.keyboard.press("ArrowUp");
    assert.equal(await bomen.inputValue(), "3");
    await tabTo(page, page.getByRole("spinbutton", { name: /Lampen/ }));
    await page.keyboard.press("ArrowUp");
    await page.keyboard.press("ArrowUp");
    await tabAndPress(page, page.getByRole("button", { name: "Mijn stembiljet bekijken" }));
    await page.getByRole("heading", { level: 1, name: "Kijk je stembiljet na" }).waitFor();
    await tabAndPress(page, page.getByRole("button", { name: "Stem uitbrengen" }));
    const receipt = (await page.getByTestId("receipt").textContent()).trim();
    assert.match(receipt, /^neighbourhood\/transvaal#\d+:[0-9a-f]{64}$/);
    // The receipt can be copied by keyboard too.
    await tabTo(page, page.getByRole("button", { name: /kopiëren/i }));
    await expectAccessible(page, "receipt reached by keyboard");
  });

  await step("the administrator closes the vote by keyboard, through the confirmation", async () => {
    const page = admin.page;
    await page.goto(`/staff/neighbourhoods/${n}/cycles/${c}`);
    await page.getByRole("heading", { level: 1 }).waitFor();
    await tabAndPress(page, page.getByRole("button", { name: "Stemming sluiten en uitslag publiceren" }));
    const confirm = page.getByRole("button", { name: "Ja, sluiten en publiceren" });
    await confirm.waitFor();
    await tabAndPress(page, confirm);
    await page.getByTestId("cycle-phase").getByText("Uitslag").waitFor();
  });

  assertNoTroubles(operator, admin, resident);
} finally {
  await browser.close();
}
