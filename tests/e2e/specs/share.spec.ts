import { test, expect, type Page, type BrowserContext } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { mkdir, readFile } from 'node:fs/promises';
import { deflateSync } from 'node:zlib';
import { randomBytes } from 'node:crypto';
import { Wizard } from '../pages/wizard';

const example = await readFile(new URL('../../../examples/coach-and-client.json', import.meta.url));
const file = JSON.parse(example.toString());

/** Every request a context makes, with its body: what left the browser. */
function recordRequests(context: BrowserContext): string[] {
  const sent: string[] = [];
  context.on('request', (r) => sent.push(`${r.url()}\n${r.postData() ?? ''}`));
  return sent;
}

function linkData(json: unknown): string {
  return deflateSync(Buffer.from(JSON.stringify(json))).toString('base64url');
}

async function exported(w: Wizard): Promise<any> {
  return JSON.parse(await w.widget.evaluate((el: any) => el.exportJson()));
}

async function openExample(w: Wizard) {
  await w.goto();
  await w.chooseFile({ name: 'coaching.json', mimeType: 'application/json', buffer: example });
  await w.importDialog.getByRole('button', { name: 'Open as a new draft' }).click();
  await expect(w.importDialog).toBeHidden();
}

function shareDialog(page: Page) {
  return page.getByRole('dialog', { name: 'Share a link' });
}

test('a link carries the alliance to another browser unchanged, and no request carries it', async ({ browser, baseURL }) => {
  // Priya's browser: the alliance, shared as a link.
  const mine = await browser.newContext();
  const sentByMine = recordRequests(mine);
  const w = new Wizard(await mine.newPage());
  await openExample(w);
  const menu = await w.openMenu();
  await w.press(w.button('Share a link…', menu));
  const dialog = shareDialog(w.page);
  await expect(dialog).toContainText('never send that part to any server');
  const field = dialog.getByLabel('Link to this alliance');
  await expect(field).toHaveValue(/#alliance-v1=/);
  const link = await field.inputValue();
  expect(link.startsWith(`${baseURL}/index.html#alliance-v1=`)).toBe(true);
  expect(link.length).toBeLessThan(16_000);
  const data = link.split('#alliance-v1=')[1];
  expect(data).toMatch(/^[A-Za-z0-9_-]+$/);
  await w.press(dialog.getByRole('button', { name: 'Close' }));
  await expect(dialog).toBeHidden();

  // Jordan's browser: a new context, nothing stored. The link opens the preview.
  const theirs = await browser.newContext();
  const sentByTheirs = recordRequests(theirs);
  const page = await theirs.newPage();
  const j = new Wizard(page);
  await page.goto(link);
  await expect(j.importDialog).toBeVisible();
  await expect(j.importDialog).toContainText(file.alliance.title);
  await expect(j.importDialog).toContainText('Priya, Jordan');
  // The fragment has left the address bar: a reload or a screenshot does not carry it.
  expect(page.url()).toBe(`${baseURL}/index.html`);
  await j.importDialog.getByRole('button', { name: 'Open as a new draft' }).click();
  await expect(j.stepHeading).toHaveText('Review');
  expect((await exported(j)).alliance).toEqual(file.alliance);

  // Nothing of the alliance left either browser: not the data, not a word of it.
  for (const sent of [...sentByMine, ...sentByTheirs]) {
    expect(sent).not.toContain(data.slice(0, 40));
    expect(sent).not.toContain('skip-level');
    expect(sent).not.toContain('alliance-v1');
  }
  expect(j.errors).toEqual([]);
  await mine.close();
  await theirs.close();
});

test('a link that is damaged, cut, or unpacks into too much is refused in plain words', async ({ page }) => {
  const w = new Wizard(page);
  const good = linkData(file);
  const cases: [string, string][] = [
    // A character changed in the middle: the checksum fails.
    [good.slice(0, 200) + (good[200] === 'A' ? 'B' : 'A') + good.slice(201), 'This link is damaged'],
    // Cut short, as chat apps do.
    [good.slice(0, Math.floor(good.length / 2)), 'This link is damaged'],
    // Characters a link of ours never has.
    ['not*a*link', 'This link is damaged'],
    // 64 MB of spaces packed into a few kilobytes: unpacking stops at the limit.
    [deflateSync(Buffer.alloc(64 * 1024 * 1024, 0x20), { level: 9 }).toString('base64url'), 'unpacks to more than 1024 KB'],
    // Unpacks fine, but is not an alliance: the file's own checks.
    [linkData({ format: 'designed-alliance', schemaVersion: 1 }), 'this required field is missing'],
  ];
  for (const [data, words] of cases) {
    await page.goto('/index.html');
    await expect(w.stepHeading).toHaveText('Welcome');
    await page.goto(`/index.html#alliance-v1=${data}`);
    await expect(w.importError).toContainText('The link could not be opened');
    await expect(w.importError).toContainText(words);
    await expect(w.importError).toContainText('Nothing was changed.');
    await expect(w.importDialog).toBeHidden();
    expect(page.url()).not.toContain('#');
    await expect(w.stepHeading).toHaveText('Welcome');
  }
  expect(w.errors).toEqual([]);
});

test('a link pasted into the address bar of the open page opens too', async ({ page }) => {
  const w = new Wizard(page);
  await w.goto();
  await page.evaluate((data) => { location.hash = `alliance-v1=${data}`; }, linkData(file));
  await expect(w.importDialog).toContainText(file.alliance.title);
  expect(page.url()).not.toContain('#');
});

test('an alliance too large for a link says so and offers the file', async ({ page }) => {
  const w = new Wizard(page);
  await w.goto();
  // Long text that does not compress: a link would need far more than 16,000 characters.
  const noise = randomBytes(24_000).toString('base64');
  const big = structuredClone(file);
  big.alliance.id = 'alliance-big';
  big.alliance.goal.pain = noise;
  await w.widget.evaluate((el: any, text) => el.importJson(text), JSON.stringify(big));
  await expect(w.stepHeading).toHaveText('Review');
  const menu = await w.openMenu();
  await w.press(w.button('Share a link…', menu));
  const dialog = shareDialog(page);
  await expect(dialog.getByRole('alert')).toContainText('too large for a link');
  await expect(dialog.getByLabel('Link to this alliance')).toHaveCount(0);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    w.press(dialog.getByRole('button', { name: 'Download file (.json)' })),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.json$/);
});

