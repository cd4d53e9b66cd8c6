// Drafts that never lose a word: every case of ../../../../shared/design/faults.md under
// "Storage faults", "Lifecycle" and "Concurrency", plus the drafts list.
//
// Waiting is always for a condition (a stored value, a visible text), never for a time.
import { test, expect, type Page, type Locator, type BrowserContext } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { readFile } from 'node:fs/promises';
import { letRoutesGo, SAVED, Wizard } from '../pages/wizard';

const PREFIX = 'designed-alliance:default:';
const TITLE = 'What shall we call this alliance?';

// Parts are fetched ahead while the page is idle: requests still on their way through a test's
// routes when it ends are let go.
test.afterEach(letRoutesGo);

/** Everything in the page's localStorage. */
async function storage(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => {
    const all: Record<string, string> = {};
    for (let i = 0; i < localStorage.length; i++) {
      const k = localStorage.key(i)!;
      all[k] = localStorage.getItem(k)!;
    }
    return all;
  });
}

/** The stored drafts of a namespace, decoded. */
async function drafts(page: Page, prefix = PREFIX): Promise<{ key: string; title: string; step: string; file: any }[]> {
  const all = await storage(page);
  const readable: any[] = [];
  for (const [key, v] of Object.entries(all)) {
    if (!key.startsWith(`${prefix}draft:`)) continue;
    try {
      const d = JSON.parse(v);
      if (d?.file?.alliance) readable.push({ key, ...d });
    } catch {
      // Not a draft the widget wrote: the tests that put it there check it separately.
    }
  }
  return readable;
}

/** The titles of the stored drafts of a namespace. */
async function storedTitles(page: Page, prefix = PREFIX): Promise<string[]> {
  return (await drafts(page, prefix)).map((d) => d.file.alliance.title).sort();
}

/** Types a title and waits until it is stored. */
async function typeTitle(w: Wizard, text: string, prefix = PREFIX) {
  await w.field(TITLE).fill(text);
  await expect.poll(() => storedTitles(w.page, prefix)).toContain(text);
}

/** The "My drafts" dialog, opened. */
async function openDrafts(w: Wizard): Promise<Locator> {
  await w.button('My drafts').click();
  const dialog = w.widget.getByRole('dialog', { name: 'My drafts' });
  await expect(dialog).toBeVisible();
  return dialog;
}

