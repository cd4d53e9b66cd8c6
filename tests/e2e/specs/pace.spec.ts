// A person's pace: the welcome, the essentials first, honest states, lists as a conversation,
// an agreement worth the name, dates in the person's locale, copy for email, wrong files
// recognised, notices in view, leaving never losing text, damaged drafts always mentioned.
//
// Waiting is always for a condition, never for a time.
import { test, expect, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { Wizard } from '../pages/wizard';

const TITLE = 'What shall we call this alliance?';
const PREFIX = 'designed-alliance:default:';

/** Opens an example file as a new draft; `heldUpTo` keeps only the check-ins it holds up to
 *  that day (none when empty), as the file was then. */
async function open(w: Wizard, name: string, heldUpTo?: string) {
  let file = await readFile(new URL(`../../../examples/${name}`, import.meta.url));
  if (heldUpTo !== undefined) {
    const json = JSON.parse(file.toString('utf8'));
    json.alliance.checkIns = (json.alliance.checkIns ?? []).filter((c: any) => c.date <= heldUpTo);
    if (json.alliance.checkIns.length === 0) delete json.alliance.checkIns;
    json.alliance.keepingAlive.revisions = [];
    file = Buffer.from(JSON.stringify(json));
  }
  await w.chooseFile({ name, mimeType: 'application/json', buffer: file });
  await w.importDialog.getByRole('button', { name: 'Open as a new draft' }).click();
  await expect(w.stepHeading).toHaveText('Review');
}

/** The state a step shows in the progress indicator ("complete", "skipped", …). */
async function stateOf(w: Wizard, step: string): Promise<string> {
  const name = await w.stepLink(step).getAttribute('class');
  const label = await w.stepLink(step).locator('.da-step-state').textContent();
  expect(name).toBeTruthy();
  return label!.trim();
}

/** Form controls a person can see in the current step. */
function visibleControls(w: Wizard) {
  return w.widget.locator('.da-step-body').locator('input:visible, select:visible, textarea:visible');
}

test('a new person is welcomed: what it is, why it helps, who, how long, where answers stay', async ({ page }) => {
  const w = new Wizard(page);
  await w.gotoWelcome();
  const body = w.widget.locator('.da-step-body');
  for (const term of ['What it is', 'Why it helps', 'Who fills it in', 'How long it takes', 'Where your answers stay']) {
    await expect(body.locator('dt', { hasText: term })).toBeVisible();
  }
  await expect(body).toContainText(/about 20 minutes/);
  await expect(body).toContainText(/about 30 more/);
  await expect(body).toContainText('Nothing is sent anywhere');
  // The reflections before starting are folded away until opened.
  const reflection = w.field('Why this relationship, and why now?');
  await expect(reflection).toBeHidden();
  await w.unfold('Before you start');
  await expect(reflection).toBeVisible();
  await expect(visibleControls(w)).toHaveCount(3);
  // Nothing to fill in before the first question: one button begins.
  await w.next('Who is involved');
  await expect(w.field(TITLE)).toBeVisible();
  expect(w.errors).toEqual([]);
});

test('the essential path for two people is the number of fields the README states', async ({ page }) => {
  const readme = await readFile(new URL('../../../README.md', import.meta.url), 'utf8');
  const stated = Number(/essential path[^.]*?\*\*(\d+) fields\*\*/.exec(readme)?.[1]);
  expect(stated, 'the README states the count').toBeGreaterThan(0);
  expect(stated).toBeLessThanOrEqual(25);

  const w = new Wizard(page);
  await w.goto();
  const counts: Record<string, number> = {};
  counts['Who is involved'] = await visibleControls(w).count();
  await w.next('The goal');
  counts['The goal'] = await visibleControls(w).count();
  // Each list the template needs holds one item: one measure, one commitment, one channel.
  await w.next('How we will measure it');
  await w.button('Add a way to measure progress').click();
  counts['How we will measure it'] = await visibleControls(w).count();
  await w.next('Who does what, and when');
  await w.button('Add a commitment').click();
  await w.choose(w.field('When?', w.item('Commitment 1')), 'On or by a date');
  counts['Who does what, and when'] = await visibleControls(w).count();
  await w.next('How we will communicate');
  await w.button('Add a channel').click();
  counts['How we will communicate'] = await visibleControls(w).count();
  await w.next('How we will celebrate');
  counts['How we will celebrate'] = await visibleControls(w).count();
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  expect(total, JSON.stringify(counts)).toBe(stated);
});

test('going deeper is offered after the essentials, and can be skipped honestly', async ({ page }) => {
  const w = new Wizard(page);
  await w.goto();
  await w.goToStep('How we will celebrate');
  await expect(w.widget.locator('.da-essentials-done')).toContainText('That is the essentials');
  await expect(w.button('Go deeper: Needs and offers')).toBeVisible();
  await w.button('Skip to the review').click();
  await expect(w.stepHeading).toHaveText('Review');
  for (const step of ['Needs and offers', 'Busting assumptions', 'When it gets hard', 'Trade-offs and decisions', 'Keeping it alive']) {
    await expect.poll(() => stateOf(w, step), { message: step }).toBe('skipped');
    await expect(w.stepLink(step)).toHaveAccessibleName(`${step} (skipped)`);
  }
  // An empty alliance taken straight to the review: nothing is done, skipped steps apart.
  await expect(w.widget.locator('.da-progress-text')).toHaveText('0 of 14 steps done, 5 skipped');
  // The bar shows how far through: the skipped steps were passed, never done.
  await expect(w.widget.locator('.da-progress-bar')).toHaveAttribute('value', '5');
  await expect(w.widget.locator('.da-progress-bar')).toHaveAccessibleName('0 of 14 steps done, 5 skipped');
  // Every deeper step but the last offers the same way out.
  await w.goToStep('Busting assumptions');
  await expect(w.widget.locator('.da-step-stage')).toHaveText('Going deeper (optional)');
  await w.button('Skip to the review').click();
  await expect(w.stepHeading).toHaveText('Review');
  // A skipped step that gets something becomes what it holds.
  await w.goToStep('Needs and offers');
  await w.button('Add a need for Person 1').click();
  await expect(w.field('Need', w.item('Need 1', w.personNeeds('Person 1')))).toBeFocused();
  await w.widget.locator(':focus').fill('Honest feedback');
  await w.goToStep('Review');
  await expect.poll(() => stateOf(w, 'Needs and offers')).toBe('complete');
});

test('an empty walk-through shows honest states: nothing complete that holds nothing', async ({ page }) => {
  const w = new Wizard(page);
  await w.goto();
  for (const next of ['The goal', 'How we will measure it', 'Who does what, and when', 'How we will communicate', 'How we will celebrate',
    'Needs and offers', 'Busting assumptions', 'When it gets hard', 'Trade-offs and decisions', 'Keeping it alive', 'Review', 'Agreement', 'Finish']) {
    await w.next(next);
  }
  const expected: Record<string, string> = {
    Welcome: 'complete',
    'Who is involved': 'not started',
    'The goal': 'not started',
    'How we will measure it': 'not started',
    'Who does what, and when': 'not started',
    'How we will communicate': 'not started',
    'How we will celebrate': 'not started',
    'Needs and offers': 'skipped',
    'Busting assumptions': 'skipped',
    'When it gets hard': 'skipped',
    'Trade-offs and decisions': 'skipped',
    'Keeping it alive': 'skipped',
    // It lists what is missing: it is not complete.
    Review: 'in progress',
    Agreement: 'not started',
    Finish: 'in progress',
  };
  for (const [step, state] of Object.entries(expected)) await expect.poll(() => stateOf(w, step), { message: step }).toBe(state);
  // Progress counts steps done, never the skipped ones, and not required fields.
  await expect(w.widget.locator('.da-progress-text')).toHaveText('0 of 14 steps done, 5 skipped');
  await w.goToStep('Review');
  await expect(w.widget.locator('.da-missing-list li').first()).toBeVisible();
  // A step is complete once it holds what it asks for.
  await w.goToStep('The goal');
  await w.field('What are we trying to achieve together?').fill('Lead my first team.');
  await expect.poll(() => stateOf(w, 'The goal')).toBe('in progress');
  await w.field('Why does it matter?').fill('The launch depends on it.');
  await expect.poll(() => stateOf(w, 'The goal')).toBe('complete');
  await expect(w.widget.locator('.da-progress-text')).toHaveText('1 of 14 steps done, 5 skipped');
});

test('optional fields are suggestions, never "missing"', async ({ page }) => {
  const w = new Wizard(page);
  await w.goto();
  await w.goToStep('Busting assumptions');
  await w.button('Add an assumption').click();
  const as = w.item('Assumption 1');
  await w.field('What are we assuming?', as).fill('My manager expects every answer');
  await w.choose(w.field('Where does it stand?', as), 'Revised');
  await w.goToStep('Trade-offs and decisions');
  await w.button('Add a decision').click();
  const d = w.item('Decision 1');
  await w.field('What do we have to decide?', d).fill('Which first?');
  await w.field('Option', w.item('Option 1', d)).fill('This');
  await w.field('Option', w.item('Option 2', d)).fill('That');
  await w.choose(w.field('What we chose', d), 'This');
  // Both steps have been left once: anything missing would now be pointed out.
  await w.goToStep('Busting assumptions');
  const instead = w.field('What we agreed instead', as);
  await expect(instead).not.toHaveAttribute('aria-invalid', 'true');
  await expect(instead).toHaveAccessibleDescription(/^Tip:/);
  await expect(w.widget.locator('.da-msg-missing')).toHaveCount(0);
  await w.goToStep('Trade-offs and decisions');
  await expect(w.field('Why we chose it', d)).not.toHaveAttribute('aria-invalid', 'true');
  await expect(w.widget.locator('.da-msg-missing')).toHaveCount(0);
  await w.goToStep('Review');
  await expect(w.widget.locator('.da-missing')).not.toContainText('instead');
  await expect(w.widget.locator('.da-missing')).not.toContainText('Why we chose');
});

test('text areas grow with their text: a normal answer never scrolls inside its box', async ({ page }) => {
  const w = new Wizard(page);
  await w.goto();
  await w.next('The goal');
  const what = w.field('What are we trying to achieve together?');
  const before = await what.evaluate((t) => t.clientHeight);
  await what.fill('We want to lead the team well, keep the two people who are thinking of leaving, and ship the launch this year. '.repeat(5));
  await expect.poll(() => what.evaluate((t) => t.clientHeight)).toBeGreaterThan(before * 2);
  expect(await what.evaluate((t) => t.scrollHeight - t.clientHeight)).toBeLessThanOrEqual(2);
  // Lists' answers are text areas too, and grow the same way.
  await w.next('How we will measure it');
  await w.button('Add a way to measure progress').click();
  const signal = w.field('What will we see when it is going well?', w.item('Measure 1'));
  await expect(signal).toHaveJSProperty('tagName', 'TEXTAREA');
  await signal.fill('Both at-risk engineers stay, and say so in their next review, and the team runs its own retrospective.');
  expect(await signal.evaluate((t) => t.scrollHeight - t.clientHeight)).toBeLessThanOrEqual(2);
});

test('each item has one small menu, and focus stays on something usable after every move and removal', async ({ page }) => {
  const w = new Wizard(page);
  await w.goto();
  await w.goToStep('Who does what, and when');
  for (const [i, what] of ['first', 'second'].entries()) {
    await w.button('Add a commitment').click();
    // The cursor lands in the new commitment once it is on screen.
    const field = w.field('What will be done?', w.item(`Commitment ${i + 1}`));
    await expect(field).toBeFocused();
    await field.fill(what);
  }
  // No row of buttons per item: the tools are folded into one menu.
  await expect(w.button('Move up: Commitment 2')).toBeHidden();
  await w.itemMenu('Commitment 1');
  // Moved to the bottom, where "Move down" no longer applies: focus goes to "Move up".
  await w.button('Move down: Commitment 1').click();
  await expect(w.field('What will be done?', w.item('Commitment 2'))).toHaveValue('first');
  await expect(w.button('Move up: Commitment 2')).toBeFocused();
  // Escape closes the menu and puts focus back on its button.
  await page.keyboard.press('Escape');
  const menu2 = w.widget.locator('summary', { hasText: 'Move or remove: Commitment 2' });
  await expect(menu2).toBeFocused();
  // Removing the last item: focus goes to the item before it.
  await page.keyboard.press('Enter');
  await w.button('Remove: Commitment 2').click();
  await expect(w.widget.locator('summary', { hasText: 'Move or remove: Commitment 1' })).toBeFocused();
  // Removing the only one left: focus goes to the way to add another.
  await page.keyboard.press('Enter');
  await w.button('Remove: Commitment 1').click();
  await expect(w.button('Add a commitment')).toBeFocused();
});

test('needs and offers are an exchange per person, with the reminder to offer beside the offers', async ({ page }) => {
  const w = new Wizard(page);
  await w.goto();
  await w.goToStep('Needs and offers');
  const person = w.personNeeds('Person 1');
  await expect(person.getByRole('heading', { name: 'What Person 1 asks of the others' })).toBeVisible();
  await expect(person.getByRole('heading', { name: 'What Person 1 offers in return' })).toBeVisible();
  await w.button('Add a need for Person 1').click();
  await expect(w.field('Need', w.item('Need 1', w.personNeeds('Person 1')))).toBeFocused();
  await w.widget.locator(':focus').fill('Honest feedback');
  const offers = person.locator('.da-needs-group', { has: page.getByRole('heading', { name: 'What Person 1 offers in return' }) });
  await expect(offers.locator('.da-msg-hint')).toContainText('asks for something but offers nothing yet');
  // Side by side on a wide screen.
  const [asks, gives] = await person.locator('.da-needs-group').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().top));
  expect(Math.abs(asks - gives)).toBeLessThan(2);
});