test('a share dialog closed while its link is being made stays closed', async ({ page }) => {
  // The browser's packing is held until the test lets it go, so Escape comes first.
  await page.addInitScript(() => {
    const Native = (window as any).CompressionStream;
    const w = window as any;
    w.CompressionStream = class {
      writable: WritableStream;
      readable: ReadableStream;
      constructor(format: string) {
        const inner = new Native(format);
        const gate = new Promise((go) => { w.releasePacking = go; });
        let finished: () => void = () => {};
        w.packed = new Promise<void>((done) => { finished = done; });
        this.writable = inner.writable;
        this.readable = inner.readable.pipeThrough(new TransformStream({
          async transform(chunk, out) { await gate; out.enqueue(chunk); },
          flush() { finished(); },
        }));
      }
    };
  });
  const w = new Wizard(page, 'keyboard');
  await openExample(w);
  const menu = await w.openMenu();
  await w.press(w.button('Share a link…', menu));
  const dialog = shareDialog(page);
  await expect(dialog).toContainText('Making the link');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  // The link is made after all: the dialog does not come back over the step.
  await page.evaluate(async () => {
    const w = window as any;
    w.releasePacking();
    await w.packed;
    await new Promise((frame) => requestAnimationFrame(() => requestAnimationFrame(frame)));
  });
  await expect(dialog).toBeHidden();
  expect(w.errors).toEqual([]);
});

