// Embedding as the README describes it today: examples/coaching-site/ (a coach's page with its
// own header, navigation and stylesheet) with the release folder uploaded beside it as
// designed-alliance/, served under /coach/.
import { test, expect, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { Wizard } from '../pages/wizard';

const example = (name: string) => new URL(`../../../examples/coaching-site/${name}`, import.meta.url);

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

  const w = new Wizard(page);
  await w.goto('/coach/');
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  await w.field('What shall we call this alliance?').fill('Sam and Alex, spring 2027');
  await expect(w.saveStatus).toHaveText(/^Saved in this browser at \d\d:\d\d$/);

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
  await expect(w.saveStatus).toHaveText(/^Saved in this browser at \d\d:\d\d$/);
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
  await expect(notice).toHaveText('This form could not start here. Please tell the owner of this website.');
  // What stopped it, as the browser reports it to the site's owner (and in its console).
  expect((await violations()).some((v) => v.startsWith('script-src'))).toBe(true);
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
  expect((await named('da-step-changed')).map((e) => e.detail)).toEqual([{ step: 'goal' }]);

  await w.downloadJson();
  await expect.poll(async () => (await named('da-exported')).map((e) => e.detail)).toEqual([{ kind: 'json' }]);

  // An agreed alliance, opened; one agreement withdrawn and given again: agreed once more.
  const file = await readFile(new URL('../../../examples/coach-and-client.json', import.meta.url));
  await w.chooseFile({ name: 'coaching.json', mimeType: 'application/json', buffer: file });
  await w.importDialog.getByRole('button', { name: 'Open as a new draft' }).click();
  await expect(w.stepHeading).toHaveText('Review');
  await w.goToStep('Agreement');
  await w.press(w.button("Withdraw Jordan's agreement"));
  expect(await named('da-agreed')).toEqual([]);
  await w.press(w.button('I, Jordan, agree to this alliance'));
  await expect.poll(async () => (await named('da-agreed')).length).toBe(1);
  const agreed = (await named('da-agreed'))[0].detail;
  expect(agreed.format).toBe('designed-alliance');
  expect(agreed.alliance.title).toBe(JSON.parse(file.toString()).alliance.title);
  expect(agreed.alliance.status).toBe('agreed');
  expect(agreed.alliance.agreement.signatures).toHaveLength(2);
  expect(w.errors).toEqual([]);
});

test('the element has methods: exportJson, importJson (refusing bad text, changing nothing) and newAlliance', async ({ page }) => {
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

  // Bad text: a readable Error, and nothing changes.
  const refused = await host.evaluate((el: any) => {
    try {
      el.importJson('{"format": "something else"}');
      return null;
    } catch (e) {
      return { isError: e instanceof Error, message: (e as Error).message };
    }
  });
  expect(refused).toEqual({ isError: true, message: expect.stringContaining('not a designed alliance') });
  const notText = await host.evaluate((el: any) => {
    try {
      el.importJson(42);
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
  await expect(w.stepHeading).toHaveText('Before you begin');
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
        <link rel="stylesheet" href="/main.css"><script type="module" src="/designed-alliance-start.js"></script></head>
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
  await expect(first.field('What shall we call this alliance?')).toHaveValue('Platform team charter');
  await expect(first.field('What kind of relationship is this?')).toHaveValue('team');
  // The title attribute is taken off: it would be a tooltip over the whole form.
  await expect(first.widget).not.toHaveAttribute('title');
  const surface = (w: Wizard) => w.widget.evaluate((el) => getComputedStyle(el).getPropertyValue('--da-surface').trim());
  expect(await surface(first)).toBe('#161b21');
  expect(await surface(second)).toBe('#fff');
  // theme="light" stays light when the system is dark; no theme follows the system.
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await surface(second)).toBe('#fff');
  await expect(second.field('What shall we call this alliance?')).toHaveValue('');
  expect(warnings).toEqual([]);
});

test('attribute values that cannot be used give a console warning and the default', async ({ page }) => {
  const warnings = await pageWith(page, 'namespace="coach page!" relationship="coachee" theme="purple"');
  const w = new Wizard(page);
  await expect(w.field('What kind of relationship is this?')).toHaveValue('');
  expect(warnings).toEqual([
    expect.stringContaining('namespace="coach page!" cannot be used'),
    expect.stringContaining('relationship="coachee" cannot be used; no kind is chosen'),
    expect.stringContaining('theme="purple" cannot be used; following the system'),
  ]);
  await w.field('What shall we call this alliance?').fill('Still works');
  await expect(w.saveStatus).toHaveText(/^Saved in this browser at \d\d:\d\d$/);
  const keys = await page.evaluate(() => Object.keys(localStorage));
  for (const key of keys) expect(key.startsWith('designed-alliance:coach-page-:')).toBe(true);
  expect(w.errors).toEqual([]);
});
