// The widget in parts: what a first visit needs loads first; the rest (the review, agreement and
// finish, the dialogs, the exports) is fetched once the browser is idle, or when first used. A
// part that cannot be fetched stops nothing and loses nothing.
import { test, expect, type Page } from '@playwright/test';
import { Wizard, SAVED } from '../pages/wizard';

const PARTS = /\/(split|chunk)_[^/]*\.wasm$/;
const TITLE = 'What shall we call this alliance?';

/** Every part the page asked for, by file name. */
function partsRequested(page: Page): string[] {
  const asked: string[] = [];
  page.on('request', (r) => {
    if (PARTS.test(new URL(r.url()).pathname)) asked.push(new URL(r.url()).pathname.slice(1));
  });
  return asked;
}

/** The console errors the part loader writes when a part cannot be fetched (and only those). */
function otherErrors(w: Wizard): string[] {
  return w.errors.filter((e) => !/Failed to fetch|Failed to load resource|net::ERR_FAILED|NetworkError|Load failed/.test(e));
}

test('the first screen needs none of the parts; they are fetched ahead once the page is idle', async ({ page }) => {
  await page.addInitScript(() => {
    document.addEventListener('da-ready', () => ((window as any).__ready = performance.now()));
  });
  const asked = partsRequested(page);
  const w = new Wizard(page);
  await page.goto('/index.html');
  await expect(w.stepHeading).toHaveText('Welcome');
  // Fetched ahead while nothing happens, the essential steps after the first, then the review's,
  // and only after the widget was up.
  await expect.poll(() => asked.filter((p) => p.startsWith('split_')).length, { timeout: 15_000 }).toBeGreaterThanOrEqual(5);
  expect(asked.filter((p) => p.startsWith('split_')).slice(0, 2).map((p) => p.split('.')[0])).toEqual(['split_essentials', 'split_closing']);
  const timing = await page.evaluate(() => ({
    ready: (window as any).__ready as number,
    parts: performance
      .getEntriesByType('resource')
      .filter((e) => /\/(split|chunk)_/.test(e.name))
      .map((e) => e.startTime),
  }));
  expect(timing.ready).toBeGreaterThan(0);
  expect(timing.parts.length).toBeGreaterThanOrEqual(5);
  for (const start of timing.parts) expect(start).toBeGreaterThan(timing.ready);
  // Already here: the goal and the review show at once.
  await w.begin();
  await w.goToStep('The goal');
  await expect(w.field('What are we trying to achieve together?')).toBeVisible();
  await w.goToStep('Review');
  await expect(w.widget.locator('.da-doc')).toBeVisible();
  expect(w.errors).toEqual([]);
});

test('a part that cannot be fetched says so in its place, stops nothing, and loads with "Try again"', async ({ page }) => {
  await page.route(PARTS, (route) => route.abort());
  const w = new Wizard(page);
  await w.goto();
  await w.fill(w.field(TITLE), 'Offline for a moment');
  await expect(w.saveStatus).toHaveText(SAVED);

  // The review's part cannot be fetched: said where the review would be.
  await w.goToStep('Review');
  const missing = w.widget.getByRole('alert').filter({ hasText: 'could not be loaded' });
  await expect(missing).toContainText('This part of the form could not be loaded');
  await expect(missing).toContainText('Everything you typed is still here.');
  await expect(w.stepHeading).toHaveText('Review');

  // Everything else goes on: another step, typing, saving.
  await w.goToStep('Who is involved');
  await expect(w.field(TITLE)).toHaveValue('Offline for a moment');
  await w.fill(w.field(TITLE), 'Offline for a moment, and still typing');
  await expect(w.saveStatus).toHaveText(SAVED);
  await expect(w.widget.locator('.da-title')).toHaveText('Offline for a moment, and still typing');

  // A dialog whose part cannot be fetched says so inside it, and closes with Escape or with
  // its own "Close" (a phone has no Escape key).
  await w.press(w.button('My drafts'));
  const drafts = page.getByRole('dialog', { name: 'My drafts' });
  await expect(drafts.getByRole('alert')).toContainText('could not be loaded');
  await page.keyboard.press('Escape');
  await expect(drafts).toBeHidden();
  await w.press(w.button('My drafts'));
  await w.press(drafts.getByRole('alert').getByRole('button', { name: 'Close' }));
  await expect(drafts).toBeHidden();

  // "Try again" while still offline: said again, and focus stays on "Try again", not the page.
  await w.goToStep('Review');
  await expect(missing).toBeVisible();
  await w.press(missing.getByRole('button', { name: 'Try again' }));
  await expect(missing.getByRole('button', { name: 'Try again' })).toBeFocused();

  // The connection is back: "Try again" loads the part where it is, and focus is in it.
  await page.unroute(PARTS);
  await w.press(missing.getByRole('button', { name: 'Try again' }));
  await expect(missing).toHaveCount(0);
  await expect(w.widget.locator('.da-doc')).toContainText('Offline for a moment, and still typing');
  await expect(w.widget.locator('.da-part:has(.da-doc)')).toBeFocused();
  expect(otherErrors(w)).toEqual([]);
});

