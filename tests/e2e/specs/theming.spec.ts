// Looks right on every coach's site and every phone: brand colours in both colour schemes,
// readable accents, native controls in the widget's scheme, the page's own scheme followed,
// menus and dialogs on screen from 320 px, Back and Next at hand, a compact header.
//
// Waiting is always for a condition, never for a time.
import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { mkdir, readFile } from 'node:fs/promises';
import { STEPS, Wizard } from '../pages/wizard';

/** The brand example the README gives coaches (its css block that styles designed-alliance). */
async function readmeBrand(): Promise<string> {
  const readme = await readFile(new URL('../../../README.md', import.meta.url), 'utf8');
  const css = /```css\n(designed-alliance \{[^`]*?\})\n```/.exec(readme)?.[1];
  if (!css) throw new Error('the README shows no brand example');
  return css;
}

const BRANDS: Record<string, () => Promise<string>> = {
  'the README brand': readmeBrand,
  'a light accent': async () => 'designed-alliance { --da-accent: #f5b700; }',
  'a dark accent': async () => 'designed-alliance { --da-accent: #2b1a3d; --da-accent-soft: #ece6f2; }',
};

/** A coach's page: the brand's CSS, a colour scheme of its own (by default one that follows
 *  the system, as a site with a dark mode does; '' declares none), the widget. */
async function brandPage(page: Page, css: string, rootScheme = 'light dark') {
  await page.route('**/brand/', (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A coach's page</title>
        <style>${rootScheme ? `:root { color-scheme: ${rootScheme}; }` : ''} body { margin: 0; } ${css}</style>
        <script type="module" src="/designed-alliance-start.js"></script></head>
        <body><main><designed-alliance namespace="brand"></designed-alliance></main></body></html>`,
    }),
  );
  await page.goto('/brand/');
  const w = new Wizard(page);
  await expect(w.stepHeading).toHaveText('Welcome');
  return w;
}

/** Opens a complete example alliance, so every list and box has something in it. */
async function loadExample(w: Wizard) {
  const file = await readFile(new URL('../../../examples/team-and-stakeholder.json', import.meta.url));
  await w.chooseFile({ name: 'team.json', mimeType: 'application/json', buffer: file });
  await w.importDialog.getByRole('button', { name: 'Open as a new draft' }).click();
  await expect(w.stepHeading).toHaveText('Review');
}

/** Contrast of the text of each visible element matching `selector` against what is behind
 *  it, as the browser paints both (resolved through a canvas, whatever the colour syntax). */
