// The widget in Spanish: chosen by the element's lang, else the page's; every step with axe;
// no English words of the widget left anywhere; dates in Spanish through Intl; the iframe
// page in Spanish; and English, with a console error, when the catalogue cannot be had.
//
// Waiting is always for a condition, never for a time.
import { test, expect, type Page, type Locator } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { mkdir, readFile } from 'node:fs/promises';

const read = async (path: string) => readFile(new URL(`../../../${path}`, import.meta.url), 'utf8');
const en = JSON.parse(await read('lang/en.json'));
const es = JSON.parse(await read('lang/es.json'));
const example = await read('examples/coach-and-client.json');

/** Every text of a catalogue, flattened. */
function texts(node: unknown): string[] {
  if (typeof node === 'string') return [node];
  return Object.entries(node as Record<string, unknown>)
    .filter(([k]) => !k.startsWith('_'))
    .flatMap(([, v]) => texts(v));
}

/** English words of the widget that must not show in Spanish: every English text (its parts
 *  between values) of 12 characters or more that Spanish does not share, and that the
 *  example file (English data) does not contain. */
const ENGLISH = [...new Set(texts(en).flatMap((t) => t.split(/\{[a-z_]+\}/)).map((t) => t.trim()))].filter(
  (t) => t.length >= 12 && !texts(es).some((s) => s.includes(t)) && !example.includes(t),
);

/** The steps, as their Spanish titles. */
const STEPS: string[] = [
  es.ui.step_welcome,
  ...['basics', 'goal', 'progress', 'commitments', 'communication', 'celebrations', 'needsAndOffers', 'assumptions', 'hardTimes', 'decisions', 'keepingAlive'].map(
    (s) => es.sections[s].title,
  ),
  es.ui.step_review,
  es.ui.step_agreement,
  es.ui.step_finish,
];

/** A page whose widget speaks what `html` and `element` say. */
async function page(p: Page, htmlLang: string, elementLang?: string) {
  const errors: string[] = [];
  p.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await p.route('**/spanish-page/', (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><html lang="${htmlLang}"><head><meta charset="utf-8"><meta name="color-scheme" content="light dark"><title>Una página</title>
        <script type="module" src="/designed-alliance-start.js"></script></head>
        <body><main><h1>Nuestra alianza</h1><designed-alliance namespace="es"${elementLang ? ` lang="${elementLang}"` : ''}></designed-alliance></main></body></html>`,
    }),
  );
  await p.goto('/spanish-page/');
  const widget = p.locator('designed-alliance');
  return { widget, heading: widget.getByRole('heading', { level: 2 }), errors };
}

async function goTo(widget: Locator, title: string) {
  const nav = widget.getByRole('navigation', { name: es.ui.steps_label });
  const toggle = nav.getByRole('button', { name: es.ui.show_steps });
  if ((await toggle.isVisible()) && (await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  await nav.getByRole('button', { name: new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(`) }).click();
  await expect(widget.getByRole('heading', { level: 2 })).toHaveText(title);
}

/** What a step shows, with its folded parts opened. */
async function shown(widget: Locator): Promise<string> {
  await widget.locator('details').evaluateAll((ds) => ds.forEach((d) => ((d as HTMLDetailsElement).open = true)));
  return widget.evaluate((el) => (el.shadowRoot as ShadowRoot).textContent ?? '');
}