test.describe('in British English', () => {
  test.use({ locale: 'en-GB', timezoneId: 'Europe/London' });

  test('dates read as the person writes them, and the agreement is recapped and shown as agreed', async ({ page, context }) => {
    await page.clock.setFixedTime(new Date('2026-11-25T10:00:00Z'));
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const w = new Wizard(page);
    await w.goto();
    // As it was on 25 November: no check-in held yet.
    await open(w, 'coach-and-client.json', '');
    // The header says it is agreed, and when.
    await expect(w.widget.locator('.da-agreed-badge')).toHaveText('✓ Agreed on 20 November 2026');
    // The review (and so the print) reads dates in words, never as 2026-12-01.
    const doc = w.widget.locator('.da-doc');
    await expect(doc).toContainText(/starting 1 December 2026, at 0?8:30/);
    await expect(doc).toContainText('by 15 December 2026');
    expect(await doc.textContent()).not.toMatch(/\d{4}-\d\d-\d\d/);
    // So does the Markdown.
    await w.button('Copy as Markdown', await w.openMenu()).click();
    await expect(w.status).toContainText('Copied as Markdown');
    const markdown = await page.evaluate(() => navigator.clipboard.readText());
    expect(markdown).toContain('20 November 2026');
    expect(markdown).not.toMatch(/\d{4}-\d\d-\d\d/);

    // Before anyone says yes: a recap of what is being agreed, in the informal spirit.
    await w.goToStep('Agreement');
    const recap = w.widget.locator('.da-recap');
    await expect(recap.getByRole('heading', { name: 'What you are agreeing to' })).toBeVisible();
    await expect(recap).toContainText('Lead my first team with confidence');
    await expect(recap).toContainText('Priya: Book a skip-level conversation with each team member. (by 15 December 2026)');
    await expect(w.widget.locator('.da-step-intro')).toContainText('not a contract');
    await w.iAm('Jordan');
    await w.button('Jordan: take back my agreement').click();
    await expect(w.widget.locator('.da-agreed-badge')).toHaveCount(0);
    await w.button('Jordan: I agree').click();
    await expect(w.widget.locator('.da-agreed-badge')).toHaveText('✓ Agreed on 25 November 2026');

    // Finish names the next dates and what to do with the file.
    await w.next('Finish');
    const dates = w.widget.locator('.da-next-dates');
    await expect(dates.locator('.da-next-date').nth(0)).toContainText(/1 December 2026, 0?8:30/);
    await expect(dates.locator('.da-next-date').nth(0)).toContainText('Your first check-in');
    await expect(dates.locator('.da-next-date').nth(1)).toContainText('15 December 2026');
    await expect(dates).toContainText('Look at this alliance again together');
    await expect(w.widget.locator('.da-advice')).toContainText('Send the file or a share link to the others');
    // Looking ahead is asked after agreeing, and not before.
    await expect(w.widget.locator('summary', { hasText: 'Looking ahead' })).toBeVisible();
  });
});