function contrasts(page: Page, selector: string) {
  return page.locator('designed-alliance').first().evaluate((host, selector) => {
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = 1;
    const paint = canvas.getContext('2d', { willReadFrequently: true })!;
    const rgba = (color: string) => {
      paint.clearRect(0, 0, 1, 1);
      paint.fillStyle = '#000';
      paint.fillStyle = color;
      paint.fillRect(0, 0, 1, 1);
      return Array.from(paint.getImageData(0, 0, 1, 1).data);
    };
    const luminance = ([r, g, b]: number[]) => {
      const lin = (c: number) => ((c /= 255) <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
      return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
    };
    const behind = (el: Element | null): number[] => {
      for (let e = el; e; e = e.parentElement ?? ((e.getRootNode() as ShadowRoot).host ?? null)) {
        const bg = getComputedStyle(e).backgroundColor;
        if (rgba(bg)[3] === 255 && !/^rgba\(0, 0, 0, 0\)$|transparent/.test(bg)) return rgba(bg);
      }
      return [255, 255, 255, 255];
    };
    return [...host.shadowRoot!.querySelectorAll(selector)]
      .filter((el) => (el as HTMLElement).offsetParent !== null && el.textContent!.trim())
      .map((el) => {
        const [fg, bg] = [luminance(rgba(getComputedStyle(el).color)), luminance(behind(el))];
        const ratio = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
        return { text: el.textContent!.trim().slice(0, 30), ratio: Math.round(ratio * 100) / 100 };
      });
  }, selector);
}

/** The places the brand colours reach: the way on, the current step, the boxes, the links. */
const BRANDED = [
  '.da-next',
  '.da-step-current .da-step-title',
  '.da-reflections > summary',
  '.da-list-help dt',
  '.da-button-add',
  '.da-link',
  '.da-step-state',
  '.da-msg-hint',
].join(', ');

for (const [brand, css] of Object.entries(BRANDS)) {
  for (const scheme of ['light', 'dark'] as const) {
    test(`with ${brand}, every step reads at AA contrast (${scheme})`, async ({ page }) => {
      test.setTimeout(150_000);
      await page.emulateMedia({ colorScheme: scheme });
      const w = await brandPage(page, await css());
      await loadExample(w);
      // The widget's own scheme, native controls included.
      expect(await w.widget.evaluate((el) => getComputedStyle(el.shadowRoot!.querySelector('.da-widget')!).colorScheme)).toBe(scheme);
      let checked = 0;
      for (const step of STEPS) {
        await w.goToStep(step);
        await page.locator('designed-alliance').first().locator('details.da-fold').evaluateAll((ds) => ds.forEach((d) => ((d as HTMLDetailsElement).open = true)));
        const found = await contrasts(page, BRANDED);
        for (const { text, ratio } of found) expect(ratio, `${step}: "${text}"`).toBeGreaterThanOrEqual(4.5);
        checked += found.length;
        const results = await new AxeBuilder({ page }).withRules(['color-contrast']).analyze();
        expect(results.violations.flatMap((v) => v.nodes.map((n) => `${step}: ${n.target.join(' ')}: ${n.failureSummary}`))).toEqual([]);
      }
      expect(checked, 'the branded places were found').toBeGreaterThan(30);
      expect(w.errors).toEqual([]);
    });
  }
}

test('text on the accent is chosen for contrast, unless the coach sets it; a light-only colour never reaches dark', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  const css = 'designed-alliance { --da-accent: #f5b700; --da-surface-muted: #fff8e6; --da-dark-accent: #6a4c93; }';
  const w = await brandPage(page, css);
  const next = w.widget.locator('.da-next');
  const colours = () => next.evaluate((el) => [getComputedStyle(el).color, getComputedStyle(el).backgroundColor]);
  // Amber takes dark text; the coach's amber stays the button's colour.
  const [ink, fill] = await colours();
  expect(fill).toBe('rgb(245, 183, 0)');
  expect((await contrasts(page, '.da-next'))[0].ratio).toBeGreaterThanOrEqual(4.5);
  expect(ink).not.toBe('rgb(255, 255, 255)');
  // Dark: the coach's dark accent, with light text; the light surface colour stays in light.
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect.poll(async () => (await colours())[1]).toBe('rgb(106, 76, 147)');
  expect((await contrasts(page, '.da-next'))[0].ratio).toBeGreaterThanOrEqual(4.5);
  const muted = await w.widget.evaluate((el) => getComputedStyle(el.shadowRoot!.querySelector('.da-widget')!).getPropertyValue('--da--surface-muted'));
  expect(muted).toContain('light-dark');
  // Set by the coach, it is used as it is.
  await page.addStyleTag({ content: 'designed-alliance { --da-dark-accent-contrast: rgb(255, 255, 0); }' });
  await expect.poll(async () => (await colours())[0]).toBe('rgb(255, 255, 0)');
});