/** A page that loads the widget the way the demo page does, with other markup around it. */
function pageWith(body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Test page</title>
<link rel="stylesheet" href="/main.css">
<script type="module">import init from '/designed-alliance.js'; await init({ module_or_path: '/designed-alliance_bg.wasm' });</script>
</head><body><main>${body}</main></body></html>`;
}

async function serve(page: Page | BrowserContext, path: string, html: string) {
  await page.route(`**${path}`, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }));
}

/** Makes `setItem` throw a real QuotaExceededError while `window.__full` is true. */
const QUOTA = () => {
  const setItem = Storage.prototype.setItem;
  Storage.prototype.setItem = function (k: string, v: string) {
    if ((window as any).__full) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    return setItem.call(this, k, v);
  };
};

/** Loads the widget, saves `saved` as the title, then fills the storage and types `unsaved`:
 *  the widget now says it could not save. */
async function fullAfter(page: Page, saved: string, unsaved: string): Promise<Wizard> {
  await page.addInitScript(QUOTA);
  const w = new Wizard(page);
  await w.goto();
  await typeTitle(w, saved);
  await page.evaluate(() => ((window as any).__full = true));
  await w.field(TITLE).fill(unsaved);
  await expect(w.saveStatus).toHaveText('Not saved in this browser');
  return w;
}

/** Records every storage call, in order, in `window.__calls`. */
const RECORD = () => {
  const calls: string[] = ((window as any).__calls = []);
  for (const m of ['getItem', 'setItem', 'removeItem', 'clear'] as const) {
    const orig = (Storage.prototype as any)[m];
    (Storage.prototype as any)[m] = function (...args: unknown[]) {
      calls.push(`${m} ${args[0] ?? ''}`);
      return orig.apply(this, args);
    };
  }
};

// ------------------------------------------------------------------------------ lifecycle

test('reload right after typing keeps every character', async ({ page }) => {
  const w = new Wizard(page);
  await w.goto();
  const text = 'Ünïcode ✓ 🧭 עברית e\u0301 </script> "quotes" and a final word';
  await w.field(TITLE).pressSequentially(text);
  // No waiting for the pause before saving: the page goes away at once.
  await page.reload();
  await expect(w.field(TITLE)).toHaveValue(text);
  await expect(w.saveStatus).toHaveText(SAVED);
  expect(w.errors).toEqual([]);
});

test('a reopened draft resumes at the step where it was left', async ({ page, context }) => {
  const w = new Wizard(page);
  await w.goto();
  await w.field(TITLE).fill('Resume me');
  await w.next('The goal');
  await w.field('What are we trying to achieve together?').fill('Find our rhythm');
  await w.next('How we will measure it');
  await expect.poll(async () => (await drafts(page))[0]?.step).toBe('progress');
  await page.close();
  // Close and reopen: a new tab of the same browser.
  const again = new Wizard(await context.newPage());
  await again.page.goto('/index.html');
  await expect(again.stepHeading).toHaveText('How we will measure it');
  await again.goToStep('The goal');
  await expect(again.field('What are we trying to achieve together?')).toHaveValue('Find our rhythm');
});

test('saving happens at once on step change, blur, hiding the page and pagehide', async ({ page }) => {
  const w = new Wizard(page);
  await w.goto();
  await typeTitle(w, 'Start');
  // Each change is made and its moment triggered within one task, long before the pause
  // that would save it anyway: only the moment itself can have saved it.
  const saveBy = (trigger: string) =>
    page.evaluate(async (trigger) => {
      const host = document.querySelector('designed-alliance')!.shadowRoot!;
      const label = [...host.querySelectorAll('label')].find((l) => l.textContent!.startsWith('What shall we call'))!;
      const field = host.querySelector<HTMLInputElement>(`#${label.htmlFor}`)!;
      const stored = () => {
        const key = Object.keys(localStorage).find((k) => k.startsWith('designed-alliance:default:draft:'))!;
        return JSON.parse(localStorage.getItem(key)!).file.alliance.title as string;
      };
      field.focus();
      field.value = `Saved by ${trigger}`;
      field.dispatchEvent(new Event('input', { bubbles: true }));
      // Let the widget see the change (its effects run as microtasks).
      await Promise.resolve();
      await new Promise((r) => queueMicrotask(() => r(null)));
      const before = stored();
      if (trigger === 'blur') field.blur();
      if (trigger === 'pagehide') window.dispatchEvent(new PageTransitionEvent('pagehide'));
      if (trigger === 'hidden') {
        Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
        // As browsers fire it: at the document, bubbling (the widget listens on the window).
        document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));
        delete (document as any).visibilityState;
      }
      return { before, after: stored() };
    }, trigger);
  for (const trigger of ['blur', 'pagehide', 'hidden']) {
    const { before, after } = await saveBy(trigger);
    expect(before, `not saved before ${trigger}`).not.toBe(`Saved by ${trigger}`);
    expect(after, `saved by ${trigger}`).toBe(`Saved by ${trigger}`);
  }
  await w.field(TITLE).fill('Saved by step');
  await w.next('The goal');
  await expect.poll(async () => (await drafts(page))[0]).toMatchObject({ step: 'goal', title: 'Saved by step' });
});

