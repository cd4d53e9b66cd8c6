import { test, expect } from '@playwright/test';
import Ajv2020 from 'ajv/dist/2020.js';
import { readFile } from 'node:fs/promises';
import { Wizard, fillEverything, JOURNEY } from '../pages/wizard';

const schema = JSON.parse(await readFile(new URL('../../../schema/designed-alliance-v1.schema.json', import.meta.url), 'utf8'));
const validate = new Ajv2020({ strict: false, allErrors: true }).compile(schema);

async function jsonOf(download: import('@playwright/test').Download) {
  const path = await download.path();
  return JSON.parse(await readFile(path!, 'utf8'));
}

test('two people fill every section, agree, export, and the file imports back as the same alliance', async ({ page }, info) => {
  const w = new Wizard(page);
  await w.goto();
  await fillEverything(w, async (name) => {
    await page.screenshot({ path: info.outputPath(`step-${name}.png`), fullPage: true });
  });

  const download = await w.downloadJson();
  expect(download.suggestedFilename()).toMatch(/^stepping-into-the-team-lead-role-\d{4}-\d{2}-\d{2}\.json$/);
  const file = await jsonOf(download);
  expect(validate(file), JSON.stringify(validate.errors)).toBe(true);
  const a = file.alliance;
  expect(a.title).toBe(JOURNEY.title);
  expect(a.relationship).toBe('coachAndClient');
  expect(a.status).toBe('agreed');
  expect(a.parties.map((p: { name: string }) => p.name)).toEqual(['Priya', 'Jordan']);
  expect(a.agreement.signatures).toHaveLength(2);
  expect(a.commitments[0].when).toEqual({ kind: 'date', date: '2026-12-15' });
  expect(a.commitments[1].when).toEqual({ kind: 'after', event: 'each session' });
  expect(a.commitments[1].owner).toBe(a.parties[1].id);
  expect(a.communication.checkIn).toMatchObject({ rhythm: 'fortnightly', firstOn: '2026-12-01', time: '08:30', durationMinutes: 60 });
  expect(a.needsAndOffers).toHaveLength(4);
  expect(a.decisions[0].chosen).toBe(a.decisions[0].options[0].id);
  expect(a.keepingAlive).toMatchObject({ nextReview: '2027-01-12', reviewRhythm: 'monthly' });
  expect(a.reflections.afterAgreeing.firstStep).toBe(JOURNEY.firstStep);

  // The draft survives a reload, at the step where it was left.
  await page.reload();
  await expect(w.stepHeading).toHaveText('Finish');
  // Everything is done: the count says so, and nothing was skipped.
  await expect(w.widget.locator('.da-progress-text')).toHaveText('14 of 14 steps done');
  await expect(w.widget.locator('.da-title')).toHaveText(JOURNEY.title);
  // Open the file: it comes back exactly, as a new draft beside the one already here.
  await w.chooseFile({ name: download.suggestedFilename(), mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
  await expect(w.importDialog).toBeVisible();
  await expect(w.importDialog).toContainText(JOURNEY.title);
  await expect(w.importDialog).toContainText('Priya, Jordan');
  await w.importDialog.getByRole('button', { name: 'Open as a new draft' }).click();
  await expect(w.stepHeading).toHaveText('Review');
  const again = await jsonOf(await w.downloadJson());
  expect(again.alliance).toEqual(file.alliance);
  await w.button('My drafts').click();
  await expect(w.widget.getByRole('dialog').getByRole('listitem')).toHaveCount(2);
  expect(w.errors).toEqual([]);
});

test('the whole journey works with the keyboard alone', async ({ page }) => {
  test.setTimeout(180_000);
  const w = new Wizard(page, 'keyboard');
  await w.goto();
  await fillEverything(w);
  const file = await jsonOf(await w.downloadJson());
  expect(validate(file), JSON.stringify(validate.errors)).toBe(true);
  expect(file.alliance.status).toBe('agreed');
  expect(file.alliance.communication.checkIn.time).toBe('08:30');
  expect(file.alliance.keepingAlive.nextReview).toBe('2027-01-12');
  expect(w.errors).toEqual([]);
});

test('undo and redo work from the keyboard', async ({ page }) => {
  const w = new Wizard(page);
  await w.goto();
  const title = w.field('What shall we call this alliance?');
  await title.fill('First title');
  await expect(w.widget.locator('.da-title')).toHaveText('First title');
  await page.keyboard.press('Control+z');
  await expect(title).toHaveValue('');
  await expect(w.status).toHaveText('Undone.');
  await page.keyboard.press('Control+Shift+z');
  await expect(title).toHaveValue('First title');
  await expect(w.status).toHaveText('Redone.');
});

test('agreeing needs every required part, and the review links to what is missing', async ({ page }) => {
  const w = new Wizard(page);
  await w.goto();
  await w.goToStep('Agreement');
  await expect(w.widget.getByText('Some required parts are missing.')).toBeVisible();
  await w.iAm('Person 1');
  await expect(w.button('Person 1: I agree')).toBeDisabled();
  await w.button('Go to the review').click();
  await expect(w.stepHeading).toHaveText('Review');
  await w.widget.getByRole('button', { name: 'The goal: Say why it matters.' }).click();
  await expect(w.stepHeading).toHaveText('The goal');
  await expect(w.field('Why does it matter?')).toBeFocused();
});

test('a step left incomplete is in progress, and says what is missing next to the field', async ({ page }) => {
  const w = new Wizard(page);
  await w.goto();
  await w.next('The goal');
  await w.field('What are we trying to achieve together?').fill('Something');
  await w.next('How we will measure it');
  // Unfinished is not wrong: "needs attention" is for something wrong in it.
  await expect(w.stepLink('The goal')).toHaveAccessibleName('The goal (in progress)');
  await w.goToStep('The goal');
  const why = w.field('Why does it matter?');
  await expect(why).toHaveAttribute('aria-invalid', 'true');
  await expect(why).toHaveAccessibleDescription(/Missing: Say why it matters\./);
});

test('an ask with no offer is a hint, shown differently from errors', async ({ page }) => {
  const w = new Wizard(page);
  await w.goto();
  await w.goToStep('Needs and offers');
  await w.button('Add a need for Person 1').click();
  await w.field('Need', w.item('Need 1', w.personNeeds('Person 1'))).fill('Honest feedback');
  const hint = w.personNeeds('Person 1').locator('.da-msg-hint');
  await expect(hint).toContainText('Tip: Person 1 asks for something but offers nothing yet.');
  await expect(w.personNeeds('Person 1').locator('.da-msg-error')).toHaveCount(0);
});

test('lists reorder and remove by id, keeping what each item says', async ({ page }) => {
  const w = new Wizard(page);
  await w.goto();
  await w.goToStep('Who does what, and when');
  for (const [i, what] of ['first', 'second', 'third'].entries()) {
    await w.button('Add a commitment').click();
    // The cursor lands in the new commitment once it is on screen.
    const field = w.field('What will be done?', w.item(`Commitment ${i + 1}`));
    await expect(field).toBeFocused();
    await field.fill(what);
  }
  await w.itemMenu('Commitment 3');
  await w.button('Move up: Commitment 3').click();
  await expect(w.field('What will be done?', w.item('Commitment 2'))).toHaveValue('third');
  await expect(w.button('Move up: Commitment 2')).toBeFocused();
  await w.itemMenu('Commitment 1');
  await w.button('Remove: Commitment 1').click();
  await expect(w.field('What will be done?', w.item('Commitment 1'))).toHaveValue('third');
  await expect(w.field('What will be done?', w.item('Commitment 2'))).toHaveValue('second');
  await expect(w.status).toContainText('Commitment removed.');
  // Focus lands on the menu of the item that took its place.
  await expect(w.widget.locator('summary', { hasText: 'Move or remove: Commitment 1' })).toBeFocused();
});

test('the cursor moved on before a new item appears stays where the person put it', async ({ page }) => {
  const w = new Wizard(page);
  await w.goto();
  await w.goToStep('Who does what, and when');
  await w.button('Add a commitment').click();
  const first = w.field('What will be done?', w.item('Commitment 1'));
  await expect(first).toBeFocused();
  // "Add" moves the cursor to the new item a frame later; a person who has already clicked into
  // another field in the meantime keeps it (pressed and moved within one task, before that frame).
  const add = await w.button('Add a commitment').elementHandle();
  await first.evaluate((field: HTMLElement, add) => {
    (add as HTMLElement).focus();
    (add as HTMLElement).click();
    field.focus();
  }, add);
  await expect(w.item('Commitment 2')).toBeVisible();
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  await expect(first).toBeFocused();
  await page.keyboard.type('kept here');
  await expect(first).toHaveValue('kept here');
  // With nothing moved meanwhile, the cursor still lands in the new item.
  await w.button('Add a commitment').click();
  await expect(w.field('What will be done?', w.item('Commitment 3'))).toBeFocused();
});

test('a malformed file shows its error in plain words and changes nothing', async ({ page }) => {
  const w = new Wizard(page);
  await w.goto();
  await w.field('What shall we call this alliance?').fill('Keep me');
  for (const [content, words] of [
    ['{"format": "designed-alliance", "schemaVersion": 1, "exportedAt": "2026-11-23T10:00:00Z", "alliance": {"id": 7}}', 'Problem at alliance.id'],
    ['{"format": "designed-alliance",, }', 'This file is not valid JSON (line 1, column 32'],
    ['{"format": "designed-alliance", "schemaVersion": 9}', 'newer version of the widget'],
    ['', 'This file is empty.'],
  ]) {
    await w.chooseFile({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(content) });
    await expect(w.importError).toContainText('That file could not be opened');
    await expect(w.importError).toContainText(words);
    await expect(w.importError).toContainText('Nothing was changed.');
    await expect(w.importDialog).toBeHidden();
    await expect(w.field('What shall we call this alliance?')).toHaveValue('Keep me');
  }
});

test('a file over the size limit is refused before it is read', async ({ page }) => {
  const w = new Wizard(page);
  await w.goto();
  await w.chooseFile({ name: 'big.json', mimeType: 'application/json', buffer: Buffer.alloc(2 * 1024 * 1024, 32) });
  await expect(w.importError).toContainText('too large');
});

test('cancelling an import keeps what is on screen', async ({ page }) => {
  const w = new Wizard(page);
  await w.goto();
  await w.field('What shall we call this alliance?').fill('Mine');
  const file = await readFile(new URL('../../../examples/partners-draft.json', import.meta.url));
  await w.chooseFile({ name: 'partners.json', mimeType: 'application/json', buffer: file });
  await expect(w.importDialog).toContainText('Our calmer weekday mornings');
  await page.keyboard.press('Escape');
  await expect(w.importDialog).toBeHidden();
  await expect(w.field('What shall we call this alliance?')).toHaveValue('Mine');
  await expect(w.status).toHaveText('Nothing was changed.');
});

test('a file dropped on the widget opens the same preview', async ({ page }) => {
  const w = new Wizard(page);
  await w.goto();
  const text = await readFile(new URL('../../../examples/team-and-stakeholder.json', import.meta.url), 'utf8');
  const dt = await page.evaluateHandle((t) => {
    const d = new DataTransfer();
    d.items.add(new File([t], 'team.json', { type: 'application/json' }));
    return d;
  }, text);
  await w.widget.locator('.da-widget').dispatchEvent('dragover', { dataTransfer: dt });
  await expect(w.widget.locator('.da-drop')).toBeVisible();
  await w.widget.locator('.da-widget').dispatchEvent('drop', { dataTransfer: dt });
  await expect(w.importDialog).toContainText('Checkout redesign with the sales team');
  await w.importDialog.getByRole('button', { name: 'Open as a new draft' }).click();
  await expect(w.widget.locator('.da-title')).toHaveText('Checkout redesign with the sales team');
});

test('a title is a title: its field takes at most 200 characters', async ({ page }) => {
  const w = new Wizard(page);
  await w.goto();
  const title = w.field('What shall we call this alliance?');
  await expect(title).toHaveAttribute('maxlength', '200');
  await title.pressSequentially('x'.repeat(205), { delay: 0 });
  await expect(title).toHaveValue('x'.repeat(200));
});

test('markup typed into a field is shown as text and never runs', async ({ page }) => {
  const w = new Wizard(page);
  let dialogs = 0;
  page.on('dialog', async (d) => {
    dialogs += 1;
    await d.dismiss();
  });
  await w.goto();
  const hostile = '<img src=x onerror=alert(1)><script>alert(2)</script>';
  await w.field('What shall we call this alliance?').fill(hostile);
  await w.next('The goal');
  await w.field('What are we trying to achieve together?').fill(hostile);
  await w.goToStep('Review');
  await expect(w.widget.locator('.da-doc-title')).toHaveText(hostile);
  await expect(w.widget.locator('.da-doc')).toContainText('<script>alert(2)</script>');
  await expect(w.widget.locator('img, script')).toHaveCount(0);
  expect(dialogs).toBe(0);
});

test('copy as Markdown falls back to a selectable box when the clipboard is denied', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(navigator, 'clipboard', {
      value: { writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) },
    });
  });
  const w = new Wizard(page);
  await w.goto();
  await w.field('What shall we call this alliance?').fill('Copy me');
  await w.button('Copy as Markdown', await w.openMenu()).click();
  const dialog = page.getByRole('dialog', { name: 'Copy the text yourself' });
  await expect(dialog).toBeVisible();
  const box = dialog.getByLabel('Your alliance as Markdown');
  await expect(box).toBeFocused();
  await expect(box).toHaveValue(/^# Copy me\n/);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
});