test('an export whose part cannot be fetched says so, and works once it can be', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.route(PARTS, (route) => route.abort());
  const w = new Wizard(page);
  await w.goto();
  await w.fill(w.field(TITLE), 'Copied later');
  const menu = await w.openMenu();
  await w.press(w.button('Copy as Markdown', menu));
  await expect(w.status).toHaveText(
    'Nothing was copied, downloaded or printed: the part of the form that does it could not be loaded (the connection may have dropped). Try again in a moment.',
  );
  await page.unroute(PARTS);
  const again = await w.openMenu();
  await w.press(w.button('Copy as Markdown', again));
  await expect(w.status).toContainText('Copied as Markdown.');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toContain('Copied later');
  expect(otherErrors(w)).toEqual([]);
});

test('a part on its way says "Loading…" after a moment, and shows when it comes', async ({ page }) => {
  // The parts are held back (not refused) until released, as on a slow connection.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(PARTS, async (route) => {
    await held;
    await route.continue();
  });
  const w = new Wizard(page);
  await w.goto();
  await w.press(w.button('My drafts'));
  const drafts = page.getByRole('dialog', { name: 'My drafts' });
  await expect(drafts.getByText('Loading…')).toBeVisible();
  await expect(drafts.locator('.da-part')).toHaveAttribute('aria-busy', 'true');
  release();
  await expect(drafts.getByText('Loading…')).toHaveCount(0);
  await expect(drafts.locator('.da-part')).not.toHaveAttribute('aria-busy', /.*/);
  await expect(drafts.getByRole('button', { name: 'Forget this browser…' })).toBeVisible();
  expect(w.errors).toEqual([]);
});

test('a link that cannot be read for want of its part is not lost: it is back in the address bar; a reload offers it', async ({
  page,
}) => {
  const { deflateSync } = await import('node:zlib');
  const { readFile } = await import('node:fs/promises');
  const file = await readFile(new URL('../../../examples/coach-and-client.json', import.meta.url));
  const link = `/index.html#alliance-v1=${deflateSync(file).toString('base64url')}`;
  await page.route(PARTS, (route) => route.abort());
  const w = new Wizard(page);
  await page.goto(link);
  // The link's reader is a part (with the preview it leads to): refused, it says so…
  const error = w.widget.locator('.da-notice-error');
  await expect(error).toContainText('The link could not be opened');
  await expect(error).toContainText(
    'This page could not load what it needs to open the link (the connection may have dropped). Your link is not lost: it is still in the address bar, so reloading the page tries again.',
  );
  await expect(error).toContainText('Nothing was changed.');
  // …and the link, taken out of the address bar to be read, is given back.
  expect(page.url()).toContain('#alliance-v1=');
  await expect(w.stepHeading).toHaveText('Welcome');
  await page.unroute(PARTS);
  await page.reload();
  const preview = page.getByRole('dialog', { name: 'Open this alliance?' });
  await expect(preview.locator('.da-preview')).toContainText('Priya');
  expect(page.url()).not.toContain('#alliance-v1=');
  expect(otherErrors(w)).toEqual([]);
});

test('a file that cannot be read for want of its part changes nothing and says so, and opens once the part can be fetched', async ({ page }) => {
  await page.route(PARTS, (route) => route.abort());
  const w = new Wizard(page);
  await page.goto('/index.html');
  await expect(w.stepHeading).toHaveText('Welcome');
  const { readFile } = await import('node:fs/promises');
  const file = await readFile(new URL('../../../examples/coach-and-client.json', import.meta.url));
  const choose = () => w.chooseFile({ name: 'coach-and-client.json', mimeType: 'application/json', buffer: file });
  await choose();
  const error = w.widget.locator('.da-notice-error');
  await expect(error).toContainText(
    'The alliance could not be read: the part of the form that reads it could not be loaded (the connection may have dropped). Nothing has changed here; try again in a moment.',
  );
  await expect(w.importDialog).toBeHidden();
  await expect(w.stepHeading).toHaveText('Welcome');
  // Once the part arrives, the same file is read and offered.
  await page.unroute(PARTS);
  await choose();
  await expect(w.importDialog.locator('.da-preview')).toContainText(JSON.parse(file.toString()).alliance.title);
  await expect(error).toBeHidden();
  expect(otherErrors(w)).toEqual([]);
});