test('in American English the same dates read the American way; after the first check-in, Finish names the next', async ({ page }) => {
  await page.clock.setFixedTime(new Date('2026-12-05T10:00:00Z'));
  const w = new Wizard(page);
  await w.goto();
  // As it was on 5 December: the first check-in held, on 1 December.
  await open(w, 'coach-and-client.json', '2026-12-05');
  await expect(w.widget.locator('.da-agreed-badge')).toHaveText('✓ Agreed on November 20, 2026');
  await expect(w.widget.locator('.da-doc')).toContainText(/starting December 1, 2026, at 8:30\s?AM/);
  // Fortnightly from 1 December, held on the 1st: the next check-in is on the 15th.
  await w.goToStep('Finish');
  const first = w.widget.locator('.da-next-dates .da-next-date').nth(0);
  await expect(first).toContainText(/December 15, 2026, 8:30\s?AM/);
  await expect(first).toContainText('Your next check-in');
});

test('reflections show at the moment they serve', async ({ page }) => {
  const w = new Wizard(page);
  await w.goto();
  // Writing it for the first time: no review questions, no "after agreeing" questions.
  await w.goToStep('Review');
  await expect(w.widget.locator('summary', { hasText: 'When you hold a review' })).toHaveCount(0);
  await w.goToStep('Finish');
  await expect(w.widget.locator('summary', { hasText: 'Looking ahead' })).toHaveCount(0);
  await w.goToStep('Keeping it alive');
  await expect(w.widget.locator('.da-reflections')).toHaveCount(0);
  // Reviewing an agreed alliance: the review questions are there, folded.
  await open(w, 'coach-and-client.json');
  const review = w.widget.locator('details', { has: page.locator('summary', { hasText: 'When you hold a review' }) });
  await expect(review).toBeVisible();
  await expect(review).not.toHaveAttribute('open', '');
});