test('the page speaks Spanish: every step in Spanish, with no English word of the widget left, and no axe violation', async ({ page: p }) => {
  test.setTimeout(180_000);
  const { widget, heading, errors } = await page(p, 'es-MX');
  await expect(heading).toHaveText('Bienvenida');
  // Read aloud as Spanish.
  await expect(widget.locator('[lang="es"]').first()).toBeAttached();
  // An empty alliance: every step, with what is missing pointed out once left.
  for (const step of STEPS) {
    await goTo(widget, step);
    const text = await shown(widget);
    expect(ENGLISH.filter((t) => text.includes(t)), step).toEqual([]);
  }
  await goTo(widget, es.ui.step_review);
  await expect(widget.locator('.da-missing-list li').first()).toContainText('Pongan un nombre a la alianza.');

  // A complete alliance (its own text is English data): every step, and axe on each.
  await widget.locator('input[type="file"]').setInputFiles({ name: 'alianza.json', mimeType: 'application/json', buffer: Buffer.from(example) });
  const dialog = p.getByRole('dialog', { name: es.ui.import_title });
  await dialog.getByRole('button', { name: es.ui.import_replace }).click();
  await expect(heading).toHaveText(es.ui.step_review);
  // Dates through Intl, in Spanish.
  await expect(widget.locator('.da-doc')).toContainText(/\d{1,2} de diciembre de 2026/);
  await expect(widget.locator('.da-doc')).toContainText('Acordada');
  for (const step of STEPS) {
    await goTo(widget, step);
    const text = await shown(widget);
    expect(ENGLISH.filter((t) => text.includes(t)), step).toEqual([]);
    const results = await new AxeBuilder({ page: p }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.help}`), step).toEqual([]);
  }
  // The Markdown copy, in Spanish too.
  await p.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await widget.getByRole('button', { name: es.ui.take_it_away }).click();
  await widget.getByRole('group', { name: es.ui.toolbar }).getByRole('button', { name: es.ui.copy_markdown }).click();
  await expect(widget.locator('p.da-status')).toHaveText(es.ui.copied_markdown);
  const markdown = await p.evaluate(() => navigator.clipboard.readText());
  expect(markdown).toContain('## La meta');
  expect(markdown).toMatch(/Exportado desde el formulario Designed Alliance el \d{1,2} de \S+ de \d{4}\./);
  expect(errors).toEqual([]);
});

test("the element's lang wins over the page's; a language without a catalogue is English", async ({ page: p }) => {
  const spanish = await page(p, 'en', 'es');
  await expect(spanish.heading).toHaveText('Bienvenida');
  await expect(spanish.widget.getByRole('button', { name: /^Empezar: Quiénes participan/ })).toBeVisible();

  const other = await p.context().newPage();
  const french = await page(other, 'fr');
  await expect(french.heading).toHaveText('Welcome');
  // Read aloud as English, not as French.
  await expect(french.widget.locator('[lang="en"]').first()).toBeAttached();
  expect(french.errors).toEqual([]);
});

test('without its catalogue the widget speaks English, and says why in the console', async ({ page: p }) => {
  await p.route('**/lang/es.json', (route) => route.fulfill({ status: 404, body: 'not found' }));
  const { heading, widget, errors } = await page(p, 'es');
  await expect(heading).toHaveText('Welcome');
  await expect.poll(() => errors.filter((e) => e.startsWith('designed-alliance:'))).toEqual([
    expect.stringMatching(/^designed-alliance: catalogue ".*lang\/es\.json" could not be loaded \(404.*\); English is used$/),
  ]);
  await widget.getByRole('button', { name: /^Begin/ }).click();
  await expect(heading).toHaveText('Who is involved');
});

test('the iframe page in Spanish: ?lang=es', async ({ page: p }) => {
  await p.goto('/designed-alliance-frame.html?lang=es&namespace=frame-es');
  await expect(p).toHaveTitle('Diseñen su alianza');
  await expect(p.locator('html')).toHaveAttribute('lang', 'es');
  const widget = p.locator('designed-alliance');
  await expect(widget.getByRole('heading', { level: 2 })).toHaveText('Bienvenida');
  await expect(widget.locator('.da-kicker')).toHaveText(es.ui.widget_heading);
});

// Spanish is longer than English: every step at 1280 px and 375 px, light and dark, saved for a
// person to look at (target/screens/es-*), and checked for sideways scroll.
for (const width of [1280, 375]) {
  for (const scheme of ['light', 'dark'] as const) {
    test(`every step in Spanish at ${width} px, ${scheme}, saved as a screenshot, without sideways scroll`, async ({ page: p }) => {
      test.setTimeout(120_000);
      await p.setViewportSize({ width, height: width > 400 ? 900 : 812 });
      await p.emulateMedia({ colorScheme: scheme });
      const { widget, heading, errors } = await page(p, 'es');
      await expect(heading).toHaveText('Bienvenida');
      const file = await read('examples/team-and-stakeholder.json');
      await widget.locator('input[type="file"]').setInputFiles({ name: 'equipo.json', mimeType: 'application/json', buffer: Buffer.from(file) });
      await p.getByRole('dialog', { name: es.ui.import_title }).getByRole('button', { name: es.ui.import_replace }).click();
      await expect(heading).toHaveText(es.ui.step_review);
      const dir = new URL(`../../../target/screens/es-${width}-${scheme}/`, import.meta.url);
      await mkdir(dir, { recursive: true });
      for (const [i, step] of STEPS.entries()) {
        await goTo(widget, step);
        await p.evaluate(() => document.fonts.ready);
        const slug = step.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z]+/g, '-').replace(/^-|-$/g, '');
        await p.screenshot({ path: new URL(`${String(i + 1).padStart(2, '0')}-${slug}.png`, dir).pathname, fullPage: true });
        expect(await p.evaluate(() => document.documentElement.scrollWidth - innerWidth), `${step} scrolls sideways`).toBeLessThanOrEqual(0);
      }
      expect(errors).toEqual([]);
    });
  }
}
