import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { readFile } from 'node:fs/promises';
import { STEPS, Wizard } from '../pages/wizard';


async function violations(page: Page) {
  // Folded parts are checked too: open them first.
  await page.locator('designed-alliance').first().locator('details.da-fold').evaluateAll((ds) => ds.forEach((d) => ((d as HTMLDetailsElement).open = true)));
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/** The demo page with a complete alliance loaded, so every list has items. */
async function loaded(page: Page) {
  const w = new Wizard(page);
  await w.goto();
  const file = await readFile(new URL('../../../examples/coach-and-client.json', import.meta.url));
  await w.chooseFile({ name: 'coaching.json', mimeType: 'application/json', buffer: file });
  await w.importDialog.getByRole('button', { name: 'Open as a new draft' }).click();
  await expect(w.stepHeading).toHaveText('Review');
  return w;
}

for (const scheme of ['light', 'dark'] as const) {
  test(`axe-core finds no violation on any step (${scheme})`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.emulateMedia({ colorScheme: scheme });
    const w = await loaded(page);
    for (const step of STEPS) {
      await w.goToStep(step);
      expect(await violations(page), step).toEqual([]);
    }
  });
}

test('axe-core finds no violation on an empty new alliance, with missing parts pointed out', async ({ page }) => {
  // Fifteen axe runs: more than the default 30 s on a busy two-core machine.
  test.setTimeout(120_000);
  const w = new Wizard(page);
  await w.goto();
  for (const step of STEPS) {
    await w.goToStep(step);
    expect(await violations(page), step).toEqual([]);
  }
  // Every step has now been visited: missing parts are shown next to their fields.
  await w.goToStep('The goal');
  await expect(w.widget.locator('.da-msg-missing').first()).toBeVisible();
  expect(await violations(page)).toEqual([]);
});

test('axe-core finds no violation in the dialogs', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new Error('denied')) } });
  });
  const w = new Wizard(page);
  await w.goto();
  const file = await readFile(new URL('../../../examples/partners-draft.json', import.meta.url));
  await w.chooseFile({ name: 'partners.json', mimeType: 'application/json', buffer: file });
  await expect(w.importDialog).toBeVisible();
  expect(await violations(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await w.button('Copy as Markdown', await w.openMenu()).click();
  await expect(page.getByRole('dialog', { name: 'Copy the text yourself' })).toBeVisible();
  expect(await violations(page)).toEqual([]);
});

test('changing step moves focus to its heading and says where you are', async ({ page }) => {
  const w = new Wizard(page);
  await w.goto();
  await w.stepLink('How we will celebrate').click();
  await expect(w.stepHeading).toHaveText('How we will celebrate');
  await expect(w.stepHeading).toBeFocused();
  // Said to screen readers, and not shown twice: the step list says it already.
  await expect(w.whereabouts).toHaveText('Step 6 of 14: How we will celebrate');
  await expect(w.whereabouts).toHaveAttribute('role', 'status');
  await expect(w.status).not.toContainText('Step 6 of 14');
  await expect(w.widget.locator(':not(.da-visually-hidden)', { hasText: /^Step 6 of 14/ }).filter({ visible: true }).filter({ hasNot: page.locator('*') })).toHaveCount(1);
  await expect(w.stepLink('How we will celebrate')).toHaveAttribute('aria-current', 'step');
});

test('motion is off when the person asks for reduced motion', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  const w = new Wizard(page);
  await w.goto();
  const duration = await w.button('Save or share').evaluate((el) => getComputedStyle(el).transitionDuration);
  expect(duration).toBe('0s');
});

test('it works from 320 px wide, with the steps behind a toggle', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  const w = new Wizard(page);
  await w.goto();
  const toggle = w.button('All steps');
  await expect(toggle).toBeVisible();
  await expect(w.stepLink('The goal')).toBeHidden();
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await w.stepLink('The goal').click();
  await expect(w.stepHeading).toHaveText('The goal');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
  expect(overflow, 'no horizontal scrolling').toBe(false);
  expect(await violations(page)).toEqual([]);
});

test('the "Save or share" menu with the keyboard: Escape and choosing an item give focus back to its button, Tab out closes it', async ({ page }) => {
  const w = new Wizard(page, 'keyboard');
  await w.goto();
  const toggle = w.button('Save or share');
  const panel = w.widget.locator(`#${await toggle.getAttribute('aria-controls')}`);
  // Escape: closed, and focus on the button that opened it.
  await w.openMenu();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();
  await expect(toggle).toBeFocused();
  // An item chosen (a download): closed, focus back on the button.
  await w.openMenu();
  const [download] = await Promise.all([page.waitForEvent('download'), w.press(w.button('Download file (.json)', panel))]);
  expect(download.suggestedFilename()).toMatch(/\.json$/);
  await expect(panel).toBeHidden();
  await expect(toggle).toBeFocused();
  // Tab past the last item: the menu closes rather than lying over the step.
  await w.openMenu();
  const items = await panel.getByRole('button').count();
  for (let i = 0; i < items + 1; i++) await page.keyboard.press('Tab');
  await expect(panel).toBeHidden();
  // A dialog opened from the menu gives focus back to the menu's button when it closes.
  await w.openMenu();
  await w.press(w.button('Share a link…', panel));
  const share = w.widget.getByRole('dialog');
  await expect(share).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(share).toBeHidden();
  await expect(toggle).toBeFocused();
  expect(w.errors).toEqual([]);
});

test('a skip link leads past the step list to the current step\'s first field', async ({ page }) => {
  const w = new Wizard(page, 'keyboard');
  await w.goto();
  await expect(w.stepHeading).toHaveText('Who is involved');
  // Out of sight until the keyboard reaches it: the widget's first stop.
  const skip = w.button('Skip to the current step');
  expect((await skip.boundingBox())!.width).toBeLessThanOrEqual(1);
  // Tab from the page's own heading, above the widget.
  await page.locator('h1').click();
  await page.keyboard.press('Tab');
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(w.field('What shall we call this alliance?')).toBeFocused();
});