test("the widget follows the page's own colour scheme when the page declares one, and the system's otherwise", async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  const w = await brandPage(page, '', 'light');
  const surface = () => w.widget.evaluate((el) => getComputedStyle(el.shadowRoot!.querySelector('.da-widget')!).backgroundColor);
  // A light-only site in a dark system: the widget is light, like the page.
  await expect.poll(surface).toBe('rgb(255, 255, 255)');
  await expect(w.widget).toHaveAttribute('data-da-page', 'light');
  // The site's own switch to dark (on <html>) is followed.
  await page.evaluate(() => (document.documentElement.style.colorScheme = 'dark'));
  await expect.poll(surface).toBe('rgb(22, 27, 33)');
  // A page that allows both follows the system.
  await page.evaluate(() => (document.documentElement.style.colorScheme = 'light dark'));
  await expect(w.widget).not.toHaveAttribute('data-da-page');
  await expect.poll(surface).toBe('rgb(22, 27, 33)');
  await page.emulateMedia({ colorScheme: 'light' });
  await expect.poll(surface).toBe('rgb(255, 255, 255)');
  // theme="dark" wins over the page.
  await page.evaluate(() => {
    document.documentElement.style.colorScheme = 'light';
    document.querySelector('designed-alliance')!.setAttribute('theme', 'dark');
  });
  await expect.poll(surface).toBe('rgb(22, 27, 33)');
  // Native controls (date pickers, selects) take the widget's scheme.
  await w.begin();
  const select = w.field('What kind of relationship is this?');
  expect(await select.evaluate((el) => getComputedStyle(el).colorScheme)).toBe('dark');
  expect(w.errors).toEqual([]);
});