test('nothing is written to a draft before it has been read, and an untouched page writes nothing', async ({ page }) => {
  await page.addInitScript(RECORD);
  const w = new Wizard(page);
  await w.goto();
  await expect(w.saveStatus).toHaveText('Your answers are saved in this browser as you type.');
  expect(await page.evaluate(() => (window as any).__calls.filter((c: string) => !c.startsWith('getItem')))).toEqual([]);
  await typeTitle(w, 'Written after reading');
  await page.reload();
  await expect(w.field(TITLE)).toHaveValue('Written after reading');
  await w.field(TITLE).fill('Changed after reading');
  await expect.poll(() => storedTitles(page)).toEqual(['Changed after reading']);
  const calls: string[] = await page.evaluate(() => (window as any).__calls);
  const key = (await drafts(page))[0].key;
  const firstRead = calls.indexOf(`getItem ${key}`);
  const firstWrite = calls.indexOf(`setItem ${key}`);
  expect(firstRead).toBeGreaterThanOrEqual(0);
  expect(firstWrite).toBeGreaterThan(firstRead);
  expect(calls.filter((c) => c.startsWith('clear'))).toEqual([]);
});

test('a renderer crash loses no more than the last pause before saving', async ({ page, context }) => {
  const w = new Wizard(page);
  await w.goto();
  await typeTitle(w, 'Typed before the crash');
  await expect(w.saveStatus).toHaveText(SAVED);
  await w.field(TITLE).pressSequentially(' and a few more');
  const cdp = await context.newCDPSession(page);
  const crashed = page.waitForEvent('crash');
  cdp.send('Page.crash').catch(() => {});
  await crashed;
  const again = new Wizard(await context.newPage());
  await again.page.goto('/index.html');
  await expect(again.field(TITLE)).toHaveValue(/^Typed before the crash/);
});

test('leaving and coming back with the back button keeps the draft', async ({ page }) => {
  await serve(page, '/elsewhere.html', '<!doctype html><title>Elsewhere</title><p>Another page of the site</p>');
  const w = new Wizard(page);
  await w.goto();
  await w.field(TITLE).fill('Before going elsewhere');
  await page.goto('/elsewhere.html');
  await page.goBack();
  await expect(w.field(TITLE)).toHaveValue('Before going elsewhere');
  // Still saving after coming back (from the back/forward cache or a fresh load).
  await typeTitle(w, 'After coming back');
  expect(w.errors).toEqual([]);
});

// -------------------------------------------------------------------------- storage faults

test('a full storage keeps the saved draft, says so, still exports, and recovers', async ({ page }) => {
  const w = await fullAfter(page, 'First version', 'Second version, kept on screen');
  const alert = w.widget.getByRole('alert');
  await expect(alert).toContainText('storage for this site is full');
  await expect(alert).toContainText('The last saved version is still there');
  expect(await storedTitles(page)).toEqual(['First version']);
  // Export works.
  const [download] = await Promise.all([page.waitForEvent('download'), alert.getByRole('button', { name: 'Download a copy (.json)' }).click()]);
  const file = JSON.parse(await readFile((await download.path())!, 'utf8'));
  expect(file.alliance.title).toBe('Second version, kept on screen');
  // Space again: the next change is saved, and the warning goes.
  await page.evaluate(() => ((window as any).__full = false));
  await typeTitle(w, 'Third version');
  await expect(w.saveStatus).toHaveText(SAVED);
  await expect(w.widget.getByRole('alert')).toHaveCount(0);
  expect(w.errors).toEqual([]);
});

