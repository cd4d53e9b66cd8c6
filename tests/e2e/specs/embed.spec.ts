// Embedding as the README describes it today: examples/coaching-site/ (a coach's page with its
// own header, navigation and stylesheet) with the release folder uploaded beside it as
// designed-alliance/, served under /coach/.
import { test, expect, type Locator, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { letRoutesGo, SAVED, Wizard } from '../pages/wizard';

const example = (name: string) => new URL(`../../../examples/coaching-site/${name}`, import.meta.url);

// Parts are fetched ahead while the page is idle: requests still on their way through a test's
// routes when it ends are let go.
test.afterEach(letRoutesGo);

/** Serves the example under /coach/ (with `csp` as its Content-Security-Policy, if given), and
 *  the release folder as if uploaded to /coach/designed-alliance/. */
async function serveCoachSite(page: Page, baseURL: string, csp?: string) {
  await page.route('**/coach/**', async (route) => {
    const path = new URL(route.request().url()).pathname;
    if (path === '/coach/' || path === '/coach/site.css') {
      const [name, type] = path === '/coach/' ? ['index.html', 'text/html'] : ['site.css', 'text/css'];
      const headers: Record<string, string> = { 'content-type': type };
      if (csp) headers['content-security-policy'] = csp;
      await route.fulfill({ headers, body: await readFile(example(name)) });
      return;
    }
    const file = path.replace(/^\/coach\/designed-alliance\//, '/');
    if (file === path) {
      await route.fulfill({ status: 404, body: 'not found' });
      return;
    }
    await route.fulfill({ response: await route.fetch({ url: `${baseURL}${file}` }) });
  });
}

test('the coaching-site example embeds the release folder, themed, with its own storage namespace', async ({
  page,
  baseURL,
}) => {
  await serveCoachSite(page, baseURL!);
  const requested: URL[] = [];
  page.on('request', (r) => requested.push(new URL(r.url())));
  // A visitor in dark mode: the coach's site is light only and says so, and the widget follows.
  await page.emulateMedia({ colorScheme: 'dark' });

  const w = new Wizard(page);
  await w.goto('/coach/');
  await expect(w.widget).toHaveAttribute('data-da-page', 'light');
  await expect(w.widget.locator('.da-widget')).toHaveCSS('background-color', 'rgb(255, 255, 255)');
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  await w.field('What shall we call this alliance?').fill('Sam and Alex, spring 2027');
  await expect(w.saveStatus).toHaveText(SAVED);

  // The coach's colour reaches the widget through the documented custom property, even though
  // the coach's stylesheet comes first on the page.
  const accent = await w.widget.evaluate((el) => getComputedStyle(el).getPropertyValue('--da-accent').trim());
  expect(accent).toBe('#7a3e65');
  await expect(w.widget.locator('.da-button-primary').first()).toHaveCSS('background-color', 'rgb(122, 62, 101)');

  const keys = await page.evaluate(() => Object.keys(localStorage));
  expect(keys.length).toBeGreaterThan(0);
  for (const key of keys) expect(key.startsWith('designed-alliance:sam-rivera:')).toBe(true);
  // Every request went to the coach's own site, under /coach/: none to another host, none to
  // the site's root.
  const origin = new URL(baseURL!).origin;
  expect(requested.filter((u) => u.origin !== origin || !u.pathname.startsWith('/coach/'))).toEqual([]);
  expect(requested.map((u) => u.pathname)).toContain('/coach/designed-alliance/designed-alliance_bg.wasm');
  expect(w.errors).toEqual([]);
});

/** Counts the page's Content-Security-Policy violations, from before its first script runs. */
async function recordViolations(page: Page) {
  await page.addInitScript(() => {
    (window as any).__violations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as any).__violations.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  return () => page.evaluate(() => (window as any).__violations as string[]);
}

const STRICT = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

test('under a strict Content-Security-Policy the widget runs with no violation', async ({ page, baseURL }) => {
  await serveCoachSite(page, baseURL!, STRICT);
  const violations = await recordViolations(page);
  const w = new Wizard(page);
  await w.goto('/coach/');
  await w.field('What shall we call this alliance?').fill('Under a strict policy');
  await expect(w.saveStatus).toHaveText(SAVED);
  // Through the steps, a dialog and the menu: everything the widget builds, built under the policy.
  await w.next('The goal');
  await w.button('My drafts').click();
  await expect(w.widget.getByRole('dialog', { name: 'My drafts' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(w.widget.locator('.da-button-primary').first()).toHaveCSS('background-color', 'rgb(122, 62, 101)');
  expect(await violations()).toEqual([]);
  expect(w.errors).toEqual([]);
});

test('without wasm-unsafe-eval in the policy the widget says it cannot start, instead of an empty box', async ({
  page,
  baseURL,
}) => {
  await serveCoachSite(page, baseURL!, "default-src 'self'; script-src 'self'; style-src 'self'");
  const violations = await recordViolations(page);
  await page.goto('/coach/');
  const notice = page.locator('designed-alliance').getByRole('alert');
  await expect(notice.getByRole('paragraph')).toHaveText('This form could not start here. Please tell the owner of this website.');
  await expect(notice.getByRole('button', { name: 'Try again' })).toBeVisible();
  // What stopped it, as the browser reports it to the site's owner (and in its console).
  expect((await violations()).some((v) => v.startsWith('script-src'))).toBe(true);
});

for (const width of [375, 1280]) {
  test(`while the WebAssembly is on its way the element shows the form loading, at the height the form takes (${width} px)`, async ({ page, baseURL }) => {
    await page.setViewportSize({ width, height: 812 });
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await serveCoachSite(page, baseURL!, STRICT);
    // The main module waits until the test lets it through.
    await page.route('**/coach/designed-alliance/designed-alliance_bg.wasm', async (route) => {
      await held;
      await route.fallback();
    });
    const violations = await recordViolations(page);
    await page.goto('/coach/');
    const host = page.locator('designed-alliance');
    const loading = host.getByRole('status').filter({ hasText: 'Loading the form…' });
    await expect(loading).toBeVisible();
    // In the page's own colours (the widget's scheme is known only once it runs): no flash of
    // the other scheme.
    await expect(loading).toHaveCSS('background-color', 'rgba(0, 0, 0, 0)');
    const before = (await host.boundingBox())!.height;
    release();
    const w = new Wizard(page);
    await expect(w.stepHeading).toHaveText('Welcome');
    await expect(loading).toHaveCount(0);
    // What is below the form stays about where it was (the first screen is not of a fixed
    // height: within a tenth of it).
    const after = (await host.boundingBox())!.height;
    expect(Math.abs(after - before), `the form's place went from ${before} to ${after} px high`).toBeLessThan(0.1 * after);
    expect(await violations()).toEqual([]);
    // The preload's copy of the held module may still be on its way as the page closes.
    await page.unrouteAll({ behavior: 'ignoreErrors' });
  });
}

test('a form still loading after 15 seconds says so, in the page language, with a way to try again', async ({ page }) => {
  await page.clock.install();
  await page.route('**/designed-alliance_bg.wasm', () => {}); // never answered
  await page.route('**/slow/', (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><html lang="es"><head><meta charset="utf-8"><title>Lenta</title>
        <script type="module" src="/designed-alliance-start.js"></script></head>
        <body><main><designed-alliance></designed-alliance></main></body></html>`,
    }),
  );
  await page.goto('/slow/');
  const host = page.locator('designed-alliance');
  await expect(host.getByRole('status')).toHaveText('Cargando el formulario…');
  await page.clock.fastForward(15_000);
  const alert = host.getByRole('alert');
  await expect(alert).toContainText('está tardando más de lo normal');
  await page.unroute('**/designed-alliance_bg.wasm');
  await alert.getByRole('button', { name: 'Reintentar' }).click();
  await expect(host.getByRole('heading', { level: 2 })).toHaveText('Bienvenida');
});

test('the host page hears ready, step changed, draft saved, exported and agreed, with their details', async ({ page }) => {
  // Listened for on the document: the events bubble (and are composed, to cross shadow roots).
  await page.addInitScript(() => {
    (window as any).__events = [];
    for (const name of ['da-ready', 'da-step-changed', 'da-draft-saved', 'da-exported', 'da-agreed']) {
      document.addEventListener(name, (e) => {
        const ev = e as CustomEvent;
        (window as any).__events.push({ name, detail: ev.detail, bubbles: ev.bubbles, composed: ev.composed, from: (ev.target as Element).tagName });
      });
    }
  });
  const events = () => page.evaluate(() => (window as any).__events as { name: string; detail: any; bubbles: boolean; composed: boolean; from: string }[]);
  const named = async (name: string) => (await events()).filter((e) => e.name === name);

  const w = new Wizard(page);
  await w.goto();
  expect(await named('da-ready')).toEqual([{ name: 'da-ready', detail: { namespace: 'default' }, bubbles: true, composed: true, from: 'DESIGNED-ALLIANCE' }]);

  await w.field('What shall we call this alliance?').fill('Heard by the host');
  await expect.poll(async () => (await named('da-draft-saved')).length).toBeGreaterThan(0);
  expect((await named('da-draft-saved'))[0].detail.savedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);

  await w.next('The goal');
  // The welcome, then who is involved (the Wizard's goto begins), then the goal.
  expect((await named('da-step-changed')).map((e) => e.detail)).toEqual([{ step: 'beforeYouBegin' }, { step: 'goal' }]);

  await w.downloadJson();
  await expect.poll(async () => (await named('da-exported')).map((e) => e.detail)).toEqual([{ kind: 'json' }]);

  // An agreed alliance, opened; one agreement withdrawn and given again: agreed once more.
  const file = await readFile(new URL('../../../examples/coach-and-client.json', import.meta.url));
  await w.chooseFile({ name: 'coaching.json', mimeType: 'application/json', buffer: file });
  await w.importDialog.getByRole('button', { name: 'Open as a new draft' }).click();
  await expect(w.stepHeading).toHaveText('Review');
  await w.goToStep('Agreement');
  await w.iAm('Jordan');
  await w.press(w.button('Jordan: take back my agreement'));
  expect(await named('da-agreed')).toEqual([]);
  await w.press(w.button('Jordan: I agree'));
  await expect.poll(async () => (await named('da-agreed')).length).toBe(1);
  const agreed = (await named('da-agreed'))[0].detail;
  expect(agreed.format).toBe('designed-alliance');
  expect(agreed.alliance.title).toBe(JSON.parse(file.toString()).alliance.title);
  expect(agreed.alliance.status).toBe('agreed');
  expect(agreed.alliance.agreement.signatures).toHaveLength(2);
  expect(w.errors).toEqual([]);
});

test('the element has methods: exportJson, importJson (a promise, refusing bad text, changing nothing) and newAlliance', async ({ page }) => {
  // A host page may use them as soon as it hears the widget is ready.
  await page.addInitScript(() => {
    document.addEventListener('da-ready', (e) => {
      (window as any).__atReady = JSON.parse((e.target as any).exportJson()).format;
    });
  });
  const w = new Wizard(page);
  await w.goto();
  expect(await page.evaluate(() => (window as any).__atReady)).toBe('designed-alliance');
  const host = page.locator('designed-alliance');
  await w.field('What shall we call this alliance?').fill('Kept on screen');

  const exported = JSON.parse(await host.evaluate((el: any) => el.exportJson()));
  expect(exported.format).toBe('designed-alliance');
  expect(exported.alliance.title).toBe('Kept on screen');

  // Bad text: a promise rejected with a readable Error, and nothing changes.
  const refused = await host.evaluate(async (el: any) => {
    const reading = el.importJson('{"format": "something else"}');
    const isPromise = reading instanceof Promise;
    try {
      await reading;
      return null;
    } catch (e) {
      return { isPromise, isError: e instanceof Error, message: (e as Error).message };
    }
  });
  expect(refused).toEqual({ isPromise: true, isError: true, message: expect.stringContaining('not a designed alliance') });
  const notText = await host.evaluate(async (el: any) => {
    try {
      await el.importJson(42);
      return null;
    } catch (e) {
      return (e as Error).message;
    }
  });
  expect(notText).toBe('importJson needs the text of a designed alliance file.');
  await expect(w.field('What shall we call this alliance?')).toHaveValue('Kept on screen');

  // A real file opens as a new draft, at the review.
  const file = await readFile(new URL('../../../examples/partners-draft.json', import.meta.url), 'utf8');
  await host.evaluate((el: any, text) => el.importJson(text), file);
  await expect(w.stepHeading).toHaveText('Review');
  await expect(w.widget.locator('.da-title')).toHaveText(JSON.parse(file).alliance.title);

  // A new alliance (stored once something is typed); both earlier drafts stay in My drafts.
  await host.evaluate((el: any) => el.newAlliance());
  await expect(w.stepHeading).toHaveText('Welcome');
  await w.next('Who is involved');
  await expect(w.field('What shall we call this alliance?')).toHaveValue('');
  await w.button('My drafts').click();
  const list = w.widget.getByRole('dialog', { name: 'My drafts' }).getByRole('listitem');
  await expect(list).toHaveCount(2);
  await expect(list.filter({ hasText: 'Kept on screen' })).toHaveCount(1);
  await expect(list.filter({ hasText: JSON.parse(file).alliance.title })).toHaveCount(1);
  expect(w.errors).toEqual([]);
});

/** A page with two widgets given `attributes`, loaded through the start script. */
async function pageWith(page: Page, ...widgets: string[]) {
  await page.route('**/attributes/', (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Attributes</title>
        <link rel="preload" href="/main.css" as="style"><script type="module" src="/designed-alliance-start.js"></script></head>
        <body><main>${widgets.map((a) => `<designed-alliance ${a}></designed-alliance>`).join('')}</main></body></html>`,
    }),
  );
  const warnings: string[] = [];
  page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
  await page.goto('/attributes/');
  await expect(page.locator('designed-alliance').getByRole('heading', { level: 2 })).toHaveCount(widgets.length);
  return warnings;
}

test('relationship, title and theme attributes set up a new alliance and its colours', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  const warnings = await pageWith(page, 'namespace="one" relationship="team" title="  Platform team charter " theme="dark"', 'namespace="two" theme="light"');
  const [first, second] = [new Wizard(page, 'pointer', page.locator('designed-alliance').nth(0)), new Wizard(page, 'pointer', page.locator('designed-alliance').nth(1))];
  // Set up by the attributes, the alliance still opens with the welcome.
  await first.begin();
  await second.begin();
  await expect(first.field('What shall we call this alliance?')).toHaveValue('Platform team charter');
  await expect(first.field('What kind of relationship is this?')).toHaveValue('team');
  // The title attribute is taken off: it would be a tooltip over the whole form.
  await expect(first.widget).not.toHaveAttribute('title');
  const surface = (w: Wizard) => w.widget.evaluate((el) => getComputedStyle(el.shadowRoot!.querySelector('.da-widget')!).backgroundColor);
  expect(await surface(first)).toBe('rgb(22, 27, 33)');
  expect(await surface(second)).toBe('rgb(255, 255, 255)');
  // theme="light" stays light when the system is dark; no theme follows the system.
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await surface(second)).toBe('rgb(255, 255, 255)');
  await expect(second.field('What shall we call this alliance?')).toHaveValue('');
  expect(warnings).toEqual([]);
});

test('attribute values that cannot be used give a console warning and the default', async ({ page }) => {
  const warnings = await pageWith(page, 'namespace="coach page!" relationship="coachee" theme="purple"');
  const w = new Wizard(page);
  await w.begin();
  await expect(w.field('What kind of relationship is this?')).toHaveValue('');
  expect(warnings).toEqual([
    expect.stringContaining('namespace="coach page!" cannot be used'),
    expect.stringContaining('relationship="coachee" cannot be used; no kind is chosen'),
    expect.stringContaining('theme="purple" cannot be used; following the system'),
  ]);
  await w.field('What shall we call this alliance?').fill('Still works');
  await expect(w.saveStatus).toHaveText(SAVED);
  const keys = await page.evaluate(() => Object.keys(localStorage));
  for (const key of keys) expect(key.startsWith('designed-alliance:coach-page-:')).toBe(true);
  expect(w.errors).toEqual([]);
});

// ------------------------------------------------------------------ isolation, both ways

/** A host page that tries hard to restyle everything, the widget included. */
const HOSTILE_CSS = `
html { font-size: 10px; }
* {
  margin: 0 !important; padding: 0 !important; border: 0 !important; box-sizing: content-box !important;
  font-family: "Comic Sans MS", fantasy !important; font-size: 12px !important; font-weight: 900 !important;
  font-style: italic !important; line-height: 1 !important; letter-spacing: 3px !important; word-spacing: 9px !important;
  text-transform: uppercase !important; text-align: right !important; text-shadow: 1px 1px red !important;
  color: #f0f !important; background: yellow !important; visibility: visible !important;
}
button, input, textarea, select { all: unset !important; }
h2, label, [class^="da-"], [class*=" da-"] { display: none !important; color: red !important; }
.da-widget, .da-button, .da-input { visibility: hidden !important; }
`;

/** The same host page, with the hostile stylesheet or without, with the widget or without. Its
 *  own content uses the widget's class names, to show the widget's styles never reach it. */
async function hostPage(page: Page, { hostile, widget }: { hostile: boolean; widget: boolean }) {
  await page.route('**/host/**', async (route) => {
    const path = new URL(route.request().url()).pathname;
    if (path.endsWith('/hostile.css')) return route.fulfill({ contentType: 'text/css', body: HOSTILE_CSS });
    await route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host page</title>
        ${hostile ? '<link rel="stylesheet" href="/host/hostile.css">' : ''}
        ${widget ? '<script type="module" src="/designed-alliance-start.js"></script>' : ''}</head>
        <body><h1 id="h">A coach's page</h1><p id="p">Words of the coach, <a id="a" href="#">a link</a>.</p>
        <div id="w" class="da-widget">The coach's own box</div><button id="b" class="da-button da-button-primary">The coach's button</button>
        <designed-alliance namespace="host-test"></designed-alliance></body></html>`,
    });
  });
  await page.goto('/host/');
  if (widget) await expect(page.locator('designed-alliance').getByRole('heading', { level: 2 })).toHaveText('Welcome');
}

const PROPS = [
  'display', 'visibility', 'color', 'background-color', 'font-family', 'font-size', 'font-weight', 'font-style',
  'line-height', 'letter-spacing', 'word-spacing', 'text-transform', 'text-align', 'text-shadow',
  'padding-top', 'padding-left', 'margin-top', 'border-top-width', 'border-top-color', 'border-radius', 'box-sizing',
];

/** Computed styles of the host page's own elements. */
const hostStyles = (page: Page) =>
  page.evaluate((props) => {
    const out: Record<string, Record<string, string>> = {};
    for (const id of ['h', 'p', 'a', 'w', 'b']) {
      const style = getComputedStyle(document.getElementById(id)!);
      out[id] = Object.fromEntries(props.map((p) => [p, style.getPropertyValue(p)]));
    }
    return out;
  }, PROPS);

/** Computed styles of what the person reads and uses in the widget. */
const widgetStyles = (page: Page) =>
  page.evaluate((props) => {
    const root = document.querySelector('designed-alliance')!.shadowRoot!;
    const out: Record<string, Record<string, string>> = {};
    for (const sel of ['.da-widget', 'h2', 'label', '.da-help', 'input.da-input', 'select', '.da-button-primary', '.da-step-link']) {
      const el = root.querySelector(sel);
      if (!el) throw new Error(`${sel} is missing`);
      const style = getComputedStyle(el);
      out[sel] = Object.fromEntries(props.map((p) => [p, style.getPropertyValue(p)]));
    }
    return out;
  }, PROPS);

test("a hostile host stylesheet leaves the widget as it is, and the widget's styles never reach the host", async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  // The widget on a plain page: the reference.
  await hostPage(page, { hostile: false, widget: true });
  await new Wizard(page).begin();
  const reference = await widgetStyles(page);
  expect(reference['.da-widget']['font-size']).toBe('16px');
  expect(reference['h2']['display']).toBe('block');
  const plainWithWidget = await hostStyles(page);
  // The same page without the widget: the widget changed nothing of the host's.
  await hostPage(page, { hostile: false, widget: false });
  expect(await hostStyles(page)).toEqual(plainWithWidget);

  // The hostile page: its rules apply to its own elements, and not one reaches into the widget.
  await hostPage(page, { hostile: true, widget: false });
  const hostileAlone = await hostStyles(page);
  expect(hostileAlone['b']['color']).toBe('rgb(255, 0, 0)');
  await hostPage(page, { hostile: true, widget: true });
  await new Wizard(page).begin();
  expect(await hostStyles(page)).toEqual(hostileAlone);
  expect(await widgetStyles(page)).toEqual(reference);

  // And the person can still read and use it.
  const w = new Wizard(page);
  await expect(w.field('What shall we call this alliance?')).toBeVisible();
  await w.field('What shall we call this alliance?').fill('Readable anywhere');
  await expect(w.saveStatus).toHaveText(SAVED);
  await w.next('The goal');
  expect(w.errors).toEqual([]);
});

test('when its stylesheet cannot load, the widget still appears and works, plainly', async ({ page }) => {
  await page.route('**/main.css', (route) => route.fulfill({ status: 404, body: 'not found' }));
  const w = new Wizard(page);
  await pageWith(page, 'namespace="plain"');
  await w.begin();
  await expect(w.field('What shall we call this alliance?')).toBeVisible();
  await w.field('What shall we call this alliance?').fill('Without its styles');
  await expect(w.saveStatus).toHaveText(SAVED);
  await w.next('The goal');
  // The only errors are the browser's, about the missing stylesheet itself.
  expect(w.errors.length).toBeGreaterThan(0);
  expect(w.errors.filter((e) => !e.includes('404'))).toEqual([]);
});

test('a widget added to the page later starts by itself; moved, it keeps what was typed', async ({ page }) => {
  await pageWith(page, 'namespace="first"');
  await page.evaluate(() => {
    const late = document.createElement('designed-alliance');
    late.setAttribute('namespace', 'late');
    late.setAttribute('title', 'Added later');
    document.querySelector('main')!.append(late);
  });
  const late = new Wizard(page, 'pointer', page.locator('designed-alliance').nth(1));
  await late.begin();
  await expect(late.field('What shall we call this alliance?')).toHaveValue('Added later');
  await late.field('What shall we call this alliance?').fill('Added later, then moved');
  // Moved to the top of the page: the same widget, not a second one.
  await page.evaluate(() => document.querySelector('main')!.prepend(document.querySelectorAll('designed-alliance')[1]));
  const moved = new Wizard(page, 'pointer', page.locator('designed-alliance').nth(0));
  await expect(moved.field('What shall we call this alliance?')).toHaveValue('Added later, then moved');
  await expect(page.locator('designed-alliance').locator('.da-widget')).toHaveCount(2);
  expect(late.errors).toEqual([]);
});

// ------------------------------------------------------------------ the iframe page

const COACH = 'http://coach.test';
const WIDGET = 'http://widget.test';
const OTHER = 'http://other.test';

/** Three sites: the coach's page, which frames the widget from another origin (the release
 *  folder, its frame page naming the coach's origin as the coach is told to), and beside it a
 *  frame from a third origin that tries to drive the widget. */
async function framedSites(page: Page, baseURL: string) {
  const context = page.context();
  await context.route(`${WIDGET}/**`, async (route) => {
    const url = new URL(route.request().url());
    const response = await route.fetch({ url: `${baseURL}${url.pathname}` });
    if (url.pathname !== '/designed-alliance-frame.html') return route.fulfill({ response });
    const body = (await response.text()).replace(/(name="designed-alliance-parent" content=)""/, `$1"${COACH}"`);
    if (body.indexOf(COACH) < 0) throw new Error('the frame page has no designed-alliance-parent meta to fill in');
    // Served as the README advises: the strict policy, and framed only by the coach's page.
    const headers = { ...response.headers(), 'content-security-policy': `${STRICT}; frame-ancestors ${COACH}` };
    await route.fulfill({ response, body, headers });
  });
  await context.route(`${COACH}/**`, (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Coach</title></head><body>
        <iframe id="alliance" title="Design your alliance" height="4000" src="${WIDGET}/designed-alliance-frame.html?namespace=framed&title=Framed%20alliance"></iframe>
        <iframe id="other" title="Someone else" src="${OTHER}/"></iframe></body></html>`,
    }),
  );
  await context.route(`${OTHER}/**`, (route) =>
    route.fulfill({ contentType: 'text/html', body: '<!doctype html><html lang="en"><head><title>Other</title></head><body>other</body></html>' }),
  );
  // The coach's page keeps every message the frame sends it.
  await page.addInitScript(() => {
    if (location.origin !== 'http://coach.test') return;
    (window as any).__messages = [];
    addEventListener('message', (e) => (window as any).__messages.push({ origin: e.origin, data: e.data }));
  });
}

test('the iframe page talks to the origin the coach named, and ignores another origin', async ({ page, baseURL }) => {
  await framedSites(page, baseURL!);
  await recordViolations(page);
  await page.goto(`${COACH}/`);
  const messages = () => page.evaluate(() => (window as any).__messages as { origin: string; data: any }[]);
  const ofType = async (type: string) => (await messages()).filter((m) => m.data?.type === type);

  // Ready, with the attributes from the frame's address; and its height, to size the iframe.
  await expect.poll(async () => (await ofType('da-ready')).map((m) => [m.origin, m.data.detail])).toEqual([[WIDGET, { namespace: 'framed' }]]);
  await expect.poll(async () => (await ofType('da-resize')).at(-1)?.data.detail.height ?? 0).toBeGreaterThan(200);
  // The content's height, not the frame's (4000 px here): the coach's page can shrink it.
  const height = (await ofType('da-resize')).at(-1)!.data.detail.height;
  expect(height).toBeLessThan(4000);
  expect(height).toBe(await page.frameLocator('#alliance').locator('html').evaluate((html) => (html as HTMLElement).offsetHeight));
  const framed = new Wizard(page, 'pointer', page.frameLocator('#alliance').locator('designed-alliance'));
  await expect(framed.stepHeading).toHaveText('Welcome');
  await framed.next('Who is involved');
  await expect(framed.field('What shall we call this alliance?')).toHaveValue('Framed alliance');

  // The coach's page asks for the JSON and gets it.
  const ask = (request: object) => page.evaluate(([r, origin]) => (document.getElementById('alliance') as HTMLIFrameElement).contentWindow!.postMessage(r, origin), [request, WIDGET] as const);
  await ask({ type: 'exportJson', id: 1 });
  await expect.poll(async () => (await ofType('da-result')).length).toBe(1);
  const [exported] = await ofType('da-result');
  expect(exported.data.detail).toMatchObject({ id: 1, type: 'exportJson', ok: true });
  expect(JSON.parse(exported.data.detail.value).alliance.title).toBe('Framed alliance');

  // Another origin's request, even one that would open a file, is ignored. (Seen by a listener
  // the test adds in the frame after the frame's own: once it has seen the message, the frame's
  // own listener has already handled it.)
  const widgetFrame = page.frame({ url: /^http:\/\/widget\.test\// })!;
  await widgetFrame.evaluate(() => {
    (window as any).__seen = [];
    addEventListener('message', (e) => (window as any).__seen.push(e.origin));
  });
  const file = await readFile(new URL('../../../examples/partners-draft.json', import.meta.url), 'utf8');
  const other = page.frame({ url: /^http:\/\/other\.test\// })!;
  await other.evaluate((text) => {
    const widget = parent.frames[0];
    widget.postMessage({ type: 'importJson', id: 2, text }, '*');
    widget.postMessage({ type: 'newAlliance', id: 3 }, '*');
  }, file);
  await expect.poll(() => widgetFrame.evaluate(() => (window as any).__seen)).toEqual([OTHER, OTHER]);
  await expect(framed.field('What shall we call this alliance?')).toHaveValue('Framed alliance');
  await expect(framed.stepHeading).toHaveText('Who is involved');

  // The coach's own requests still work: bad text is refused with a readable error, then a
  // new alliance.
  await ask({ type: 'importJson', id: 4, text: 'not json' });
  await ask({ type: 'newAlliance', id: 5 });
  await expect.poll(async () => (await ofType('da-result')).map((m) => [m.data.detail.id, m.data.detail.ok])).toEqual([[1, true], [4, false], [5, true]]);
  expect((await ofType('da-result'))[1].data.detail.error).toContain('This file is not valid JSON (line 1, column 1');
  // The new alliance opens with the welcome, untitled.
  await expect(framed.stepHeading).toHaveText('Welcome');
  await expect(framed.widget.locator('.da-title')).toHaveText('Untitled alliance');
  // Nothing the frame sent went to another origin, and nothing answered the other origin.
  expect((await messages()).every((m) => m.origin === WIDGET && m.data.source === 'designed-alliance')).toBe(true);
  expect((await ofType('da-result')).map((m) => m.data.detail.id)).not.toContain(2);
  expect(await widgetFrame.evaluate(() => (window as any).__violations)).toEqual([]);
  expect(framed.errors).toEqual([]);
});

test('the iframe page takes the attributes from its address, also opened on its own', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  // Opened on its own, the browser asks the site for its icon (a coach's site has one).
  await page.route('**/favicon.ico', (route) => route.fulfill({ status: 204 }));
  await page.goto('/designed-alliance-frame.html?namespace=direct&theme=dark&relationship=family');
  const w = new Wizard(page);
  await w.begin();
  await expect(w.field('What kind of relationship is this?')).toHaveValue('family');
  await expect(w.widget).toHaveAttribute('namespace', 'direct');
  expect(await w.widget.evaluate((el) => getComputedStyle(el.shadowRoot!.querySelector('.da-widget')!).backgroundColor)).toBe('rgb(22, 27, 33)');
  // The page around the widget is dark as well.
  await expect(page.locator('meta[name=color-scheme]')).toHaveAttribute('content', 'dark');
  await w.field('What shall we call this alliance?').fill('Opened directly');
  await expect(w.saveStatus).toHaveText(SAVED);
  expect(await page.evaluate(() => Object.keys(localStorage).every((k) => k.startsWith('designed-alliance:direct:')))).toBe(true);
  expect(w.errors).toEqual([]);
});

/** Types `text` as the title of the widget in `host`, then at once (long before the pause that
 *  would save it) takes the element off the page: removed and kept, or replaced by a new one. */
function typeThen(host: Locator, text: string, then: 'remove' | 'replace') {
  return host.evaluate(
    async (el, [text, then]) => {
      const root = el.shadowRoot!;
      const label = [...root.querySelectorAll('label')].find((l) => l.textContent!.startsWith('What shall we call'))!;
      const field = root.querySelector<HTMLInputElement>(`#${label.htmlFor}`)!;
      field.value = text;
      field.dispatchEvent(new Event('input', { bubbles: true }));
      await Promise.resolve();
      if (then === 'remove') {
        (window as any).__kept = el;
        el.remove();
      } else {
        const fresh = document.createElement('designed-alliance');
        fresh.setAttribute('namespace', el.getAttribute('namespace')!);
        el.replaceWith(fresh);
      }
    },
    [text, then] as const,
  );
}

test('a widget taken off the page saves what was typed and stops; put back, it reopens the draft', async ({ page }) => {
  await pageWith(page, 'namespace="spa"');
  const w = new Wizard(page);
  await w.begin();
  const host = page.locator('designed-alliance');
  // Taken off (as a single-page site does when the visitor moves on).
  await typeThen(host, 'Typed just before leaving', 'remove');
  await expect.poll(() => storedTitles(page)).toEqual(['Typed just before leaving']);
  // Stopped: emptied, and its methods gone.
  const stopped = await page.evaluate(() => {
    const kept = (window as any).__kept;
    return { widget: !!kept.shadowRoot.querySelector('.da-widget'), method: typeof kept.exportJson };
  });
  expect(stopped).toEqual({ widget: false, method: 'undefined' });
  // Back on the page: the draft reopens, as after a reload.
  await page.evaluate(() => document.querySelector('main')!.append((window as any).__kept));
  await expect(w.field('What shall we call this alliance?')).toHaveValue('Typed just before leaving');
  await expect(page.locator('designed-alliance').locator('.da-widget')).toHaveCount(1);
  await w.field('What shall we call this alliance?').fill('And on from there');
  await expect.poll(() => storedTitles(page)).toEqual(['And on from there']);
  // Replaced by a new element in one go (as a page re-rendered by a framework): the new
  // one starts after the old one has saved, and shows the same draft.
  await typeThen(host, 'Typed just before the page re-rendered', 'replace');
  await expect(w.field('What shall we call this alliance?')).toHaveValue('Typed just before the page re-rendered');
  expect(await storedTitles(page)).toEqual(['Typed just before the page re-rendered']);
  expect(w.errors).toEqual([]);
});

/** Titles of the drafts stored in this page's storage. */
function storedTitles(page: Page) {
  return page.evaluate(() =>
    Object.keys(localStorage)
      .filter((k) => k.includes(':draft:'))
      .map((k) => JSON.parse(localStorage.getItem(k)!).file.alliance.title as string)
      .sort(),
  );
}