test('copy as Markdown uses the clipboard when allowed', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const w = new Wizard(page);
  await w.goto();
  await w.field('What shall we call this alliance?').fill('On the clipboard');
  await w.button('Copy as Markdown', await w.openMenu()).click();
  await expect(w.status).toHaveText('Copied as Markdown. Paste it where Markdown is read, such as your notes.');
  const text = await page.evaluate(() => navigator.clipboard.readText());
  expect(text).toMatch(/^# On the clipboard\n/);
});

test('the calendar file holds the review, the check-ins and dated commitments', async ({ page }) => {
  // Only dates still ahead are in the file: the day is fixed before the example's dates.
  await page.clock.setFixedTime(new Date('2026-11-20T10:00:00'));
  const w = new Wizard(page);
  await w.goto();
  const file = await readFile(new URL('../../../examples/coach-and-client.json', import.meta.url));
  await w.chooseFile({ name: 'coaching.json', mimeType: 'application/json', buffer: file });
  await w.importDialog.getByRole('button', { name: 'Open as a new draft' }).click();
  const download = await w.downloadCalendar();
  expect(download.suggestedFilename()).toMatch(/\.ics$/);
  const ics = await readFile((await download.path())!, 'utf8');
  expect(ics).toContain('BEGIN:VCALENDAR\r\n');
  expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(3);
  expect(ics).toContain('RRULE:FREQ=WEEKLY;INTERVAL=2');
});