for (const [name, getter] of [
  ['throws SecurityError', `() => { throw new DOMException('The operation is insecure.', 'SecurityError'); }`],
  ['returns null', '() => null'],
] as const) {
  test(`when the localStorage getter ${name}, the widget works in memory, says so, and resumes saving`, async ({ page }) => {
    await page.addInitScript(`
      window.__desc = Object.getOwnPropertyDescriptor(window, 'localStorage');
      Object.defineProperty(window, 'localStorage', { configurable: true, get: ${getter} });`);
    const w = new Wizard(page);
    await w.goto();
    await expect(w.saveStatus).toHaveText('Not saved in this browser');
    await expect(w.widget.getByRole('alert')).toContainText('not letting the form save your answers');
    await w.field(TITLE).fill('Only in memory');
    await w.next('The goal');
    await w.goToStep('Who is involved');
    await expect(w.field(TITLE)).toHaveValue('Only in memory');
    // The drafts list still works, and says where drafts live.
    const dialog = await openDrafts(w);
    await expect(dialog).toContainText('last only until this page is closed');
    await expect(dialog.getByRole('listitem')).toHaveCount(1);
    await expect(dialog.getByRole('listitem')).toContainText('Only in memory');
    await dialog.getByRole('button', { name: 'Close' }).click();
    // Storage works again: the next change is saved in the browser.
    await page.evaluate(() => Object.defineProperty(window, 'localStorage', (window as any).__desc));
    await typeTitle(w, 'Saved at last');
    await expect(w.saveStatus).toHaveText(SAVED);
    await expect(w.widget.getByRole('alert')).toHaveCount(0);
    expect(w.errors).toEqual([]);
  });
}

for (const width of [375, 1280]) {
  test(`at ${width} px, with storage refusing writes, the "Save or share" menu lies over the notice: every item can be clicked`, async ({ page }) => {
    await page.setViewportSize({ width, height: 800 });
    const w = await fullAfter(page, 'Saved once', 'Typed after the storage filled up');
    await expect(w.widget.locator('.da-notices .da-notice')).toBeVisible();
    const menu = await w.openMenu();
    const items = menu.getByRole('button');
    expect(await items.count()).toBeGreaterThan(4);
    // A trial click checks that the item itself, not something over it, would take the click.
    for (const item of await items.all()) await item.click({ trial: true, timeout: 2_000 });
    const [download] = await Promise.all([page.waitForEvent('download'), w.button('Download file (.json)', menu).click()]);
    expect(download.suggestedFilename()).toMatch(/\.json$/);
  });
}

test('in a sandboxed iframe the widget works without storage and says so', async ({ page }) => {
  // The frame's origin is opaque, so its requests for the widget's files are cross-origin.
  await page.route('**/*', async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, headers: { ...response.headers(), 'access-control-allow-origin': '*' } });
  });
  await serve(page, '/sandboxed.html', pageWith('<iframe sandbox="allow-scripts" src="/index.html" title="Alliance form" style="width:100%;height:900px"></iframe>'));
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/sandboxed.html');
  const w = new Wizard(page, 'pointer', page.frameLocator('iframe').locator('designed-alliance'));
  await expect(w.stepHeading).toHaveText('Welcome');
  await expect(w.saveStatus).toHaveText('Not saved in this browser');
  await w.next('Who is involved');
  await w.field(TITLE).fill('Typed in a sandbox');
  await expect(w.widget.locator('.da-title')).toHaveText('Typed in a sandbox');
  await expect(w.widget.getByRole('alert').getByRole('button', { name: 'Download a copy (.json)' })).toBeVisible();
  expect(errors).toEqual([]);
});

const example = JSON.parse(await readFile(new URL('../../../examples/coach-and-client.json', import.meta.url), 'utf8'));
const valid = JSON.stringify({
  format: 'designed-alliance-draft',
  draftVersion: 1,
  savedAt: '2026-11-01T10:00:00Z',
  writer: 'w1',
  sequence: 1,
  step: 'goal',
  title: 'A draft',
  progress: 10,
  file: { format: 'designed-alliance', schemaVersion: 1, exportedAt: '2026-11-01T10:00:00Z', alliance: { title: 'A draft' } },
});