test('two versions of the same alliance are brought together difference by difference', async ({ page }, info) => {
  const w = new Wizard(page);
  await openExample(w);

  // Jordan's version, made in his browser: he changed why it matters, reworded two
  // commitments, added one, left out the assumption, and agreed to what he has. An older
  // widget marked him "me" in the file: read, and ignored.
  const theirs = structuredClone(file);
  const a = theirs.alliance;
  a.parties[0].isMe = false;
  a.parties[1].isMe = true;
  a.goal.why = 'The launch this year depends on a stable team.';
  a.commitments[0].what = 'Book skip-levels with the whole team at once.';
  a.commitments[1].what = 'Send a short voice note after each session.';
  a.commitments.push({ id: 'c-9', owner: 'everyone', what: 'Look at this alliance together each month.', when: null });
  a.assumptions = [];
  a.status = 'draft';
  a.agreement.earlier = a.agreement.signatures;
  a.agreement.signatures = [{ partyId: 'p-2', name: 'Jordan', date: '2026-11-30' }];
  a.agreement.earlier = a.agreement.earlier.filter((s: any) => s.partyId !== 'p-2');

  // Opened as a file: the widget knows this alliance and offers to compare.
  await w.chooseFile({ name: 'jordan.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(theirs)) });
  await expect(w.importDialog).toContainText('You already have this alliance in this browser');
  await w.importDialog.getByRole('button', { name: 'Compare with my draft' }).click();
  const dialog = page.getByRole('dialog', { name: 'Compare the two versions' });
  await expect(dialog).toContainText(/The other version was saved on /);
  await expect(dialog).not.toContainText('Jordan.');
  await expect(dialog).toContainText('5 differences');
  await expect(dialog.locator('.da-diff')).toHaveCount(5);

  const why = dialog.getByRole('group', { name: 'The goal — Why does it matter?' });
  await expect(why).toContainText("The team's stability decides whether the launch happens this year.");
  await expect(why).toContainText('The launch this year depends on a stable team.');
  const commitments = dialog.getByRole('group', { name: 'Who does what, and when — Commitment' });
  await expect(commitments).toHaveCount(3);
  // This browser opened the file Jordan started from: it can tell what he changed.
  await expect(commitments.nth(0)).toContainText('Changed in the other version since you last exchanged them');
  await expect(commitments.nth(2)).toContainText('Only in the other version');
  await expect(commitments.nth(2).getByLabel('Keep both')).toHaveCount(0);
  const assumption = dialog.getByRole('group', { name: 'Busting assumptions — Assumption' });
  await expect(assumption).toContainText('Only in your version');
  // By default nothing of either side is lost: his changes are taken, what only one has kept.
  await expect(why.getByLabel('Take theirs')).toBeChecked();
  await expect(commitments.nth(2).getByLabel('Keep it')).toBeChecked();
  await expect(assumption.getByLabel('Keep it')).toBeChecked();

  await commitments.nth(0).getByLabel('Keep both').check();
  await commitments.nth(1).getByLabel('Keep mine').check();
  await page.screenshot({ path: info.outputPath('compare.png'), fullPage: true });
  await dialog.getByRole('button', { name: 'Save the result' }).click();
  await expect(dialog).toBeHidden();
  await expect(w.status).toHaveText(
    'Saved: 3 differences taken from the other version. The revision log says what was taken, kept and left out. ' +
      'The terms changed, so the alliance is a draft again; each earlier agreement is kept.',
  );

  const result = (await exported(w)).alliance;
  expect(result.id).toBe(file.alliance.id);
  expect(result.goal.why).toBe(a.goal.why);
  expect(result.commitments.map((c: any) => c.what)).toEqual([
    file.alliance.commitments[0].what,
    file.alliance.commitments[1].what,
    file.alliance.commitments[2].what,
    a.commitments[0].what,
    a.commitments[3].what,
  ]);
  expect(result.assumptions).toEqual(file.alliance.assumptions);
  expect(result.parties.map((p: any) => p.isMe)).toEqual([false, false]);
  const log = result.keepingAlive.revisions.at(-1);
  expect(log.changes).toMatch(/^Brought together with another version, saved on /);
  expect(log.changes).toContain('Taken from the other version: The goal: Why does it matter?; Who does what, and when: Commitment “Everyone · Look at this alliance together each month. · Not decided yet”.');
  expect(log.changes).toContain('Both kept: Who does what, and when: Commitment “Priya · Book skip-levels with the whole team at once.');
  expect(log.changes).toContain('Kept as in this version, instead of the other’s: Who does what, and when: Commitment “Jordan · Send a short voice note');
  expect(log.changes).toContain('Kept, though the other version does not have it: Busting assumptions: Assumption “My manager expects me');
  expect(log.changes).toContain('Jordan agreed to the other version as it was; that agreement does not count for these terms and is kept as a record.');
  // Each agreement travelled: both were given to other terms than these.
  expect(result.status).toBe('draft');
  expect(result.agreement.signatures).toEqual([]);
  expect(result.agreement.earlier).toEqual([
    { partyId: 'p-1', name: 'Priya', date: '2026-11-20' },
    { partyId: 'p-2', name: 'Jordan', date: '2026-11-30' },
  ]);
  await w.goToStep('Agreement');
  await expect(w.widget).toContainText(/Jordan agreed to an earlier version on (30 November|November 30,) 2026; it has changed since\./);
  // Nobody has said who this browser is: agreeing waits for it, and no name is guessed.
  await expect(w.whoIsMe()).toBeVisible();
  await expect(w.button('Jordan: I agree')).toHaveCount(0);

  // Undo takes the whole result back.
  await w.press(w.button('Undo'));
  expect((await exported(w)).alliance.goal.why).toBe(file.alliance.goal.why);

  // The same version again, from the host page: nothing differs, and the widget says so.
  await w.widget.evaluate((el: any, text) => el.importJson(text), example.toString());
  await w.importDialog.getByRole('button', { name: 'Compare with my draft' }).click();
  await expect(dialog).toContainText('The two versions say the same thing.');
  await expect(dialog.getByRole('button', { name: 'Save the result' })).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
  expect(w.errors).toEqual([]);
});

const SCREENS = new URL('../../../target/screens/share/', import.meta.url);

async function axeViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

for (const width of [1280, 375]) {
  for (const scheme of ['light', 'dark'] as const) {
    test(`the share and compare dialogs at ${width} px, ${scheme}: screenshots, axe, no sideways scroll`, async ({ page }) => {
      await page.setViewportSize({ width, height: width > 400 ? 900 : 812 });
      await page.emulateMedia({ colorScheme: scheme });
      await mkdir(SCREENS, { recursive: true });
      const shot = (name: string) => page.screenshot({ path: new URL(`${width}-${scheme}-${name}.png`, SCREENS).pathname });
      const w = new Wizard(page);
      // The preview of an alliance arriving in a browser that has no draft yet.
      await w.goto();
      await w.chooseFile({ name: 'coaching.json', mimeType: 'application/json', buffer: example });
      await expect(w.whoIsMe(w.importDialog)).toBeVisible();
      await page.evaluate(() => document.fonts.ready);
      await shot('preview');
      expect(await axeViolations(page)).toEqual([]);
      await w.importDialog.getByRole('button', { name: 'Open as a new draft' }).click();
      await expect(w.importDialog).toBeHidden();
      const menu = await w.openMenu();
      await w.press(w.button('Share a link…', menu));
      await expect(shareDialog(page).getByLabel('Link to this alliance')).toBeVisible();
      await page.evaluate(() => document.fonts.ready);
      await shot('share');
      expect(await axeViolations(page)).toEqual([]);
      await w.press(shareDialog(page).getByRole('button', { name: 'Close' }));

      const theirs = structuredClone(file);
      theirs.alliance.goal.why = 'The launch this year depends on a stable team, and on me.';
      theirs.alliance.commitments[0].what = 'Book skip-levels with the whole team at once.';
      theirs.alliance.commitments.push({ id: 'c-9', owner: 'everyone', what: 'Look at this alliance together each month.', when: null });
      await w.widget.evaluate((el: any, text) => el.importJson(text), JSON.stringify(theirs));
      await expect(w.importDialog).toContainText('You already have this alliance');
      await shot('preview-compare');
      await w.importDialog.getByRole('button', { name: 'Compare with my draft' }).click();
      const dialog = page.getByRole('dialog', { name: 'Compare the two versions' });
      await expect(dialog.locator('.da-diff')).toHaveCount(3);
      await shot('compare');
      expect(await axeViolations(page)).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - innerWidth)).toBeLessThanOrEqual(0);
      const box = await dialog.boundingBox();
      expect(box!.x).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width).toBeLessThanOrEqual(width);
      await dialog.locator('.da-diff').first().getByLabel('Keep mine').check();
      await dialog.getByRole('button', { name: 'Save the result' }).click();
      await w.goToStep('Agreement');
      await expect(w.widget.locator('.da-agreed-earlier')).toHaveCount(2);
      await page.evaluate(() => document.fonts.ready);
      await page.screenshot({ path: new URL(`${width}-${scheme}-agreement.png`, SCREENS).pathname, fullPage: true });
      expect(w.errors).toEqual([]);
    });
  }
}