test('copy for an email puts formatted text and plain text without Markdown symbols on the clipboard', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const w = new Wizard(page);
  await w.goto();
  await open(w, 'coach-and-client.json');
  await w.button('Copy for an email', await w.openMenu()).click();
  await expect(w.status).toHaveText('Copied. Paste it into an email or a document.');
  const { types, html, plain } = await page.evaluate(async () => {
    const [item] = await navigator.clipboard.read();
    return {
      types: item.types,
      html: await (await item.getType('text/html')).text(),
      plain: await (await item.getType('text/plain')).text(),
    };
  });
  expect(types).toEqual(expect.arrayContaining(['text/html', 'text/plain']));
  expect(html).toContain('<h1>Stepping into the team-lead role</h1>');
  expect(html).toMatch(/<h2>The goal<\/h2>/);
  expect(html).toContain('<li>');
  expect(plain).toContain('Stepping into the team-lead role');
  expect(plain).toContain('\nThe goal\n────────\n');
  for (const symbol of ['**', '## ', '# ', '<h1>']) expect(plain, symbol).not.toContain(symbol);
  // Markdown stays a choice of its own.
  await expect(w.button('Copy as Markdown', await w.openMenu())).toBeVisible();
});

test('the usual wrong files are recognised, and the right one is named', async ({ page }) => {
  const w = new Wizard(page);
  await w.goto();
  await w.field(TITLE).fill('Keep me');
  for (const [name, content, words] of [
    ['alliance.ics', Buffer.from('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n'), 'This is a calendar file (.ics)'],
    ['alliance.md', Buffer.from('# Our alliance\n\nWe agree to meet every week.\n'), 'This is a text or Markdown file'],
    ['alliance.pdf', Buffer.from('%PDF-1.7\n1 0 obj\n'), 'This is a PDF'],
    ['photo.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), 'This is an image'],
  ] as const) {
    await w.chooseFile({ name, mimeType: 'application/octet-stream', buffer: content });
    await expect(w.importError).toContainText(words);
    await expect(w.importError).toContainText('its name ends in .json');
    await expect(w.importError).not.toContainText('valid JSON');
    await expect(w.importError).toContainText('Nothing was changed.');
    await expect(w.field(TITLE)).toHaveValue('Keep me');
  }
});

test('a conflict is announced in view, wherever the person is on the page', async ({ page, context }) => {
  await page.setViewportSize({ width: 375, height: 640 });
  const a = new Wizard(page);
  await a.goto();
  await a.field(TITLE).fill('Written in tab A');
  await expect.poll(() => page.evaluate((p) => Object.keys(localStorage).filter((k) => k.startsWith(`${p}draft:`)).length, PREFIX)).toBe(1);
  // On a phone the step list is folded away: the person goes on with Next.
  for (const step of ['The goal', 'How we will measure it', 'Who does what, and when', 'How we will communicate']) {
    await a.next(step);
  }
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  const b = new Wizard(await context.newPage());
  await b.page.goto('/index.html');
  await b.goToStep('Who is involved');
  await b.field(TITLE).fill('Written in tab B');
  const alert = a.widget.getByRole('alert').filter({ hasText: 'This draft was also changed somewhere else' });
  await expect(alert).toBeVisible();
  await expect(alert).toBeInViewport();
  expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(200);
});

test('leaving asks first while the text is not saved in this browser, and is silent once it is', async ({ page, context }) => {
  await page.addInitScript(() => {
    (window as any).__full = false;
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (k: string, v: string) {
      if ((window as any).__full) throw new DOMException('full', 'QuotaExceededError');
      return setItem.call(this, k, v);
    };
  });
  const w = new Wizard(page);
  await w.goto();
  await page.evaluate(() => ((window as any).__full = true));
  await w.field(TITLE).click();
  await page.keyboard.type('Not saved anywhere yet');
  await expect(w.saveStatus).toHaveText('Not saved in this browser');
  // Closing asks first; staying keeps every character.
  const asked = page.waitForEvent('dialog');
  await page.close({ runBeforeUnload: true });
  const dialog = await asked;
  expect(dialog.type()).toBe('beforeunload');
  await dialog.dismiss();
  expect(page.isClosed()).toBe(false);
  await expect(w.field(TITLE)).toHaveValue('Not saved anywhere yet');

  // Storage works again and the draft is saved: leaving is silent.
  await page.evaluate(() => ((window as any).__full = false));
  await w.widget.getByRole('alert').getByRole('button', { name: 'Try saving again' }).click();
  await expect(w.saveStatus).toHaveText(/^Saved in this browser/);
  let prompted = false;
  page.on('dialog', async (d) => {
    prompted = true;
    await d.accept();
  });
  const closed = page.waitForEvent('close');
  await page.close({ runBeforeUnload: true });
  await closed;
  expect(prompted).toBe(false);
  // And nothing was lost: a new tab opens the draft.
  const again = new Wizard(await context.newPage());
  await again.page.goto('/index.html');
  await expect(again.field(TITLE)).toHaveValue('Not saved anywhere yet');
});

test('a damaged draft is mentioned on the form at start even when the record of the open draft is damaged too', async ({ page }) => {
  const w = new Wizard(page);
  await w.gotoWelcome();
  const key = `${PREFIX}draft:dbroken`;
  const raw = '{"format": "designed-alliance-draft", "draftVersion": 1, "file": {"alli';
  await page.evaluate(([key, raw, current]) => {
    localStorage.setItem(key, raw);
    localStorage.setItem(current, '#not a slot#');
  }, [key, raw, `${PREFIX}current`]);
  await page.reload();
  const alert = w.widget.getByRole('alert');
  await expect(alert).toContainText('A draft saved in this browser could not be opened');
  await expect(alert.getByRole('button', { name: 'Download the unreadable draft' })).toBeVisible();
  // Mentioned again at the next start, and never written over.
  await w.next('Who is involved');
  await w.field(TITLE).fill('A fresh start');
  await page.reload();
  await expect(w.widget.getByRole('alert')).toContainText('could not be opened');
  expect(await page.evaluate((k) => localStorage.getItem(k), key)).toBe(raw);
});

test('the status line speaks once: what it said on one step is gone on the next', async ({ page }) => {
  const w = new Wizard(page);
  await w.goto();
  await w.goToStep('How we will communicate');
  await w.button('Add a channel').click();
  await expect(w.status).toHaveText('Channel added.');
  await w.next('How we will celebrate');
  await expect(w.status).toHaveText('');
  await w.goToStep('Review');
  await expect(w.status).toHaveText('');
});