for (const [name, raw, reason] of [
  ['corrupt', 'this is {not json', 'not valid JSON'],
  ['truncated', valid.slice(0, valid.length / 2), 'cut off'],
  ['of the wrong shape', JSON.stringify({ ...JSON.parse(valid), file: { ...example, alliance: { ...example.alliance, title: 5 } } }), 'alliance.title'],
  ['from a newer version', JSON.stringify({ format: 'designed-alliance-draft', draftVersion: 2, file: {} }), 'newer version'],
  ['very large', JSON.stringify({ format: 'something-else', padding: 'x'.repeat(3_000_000) }), 'not a draft'],
] as const) {
  test(`a stored draft that is ${name} is kept untouched, explained and offered for download`, async ({ page }) => {
    const w = new Wizard(page);
    await w.goto();
    const key = `${PREFIX}draft:dbroken`;
    await page.evaluate(([key, raw]) => {
      localStorage.setItem(key, raw);
      localStorage.setItem('designed-alliance:default:current', 'dbroken');
    }, [key, raw]);
    await page.reload();
    const alert = w.widget.getByRole('alert');
    await expect(alert).toContainText('A draft saved in this browser could not be opened');
    await expect(alert).toContainText(reason);
    // A new draft starts beside it (at the welcome); the stored value is never written over.
    await w.next('Who is involved');
    await expect(w.field(TITLE)).toHaveValue('');
    await typeTitle(w, 'A fresh start');
    expect((await storage(page))[key]).toBe(raw);
    const [download] = await Promise.all([page.waitForEvent('download'), alert.getByRole('button', { name: 'Download the unreadable draft' }).click()]);
    expect(await readFile((await download.path())!, 'utf8')).toBe(raw);
    const dialog = await openDrafts(w);
    await expect(dialog.getByRole('listitem').filter({ hasText: 'A draft that cannot be opened' })).toContainText(reason);
    expect(w.errors).toEqual([]);
  });
}

test('200 keys of the host page stay untouched and storage is never cleared', async ({ page }) => {
  await page.addInitScript(RECORD);
  const w = new Wizard(page);
  await w.goto();
  await page.evaluate(() => {
    for (let i = 0; i < 200; i++) localStorage.setItem(`host-site:setting:${i}`, `value ${i} ${'x'.repeat(i)}`);
    localStorage.setItem('designed-alliance:another-namespace:draft:d1', 'theirs');
  });
  const before = await storage(page);
  await page.reload();
  // Nothing was typed, so nothing was kept: the welcome again.
  await w.begin();
  await typeTitle(w, 'One');
  let dialog = await openDrafts(w);
  await dialog.getByRole('button', { name: 'Duplicate “One”' }).click();
  await dialog.getByRole('button', { name: 'Delete “One (copy)”' }).click();
  await dialog.getByRole('button', { name: 'Forget this browser…' }).click();
  await dialog.getByRole('button', { name: 'Remove all my drafts' }).click();
  await expect(dialog).toContainText('Every draft this form kept in this browser was removed');
  const after = await storage(page);
  for (const [k, v] of Object.entries(before)) expect(after[k], k).toBe(v);
  expect(Object.keys(after).filter((k) => k.startsWith(PREFIX))).toEqual([]);
  const calls: string[] = await page.evaluate(() => (window as any).__calls);
  expect(calls.filter((c) => c.startsWith('clear'))).toEqual([]);
  expect(calls.filter((c) => /^(setItem|removeItem) /.test(c) && !c.includes(' designed-alliance:default:'))).toEqual([]);
});

test('storage cleared by another tab while typing: the text stays and is saved again', async ({ page, context }) => {
  const w = new Wizard(page);
  await w.goto();
  await typeTitle(w, 'Do not lose me');
  await serve(context, '/logout.html', '<!doctype html><title>Logged out</title>');
  const other = await context.newPage();
  await other.goto('/logout.html');
  // The host site logs out in another tab.
  await other.evaluate(() => localStorage.clear());
  await expect.poll(() => storedTitles(page)).toEqual(['Do not lose me']);
  await expect(w.field(TITLE)).toHaveValue('Do not lose me');
  await typeTitle(w, 'Do not lose me, ever');
});

// ----------------------------------------------------------------------------- concurrency