test('a stored draft whose alliance does not read is mentioned at once, and said in full when the part that reads it closely arrives', async ({ page }) => {
  const { readFile } = await import('node:fs/promises');
  const example = JSON.parse(await readFile(new URL('../../../examples/coach-and-client.json', import.meta.url), 'utf8'));
  const raw = JSON.stringify({
    format: 'designed-alliance-draft', draftVersion: 1, savedAt: '2026-11-01T10:00:00Z', writer: 'w1', sequence: 1,
    step: 'goal', title: 'A draft', progress: 10,
    file: { ...example, alliance: { ...example.alliance, title: 5 } },
  });
  await page.route(PARTS, (route) => route.abort());
  await page.addInitScript((raw) => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem('designed-alliance:default:draft:dbroken', raw);
      localStorage.setItem('designed-alliance:default:current', 'dbroken');
      sessionStorage.setItem('seeded', '1');
    }
  }, raw);
  const w = new Wizard(page);
  await page.goto('/index.html');
  // Without the part: what can be said at once, and the draft is kept for download.
  const alert = w.widget.getByRole('alert');
  await expect(alert).toContainText(
    'A draft saved in this browser could not be opened: the alliance in it is not one this widget can read. It is left exactly as it was.',
  );
  await expect(alert.getByRole('button', { name: 'Download the unreadable draft' })).toBeVisible();
  // With it: where and what.
  await page.unroute(PARTS);
  await page.reload();
  await expect(alert).toContainText('alliance.title');
  expect(await page.evaluate(() => localStorage.getItem('designed-alliance:default:draft:dbroken'))).toBe(raw);
  expect(otherErrors(w)).toEqual([]);
});

test('every file has its .br and .gz copy, and a host serving them as it finds them serves the widget whole', async ({ browser }) => {
  const { spawn } = await import('node:child_process');
  const { readdir, readFile } = await import('node:fs/promises');
  const { brotliDecompressSync, gunzipSync } = await import('node:zlib');
  const site = new URL('../../../target/site/', import.meta.url).pathname;
  const files = (await readdir(site, { recursive: true })).filter((f) => /\.(html|js|css|wasm|json|svg)$/.test(f));
  expect(files.length).toBeGreaterThan(20);
  for (const f of files) {
    const bytes = await readFile(site + f);
    expect(brotliDecompressSync(await readFile(`${site}${f}.br`)).equals(bytes), `${f}.br`).toBe(true);
    expect(gunzipSync(await readFile(`${site}${f}.gz`)).equals(bytes), `${f}.gz`).toBe(true);
  }
  // make serve's way: the compressed copies, as nginx's gzip_static and brotli_static send them.
  const port = 4290 + Math.floor(Math.random() * 100);
  const server = spawn('node', [new URL('../serve.mjs', import.meta.url).pathname, '--root', site, '--port', String(port), '--precompressed', '1'], { stdio: 'ignore' });
  try {
    const base = `http://127.0.0.1:${port}`;
    await expect.poll(async () => (await fetch(`${base}/index.html`).catch(() => null))?.ok ?? false).toBe(true);
    const context = await browser.newContext();
    const page = await context.newPage();
    const encodings: string[] = [];
    page.on('response', (r) => {
      if (r.url().endsWith('.wasm')) encodings.push(r.headers()['content-encoding'] ?? 'none');
    });
    const w = new Wizard(page);
    await page.goto(`${base}/index.html`);
    await expect(w.stepHeading).toHaveText('Welcome');
    await w.begin();
    await w.goToStep('Review');
    await expect(w.widget.locator('.da-doc')).toBeVisible();
    expect(encodings.length).toBeGreaterThan(1);
    expect(new Set(encodings)).toEqual(new Set(['br']));
    expect(w.errors).toEqual([]);
    await context.close();
  } finally {
    server.kill();
  }
});
