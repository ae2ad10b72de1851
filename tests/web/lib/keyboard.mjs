// Keyboard-only use: moving with Tab as a person without a mouse does, and checking that wherever focus lands it
// can be seen (WCAG 2.4.7). Nothing here clicks.
import { assert } from "./stack.mjs";

/**
 * Presses Tab (Shift+Tab with `backwards`) until the element `locator` finds has the focus, at most `limit` times,
 * and checks that the focus is visible there. Fails when Tab never reaches it: then it cannot be used by keyboard.
 */
export async function tabTo(page, locator, { limit = 80, backwards = false } = {}) {
  const target = await locator.elementHandle();
  assert.ok(target, `nothing on the page matches ${locator}`);
  const visited = [];
  for (let presses = 1; presses <= limit; presses++) {
    await page.keyboard.press(backwards ? "Shift+Tab" : "Tab");
    const here = await page.evaluate((element) => {
      const active = document.activeElement;
      const style = active ? getComputedStyle(active) : null;
      return {
        reached: active === element,
        name: active ? `${active.tagName.toLowerCase()} "${(active.getAttribute("aria-label") ?? active.textContent ?? "").trim().slice(0, 40)}"` : "nothing",
        visible: !!style && ((style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== "none"),
      };
    }, target);
    visited.push(here.name);
    if (here.reached) {
      assert.ok(here.visible, `the focus on ${here.name} cannot be seen (no outline or shadow)`);
      return presses;
    }
  }
  assert.fail(`Tab did not reach ${locator} in ${limit} presses; it went through: ${visited.join(" → ")}`);
}

/** Moves to the element by keyboard and presses `key` on it (Enter for links and buttons, Space for checkboxes). */
export async function tabAndPress(page, locator, key = "Enter", options = {}) {
  await tabTo(page, locator, options);
  await page.keyboard.press(key);
}