test('two tabs on one draft: the other writer is noticed and the person chooses', async ({ page, context }) => {
  const a = new Wizard(page);
  await a.goto();
  await typeTitle(a, 'Written in tab A');
  const b = new Wizard(await context.newPage());
  await b.page.goto('/index.html');
  await expect(b.field(TITLE)).toHaveValue('Written in tab A');
  await typeTitle(b, 'Written in tab B');

  // Tab A hears of it, and saves nothing over it.
  const alert = a.widget.getByRole('alert');
  await expect(alert).toContainText('This draft was also changed somewhere else');
  await expect(a.saveStatus).toHaveText('Not saved: this draft changed elsewhere');
  await a.field(TITLE).fill('Tab A keeps typing');
  await a.page.evaluate(() => dispatchEvent(new PageTransitionEvent('pagehide')));
  expect(await storedTitles(page)).toEqual(['Written in tab B']);

  // A loads B's version (undoable).
  await alert.getByRole('button', { name: 'Load the other version' }).click();
  await expect(a.field(TITLE)).toHaveValue('Written in tab B');
  await expect(a.widget.getByRole('alert')).toHaveCount(0);
  await a.button('Undo').click();
  await expect(a.field(TITLE)).toHaveValue('Tab A keeps typing');
  await expect.poll(() => storedTitles(page)).toEqual(['Tab A keeps typing']);

  // Now B is behind: it keeps its own version on purpose.
  const balert = b.widget.getByRole('alert');
  await expect(balert).toContainText('This draft was also changed somewhere else');
  await balert.getByRole('button', { name: 'Keep what is on screen' }).click();
  await expect.poll(() => storedTitles(page)).toEqual(['Written in tab B']);
  await expect(b.saveStatus).toHaveText(SAVED);
});