test('on a page that declares no colour scheme, the widget follows the background it sits on', async ({ page }) => {
  // A white site in a dark system: the browser draws the page light, and so is the widget.
  await page.emulateMedia({ colorScheme: 'dark' });
  const w = await brandPage(page, '', '');
  const surface = () => w.widget.evaluate((el) => getComputedStyle(el.shadowRoot!.querySelector('.da-widget')!).backgroundColor);
  await expect(w.widget).toHaveAttribute('data-da-page', 'light');
  await expect.poll(surface).toBe('rgb(255, 255, 255)');
  // A dark background (in any colour syntax) where the element sits, in a light system: dark.
  await page.emulateMedia({ colorScheme: 'light' });
  await page.evaluate(() => (document.body.style.background = 'oklch(0.2 0.02 260)'));
  await expect(w.widget).toHaveAttribute('data-da-page', 'dark');
  await expect.poll(surface).toBe('rgb(22, 27, 33)');
  // A light section inside a dark page: the nearest background counts.
  await page.evaluate(() => {
    document.querySelector('main')!.style.backgroundColor = '#fdfcf8';
    document.body.style.background = 'oklch(0.25 0.02 260)';
  });
  await expect(w.widget).toHaveAttribute('data-da-page', 'light');
  // A page whose colours follow the system's is followed when the system switches.
  await page.evaluate(() => {
    document.querySelector('main')!.style.backgroundColor = '';
    document.body.style.background = '';
    const style = document.createElement('style');
    style.textContent = '@media (prefers-color-scheme: dark) { body { background: #111 } }';
    document.head.append(style);
  });
  await expect(w.widget).toHaveAttribute('data-da-page', 'light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(w.widget).toHaveAttribute('data-da-page', 'dark');
  expect(w.errors).toEqual([]);
});

/** Whether a box lies inside the viewport (a pixel of rounding allowed). */
async function inside(page: Page, box: { x: number; y: number; width: number; height: number } | null, what: string) {
  const { width, height } = page.viewportSize()!;
  expect(box, `${what} is on the page`).not.toBeNull();
  expect(box!.x, `${what}: left edge`).toBeGreaterThanOrEqual(-1);
  expect(box!.x + box!.width, `${what}: right edge`).toBeLessThanOrEqual(width + 1);
  expect(box!.y + box!.height, `${what}: bottom edge`).toBeLessThanOrEqual(height + 1);
}

const sideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

for (const width of [320, 375]) {
  test(`at ${width} px every menu and dialog stays on screen and nothing scrolls sideways`, async ({ page, context }) => {
    test.setTimeout(120_000);
    await page.setViewportSize({ width, height: 700 });
    const w = new Wizard(page);
    await w.goto();
    await loadExample(w);
    for (const step of STEPS) {
      await w.goToStep(step);
      expect(await sideways(page), `${step} scrolls sideways`).toBeLessThanOrEqual(0);
    }
    // Save or share: every item inside the screen.
    const menu = await w.openMenu();
    for (const item of await menu.getByRole('button').all()) await inside(page, await item.boundingBox(), `menu item "${await item.textContent()}"`);
    await page.keyboard.press('Escape');
    // An item's menu.
    await w.goToStep('Who does what, and when');
    const items = await w.itemMenu('Commitment 1');
    for (const item of await items.getByRole('button').all()) {
      await item.scrollIntoViewIfNeeded();
      await inside(page, await item.boundingBox(), `item menu "${await item.getAttribute('aria-label')}"`);
    }
    await page.keyboard.press('Escape');
    // My drafts, and the box to copy from when the clipboard is denied.
    await w.button('My drafts').click();
    const drafts = w.widget.getByRole('dialog', { name: 'My drafts' });
    await inside(page, await drafts.boundingBox(), 'My drafts');
    expect(await sideways(page)).toBeLessThanOrEqual(0);
    await page.keyboard.press('Escape');
    await context.grantPermissions([]);
    await page.evaluate(() => Object.defineProperty(navigator, 'clipboard', { value: undefined }));
    await w.button('Copy as Markdown', await w.openMenu()).click();
    const copy = w.widget.getByRole('dialog', { name: 'Copy the text yourself' });
    await expect(copy).toBeVisible();
    await inside(page, await copy.boundingBox(), 'the copy box');
    expect(w.errors).toEqual([]);
  });
}

test('on a phone the header is compact and Back and Next stay at hand while a long step scrolls', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 812 });
  const w = new Wizard(page);
  await w.goto();
  await loadExample(w);
  await w.goToStep('How we will communicate');
  // From the top of the widget to the step's heading: well under half of the screen.
  const top = (await w.widget.boundingBox())!.y;
  const heading = (await w.stepHeading.boundingBox())!.y;
  expect(heading - top).toBeLessThan(260);
  // "Step 6 of 14" is said once on screen.
  // (The line for screen readers is 1 px, clipped: not on screen.)
  await expect(w.widget.locator(':not(.da-visually-hidden)', { hasText: /^Step \d+ of 14/ }).filter({ visible: true }).filter({ hasNot: page.locator('*') })).toHaveCount(1);
  // At the top of a long step, Next is already on screen, and it says where it goes.
  await w.stepHeading.scrollIntoViewIfNeeded();
  const next = w.button('Next: How we will celebrate');
  await expect(next).toBeInViewport();
  await expect(next).toHaveText(/^Next/);
  await next.click();
  await expect(w.stepHeading).toHaveText('How we will celebrate');
  // The toolbar stays where it is whatever the save message says.
  const toolbar = w.widget.getByRole('group', { name: 'Alliance tools' });
  const before = await toolbar.boundingBox();
  await w.goToStep('Who is involved');
  await w.field('What shall we call this alliance?').fill('A much longer title than before, to see it move nothing');
  await expect(w.saveStatus).toHaveText(/^Saved/);
  const after = await toolbar.boundingBox();
  expect(after!.x).toBe(before!.x);
});

test('every step at 375 px, dark, with the README brand: saved as a screenshot', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 375, height: 812 });
  await page.emulateMedia({ colorScheme: 'dark' });
  const w = await brandPage(page, await readmeBrand());
  await loadExample(w);
  const dir = new URL('../../../target/screens/375-dark-brand/', import.meta.url);
  await mkdir(dir, { recursive: true });
  for (const [i, step] of STEPS.entries()) {
    await w.goToStep(step);
    const slug = step.toLowerCase().replace(/[^a-z]+/g, '-').replace(/-$/, '');
    await page.screenshot({ path: new URL(`${String(i + 1).padStart(2, '0')}-${slug}.png`, dir).pathname, fullPage: true });
  }
  expect(w.errors).toEqual([]);
});