test('printing shows the review as a clean document', async ({ page }, info) => {
  const w = new Wizard(page);
  await w.goto();
  const file = await readFile(new URL('../../../examples/coach-and-client.json', import.meta.url));
  await w.chooseFile({ name: 'coaching.json', mimeType: 'application/json', buffer: file });
  await w.importDialog.getByRole('button', { name: 'Open as a new draft' }).click();
  // What the page shows at the moment the browser prints: the widget alone, not the page
  // around it (the demo page's heading and introduction stand for a coach's own header).
  // Printed from another step: the review is what prints, and the person stays where they were.
  await w.goToStep('The goal');
  await page.evaluate(() => {
    const seen = (sel: string) => document.querySelector(sel)!.checkVisibility();
    window.print = () => {
      const review = document.querySelector('designed-alliance')!.shadowRoot!.querySelector('.da-doc');
      (window as unknown as { printed: object }).printed = {
        heading: seen('h1'),
        intro: seen('.demo-intro'),
        widget: seen('designed-alliance'),
        review: !!review?.checkVisibility(),
      };
    };
  });
  const menu = await w.openMenu();
  await w.press(w.button('Print or save as PDF', menu));
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { printed?: object }).printed))
    .toEqual({ heading: false, intro: false, widget: true, review: true });
  // … and the page is whole again once the dialog returns, at the same step.
  await expect(page.locator('h1')).toBeVisible();
  await expect(page.locator('.demo-intro')).toBeVisible();
  await expect(w.stepHeading).toHaveText('The goal');
  await w.goToStep('Review');
  await page.emulateMedia({ media: 'print' });
  await expect(w.widget.getByRole('navigation', { name: 'Steps' })).toBeHidden();
  await expect(w.button('Save or share')).toBeHidden();
  await expect(w.widget.locator('.da-doc')).toBeVisible();
  // The questions for a review print only once something is answered.
  await expect(w.widget.locator('.da-reflections')).toBeHidden();
  for (const words of ['(not filled in)', 'Nothing yet', 'When you hold a review']) await expect(w.widget.getByText(words).filter({ visible: true })).toHaveCount(0);
  await page.screenshot({ path: info.outputPath('print.png'), fullPage: true });
});