test('two widgets with different namespaces on one page keep their drafts apart', async ({ page }) => {
  await serve(page, '/two.html', pageWith('<designed-alliance namespace="team-a"></designed-alliance><designed-alliance namespace="team-b"></designed-alliance>'));
  await page.goto('/two.html');
  const a = new Wizard(page, 'pointer', page.locator('designed-alliance[namespace=team-a]'));
  const b = new Wizard(page, 'pointer', page.locator('designed-alliance[namespace=team-b]'));
  await a.begin();
  await b.begin();
  await a.field(TITLE).fill('Alliance of team A');
  await b.field(TITLE).fill('Alliance of team B');
  await expect.poll(() => storedTitles(page, 'designed-alliance:team-a:')).toEqual(['Alliance of team A']);
  await expect.poll(() => storedTitles(page, 'designed-alliance:team-b:')).toEqual(['Alliance of team B']);
  await page.reload();
  await expect(a.field(TITLE)).toHaveValue('Alliance of team A');
  await expect(b.field(TITLE)).toHaveValue('Alliance of team B');
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('two widgets with the same namespace never write over each other', async ({ page }) => {
  await serve(page, '/same.html', pageWith('<designed-alliance id="one"></designed-alliance><designed-alliance id="two"></designed-alliance>'));
  await page.goto('/same.html');
  const one = new Wizard(page, 'pointer', page.locator('#one'));
  const two = new Wizard(page, 'pointer', page.locator('#two'));
  await one.begin();
  await typeTitle(one, 'First widget');
  await page.reload();
  // The first reopens the draft; the second does not open the same one again.
  await expect(one.field(TITLE)).toHaveValue('First widget');
  await two.begin();
  await expect(two.field(TITLE)).toHaveValue('');
  await typeTitle(two, 'Second widget');
  expect(await storedTitles(page)).toEqual(['First widget', 'Second widget']);
  // Opening the first widget's draft in the second as well: a change in one is noticed by
  // the other before it could write over it.
  const dialog = await openDrafts(two);
  await dialog.getByRole('button', { name: 'Open “First widget”' }).click();
  await expect(two.field(TITLE)).toHaveValue('First widget');
  await typeTitle(two, 'Changed by the second');
  await expect(one.widget.getByRole('alert')).toContainText('This draft was also changed somewhere else');
  await one.field(TITLE).fill('Changed by the first');
  await page.evaluate(() => dispatchEvent(new PageTransitionEvent('pagehide')));
  expect(await storedTitles(page)).toEqual(['Changed by the second', 'Second widget']);
});

// ------------------------------------------------------------------------------ performance

test('typing into a 50,000-character draft: no save blocks the page for 50 ms', async ({ page }) => {
  const w = new Wizard(page);
  await w.goto();
  await w.next('The goal');
  const why = w.field('Why does it matter?');
  const long = 'We keep our promises to each other. '.repeat(1390).slice(0, 49_990);
  await why.fill(long);
  await expect.poll(async () => (await drafts(page))[0]?.file.alliance.goal.why.length).toBe(49_990);
  // Each keystroke, then the save it causes, timed as the one task it runs in.
  const durations: number[] = [];
  for (const ch of 'abcdefghij') {
    await why.press('End');
    await why.pressSequentially(ch);
    durations.push(
      await page.evaluate(async () => {
        await Promise.resolve();
        const t0 = performance.now();
        dispatchEvent(new PageTransitionEvent('pagehide'));
        return performance.now() - t0;
      }),
    );
  }
  await expect.poll(async () => (await drafts(page))[0]?.file.alliance.goal.why.length).toBe(50_000);
  console.log(`save of a 50,000-character draft: ${durations.map((d) => d.toFixed(1)).join(', ')} ms`);
  for (const d of durations) expect(d).toBeLessThan(50);
});

// ------------------------------------------------------------------------------ the list

test('my drafts: new, open, rename, duplicate, delete with undo', async ({ page }) => {
  const w = new Wizard(page);
  await w.goto();
  await typeTitle(w, 'Coaching with Jordan');
  await w.next('The goal');
  let dialog = await openDrafts(w);
  await expect(dialog).toContainText('Some browsers remove');
  await expect(dialog).toContainText('download it as a file');
  await expect(dialog.getByRole('listitem')).toHaveCount(1);
  await expect(dialog.getByRole('listitem')).toContainText('Open now');

  // New.
  await dialog.getByRole('button', { name: 'Start a new draft' }).click();
  await expect(w.stepHeading).toHaveText('Welcome');
  await w.next('Who is involved');
  await expect(w.field(TITLE)).toHaveValue('');
  await typeTitle(w, 'Team charter');
  await w.choose(w.field('What kind of relationship is this?'), 'Team');

  // Open the first again: it resumes at its step.
  dialog = await openDrafts(w);
  await expect(dialog.getByRole('listitem')).toHaveCount(2);
  // Both may have been saved in the same second: their order is then by slot, so each is
  // found by its title.
  const team = dialog.getByRole('listitem').filter({ hasText: 'Team charter' });
  const details = team.locator('.da-draft-meta');
  await expect(details).toContainText('Team');
  // The time as the person's locale writes it (en-US here: 3:06 PM).
  await expect(details).toContainText(/Last saved at \d{1,2}:\d\d\s?[AP]M/);
  await expect(details).toContainText(/essentials \d+% done/);
  await dialog.getByRole('button', { name: 'Open “Coaching with Jordan”' }).click();
  await expect(dialog).toBeHidden();
  await expect(w.stepHeading).toHaveText('The goal');
  await expect(w.widget.locator('.da-title')).toHaveText('Coaching with Jordan');

  // Rename another draft, by keyboard.
  dialog = await openDrafts(w);
  await dialog.getByRole('button', { name: 'Rename “Team charter”' }).click();
  const name = dialog.getByLabel('New name for “Team charter”');
  await expect(name).toBeFocused();
  await name.fill('Team charter 2027');
  await name.press('Enter');
  await expect(dialog).toContainText('Name saved.');
  await expect(dialog.getByRole('button', { name: 'Rename “Team charter 2027”' })).toBeFocused();
  expect(await storedTitles(page)).toEqual(['Coaching with Jordan', 'Team charter 2027']);

  // Rename the open one: the screen follows.
  await dialog.getByRole('button', { name: 'Rename “Coaching with Jordan”' }).click();
  await dialog.getByLabel('New name for “Coaching with Jordan”').fill('Coaching, season two');
  await dialog.getByRole('button', { name: 'Save name' }).click();
  await expect(w.widget.locator('.da-title')).toHaveText('Coaching, season two');

  // Duplicate.
  await dialog.getByRole('button', { name: 'Duplicate “Team charter 2027”' }).click();
  await expect(dialog.getByRole('listitem')).toHaveCount(3);
  await expect(dialog.getByRole('button', { name: 'Open “Team charter 2027 (copy)”' })).toBeFocused();

  // Delete, then undo.
  await dialog.getByRole('button', { name: 'Delete “Team charter 2027”', exact: true }).click();
  await expect(dialog).toContainText('“Team charter 2027” was deleted.');
  await expect(dialog.getByRole('listitem')).toHaveCount(2);
  const undo = dialog.getByRole('button', { name: 'Undo delete' });
  await expect(undo).toBeFocused();
  await undo.click();
  await expect(dialog.getByRole('listitem')).toHaveCount(3);
  expect(await storedTitles(page)).toEqual(['Coaching, season two', 'Team charter 2027', 'Team charter 2027 (copy)']);

  // Escape closes the dialog and focus returns to the button that opened it.
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(w.button('My drafts')).toBeFocused();
  expect(w.errors).toEqual([]);
});

test('deleting the open draft starts a new one, and undo brings it back to the list', async ({ page }) => {
  const w = new Wizard(page);
  await w.goto();
  await typeTitle(w, 'Short-lived');
  const dialog = await openDrafts(w);
  await dialog.getByRole('button', { name: 'Delete “Short-lived”' }).click();
  // A new, untitled alliance starts at the welcome, behind the dialog.
  await expect(w.widget.locator('.da-step-heading')).toHaveText('Welcome');
  await expect(w.widget.locator('.da-title')).toHaveText('Untitled alliance');
  expect(await storedTitles(page)).toEqual([]);
  await dialog.getByRole('button', { name: 'Undo delete' }).click();
  await dialog.getByRole('button', { name: 'Open “Short-lived”' }).click();
  await expect(w.field(TITLE)).toHaveValue('Short-lived');
});

test('importing a file opens it as a new draft and keeps the one on screen', async ({ page }) => {
  const w = new Wizard(page);
  await w.goto();
  await typeTitle(w, 'Work in progress');
  const file = await readFile(new URL('../../../examples/coach-and-client.json', import.meta.url));
  await w.chooseFile({ name: 'coaching.json', mimeType: 'application/json', buffer: file });
  await expect(w.importDialog).toContainText('The one you are working on stays in My drafts');
  await w.importDialog.getByRole('button', { name: 'Open as a new draft' }).click();
  await expect(w.stepHeading).toHaveText('Review');
  const imported = JSON.parse(file.toString('utf8')).alliance.title;
  await expect.poll(() => storedTitles(page)).toEqual([imported, 'Work in progress'].sort());
});

test('the drafts dialog and the storage notices have no accessibility violations', async ({ page }) => {
  const w = await fullAfter(page, 'Accessible', 'Accessible, not saved');
  const notice = await new AxeBuilder({ page }).include('designed-alliance').analyze();
  expect(notice.violations).toEqual([]);
  await page.evaluate(() => ((window as any).__full = false));
  const dialog = await openDrafts(w);
  await dialog.getByRole('button', { name: 'Forget this browser…' }).click();
  const result = await new AxeBuilder({ page }).include('designed-alliance').analyze();
  expect(result.violations).toEqual([]);
});
