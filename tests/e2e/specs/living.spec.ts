// The living alliance, walked as two people would: an agreed alliance whose check-in day has
// passed opens with the offer; the check-in is held at 375 px with the keyboard only; the
// history, the file, the Markdown and the calendar show it; a month later, on another phone
// and by touch, a second check-in changes the goal on the way (the alliance is a draft again,
// with a log entry) and the history shows both.
import { test, expect, type Browser, type Locator } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { Wizard, type Mode } from '../pages/wizard';

const PHONE = { width: 375, height: 812 };

/** The agreed coaching example, without its check-ins: checked in fortnightly from 1 December
 *  2026, at 8:30. */
async function agreedWithoutCheckIns(): Promise<string> {
  const file = JSON.parse(await readFile(new URL('../../../examples/coach-and-client.json', import.meta.url), 'utf8'));
  delete file.alliance.checkIns;
  file.alliance.keepingAlive.revisions = [];
  return JSON.stringify(file);
}

async function phone(browser: Browser, mode: Mode, now: string) {
  const context = await browser.newContext({ viewport: PHONE, locale: 'en-GB', hasTouch: mode === 'pointer', isMobile: mode === 'pointer' });
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const page = await context.newPage();
  await page.clock.setFixedTime(new Date(now));
  return new Wizard(page, mode);
}

/** Opens a file (into a blank draft), then opens the page again: the draft is what it opens with. */
async function openAndReload(w: Wizard, text: string) {
  await w.gotoWelcome();
  // The host page's importJson, into a blank draft: it opens at once.
  await w.widget.evaluate((el: any, t) => el.importJson(t), text);
  await expect(w.saveStatus).toHaveText(/^Saved in this browser/);
  await w.page.reload();
  await expect(w.stepHeading).toBeVisible();
}

/** Presses a control: by keyboard, or by a tap of a finger. */
async function touch(w: Wizard, target: Locator) {
  if (w.mode === 'keyboard') return w.press(target);
  await target.tap();
}

/** Chooses a radio button of a group: with the arrow keys, or by a tap. */
async function pick(w: Wizard, group: Locator, name: string) {
  const radio = group.getByRole('radio', { name, exact: true });
  if (w.mode === 'pointer') {
    await radio.tap();
  } else {
    await w.tabTo(group.getByRole('radio', { checked: true }).or(group.getByRole('radio').first()).first());
    for (let i = 0; i < 8 && !(await radio.isChecked()); i++) await w.page.keyboard.press('ArrowRight');
  }
  await expect(radio).toBeChecked();
}

async function tick(w: Wizard, box: Locator) {
  if (w.mode === 'pointer') await box.tap();
  else await w.check(box);
  await expect(box).toBeChecked();
}

async function type(w: Wizard, field: Locator, text: string) {
  if (w.mode === 'pointer') {
    await field.tap();
    await field.fill(text);
  } else {
    await w.fill(field, text);
  }
}

const walkHeading = (w: Wizard) => w.widget.getByRole('heading', { level: 2 });
const progress = (w: Wizard) => w.widget.locator('.da-walk-progress');

async function nextScreen(w: Wizard, n: number, name: string) {
  await touch(w, w.button('Next'));
  await expect(progress(w)).toHaveText(`${n} of 5: ${name}`);
  // The new screen's name has focus: a screen reader says where the person now is.
  await expect(progress(w)).toBeFocused();
}

test('a check-in is offered when due, walked by keyboard and by touch, kept, exported, and never un-agrees unless terms change', async ({ browser }) => {
  const start = await agreedWithoutCheckIns();

  // ---- Priya's phone, 3 December: the check-in of 1 December has passed.
  const priya = await phone(browser, 'keyboard', '2026-12-03T09:00:00');
  await openAndReload(priya, start);
  const offer = priya.widget.locator('.da-living-notice');
  await expect(offer).toContainText('Your check-in was due on 1 December 2026.');
  await expect(priya.widget.getByText(/^✓ /)).toBeVisible();
  await priya.press(priya.button('Hold it now'));
  await expect(walkHeading(priya)).toHaveText('Check-in of 3 December 2026');
  await expect(walkHeading(priya)).toBeFocused();
  await expect(progress(priya)).toHaveText('1 of 5: Who does what');
  await expect(offer).toHaveCount(0);

  // Each commitment: a status and a note; the third is left out (not talked about).
  const commitments = priya.widget.locator('fieldset.da-walk-item');
  await expect(commitments).toHaveCount(3);
  await pick(priya, commitments.nth(0), 'On track');
  await pick(priya, commitments.nth(1), 'Done');
  await priya.fill(priya.field('Note', commitments.nth(1)), 'Booked for 9 December.');
  await nextScreen(priya, 2, 'What we saw');
  await priya.fill(priya.widget.getByLabel(/ — What we saw$/).first(), 'Two of five one-to-ones so far.');
  await nextScreen(priya, 3, 'Milestones');
  await expect(priya.widget.getByText('You planned to mark it: Share the win with my manager')).toBeVisible();
  await nextScreen(priya, 4, 'Is this still serving us?');
  await pick(priya, priya.widget.getByRole('group', { name: 'The goal' }), 'Keep as it is');
  await nextScreen(priya, 5, 'Who was there');
  // Nobody ticked: said, and nothing saved.
  await priya.press(priya.button('Save the check-in'));
  await expect(priya.widget.getByText('Tick who was there before saving.')).toBeVisible();
  await tick(priya, priya.widget.getByRole('checkbox', { name: 'Priya' }));
  await tick(priya, priya.widget.getByRole('checkbox', { name: 'Jordan' }));
  await priya.fill(priya.field('What we take away'), 'Start the one-to-ones earlier in the week.');
  await priya.press(priya.button('Save the check-in'));
  await expect(priya.status).toHaveText('Check-in saved. Next check-in: 17 December 2026.');
  await expect(priya.stepHeading).toHaveText('Keeping it alive');
  const history = priya.widget.locator('.da-history-item');
  await expect(history).toHaveCount(1);
  await expect(history.first()).toContainText('Check-in of 3 December 2026');
  await expect(history.first()).toContainText('There: Priya, Jordan. We take away: Start the one-to-ones earlier in the week.');
  await expect(history.first()).toContainText('Booked for 9 December.');
  // A check-in is not a change of terms: still agreed.
  await expect(priya.widget.getByText(/^✓ /)).toBeVisible();

  // The file.
  const file = JSON.parse(await priya.widget.evaluate((el: any) => el.exportJson()));
  expect(file.alliance.status).toBe('agreed');
  expect(file.alliance.checkIns).toHaveLength(1);
  const held = file.alliance.checkIns[0];
  expect(held.date).toBe('2026-12-03');
  expect(held.present.map((p: any) => p.name)).toEqual(['Priya', 'Jordan']);
  expect(held.commitments.map((c: any) => c.status)).toEqual(['onTrack', 'done']);
  expect(held.measures[0].seen).toBe('Two of five one-to-ones so far.');
  expect(held.milestones).toBeUndefined();
  expect(held.sections).toEqual([{ section: 'goal', verdict: 'keep' }]);
  expect(file.alliance.keepingAlive.revisions).toEqual([]);

  // The Markdown.
  await priya.press(priya.button('Copy as Markdown', await priya.openMenu()));
  await expect(priya.status).toContainText('Copied as Markdown');
  const markdown = await priya.page.evaluate(() => navigator.clipboard.readText());
  expect(markdown).toContain('Latest check-in: 3 December 2026');
  expect(markdown).toContain('**What we take away:** Start the one-to-ones earlier in the week.');

  // The calendar: the next check-in follows the one held.
  const ics = await readFile((await (await priya.downloadCalendar()).path())!, 'utf8');
  expect(ics.replace(/\r\n /g, '')).toMatch(/DTSTART;TZID=[^:]+:20261217T083000/);

  // ---- Jordan's phone, a month later, by touch: the file Priya sent.
  const jordan = await phone(browser, 'pointer', '2027-01-05T18:00:00');
  await openAndReload(jordan, JSON.stringify(file));
  await expect(jordan.widget.locator('.da-living-notice')).toContainText('Your check-in was due on 17 December 2026.');
  await touch(jordan, jordan.button('Hold it now'));
  await expect(walkHeading(jordan)).toHaveText('Check-in of 5 January 2027');
  await nextScreen(jordan, 2, 'What we saw');
  await nextScreen(jordan, 3, 'Milestones');
  await tick(jordan, jordan.widget.getByRole('checkbox', { name: /^The first retrospective I run — / }));
  await type(jordan, jordan.field('How we marked it'), 'Lunch with the team.');
  await nextScreen(jordan, 4, 'Is this still serving us?');
  // Change the goal now: its step opens, the check-in waits.
  await pick(jordan, jordan.widget.getByRole('group', { name: 'The goal' }), 'Change it');
  await touch(jordan, jordan.button('Change “The goal” now'));
  await expect(jordan.stepHeading).toHaveText('The goal');
  await expect(jordan.widget.locator('.da-living-notice')).toContainText('Your check-in of 5 January 2027 is under way.');
  await type(jordan, jordan.field('What are we trying to achieve together?'), 'Lead the team with confidence, and hire two engineers.');
  await touch(jordan, jordan.button('Back to the check-in'));
  await expect(progress(jordan)).toHaveText('4 of 5: Is this still serving us?');
  await expect(jordan.widget.getByRole('group', { name: 'The goal' }).getByRole('radio', { name: 'Change it' })).toBeChecked();
  await nextScreen(jordan, 5, 'Who was there');
  await tick(jordan, jordan.widget.getByRole('checkbox', { name: 'Jordan' }));
  await touch(jordan, jordan.button('Save the check-in'));
  await expect(jordan.stepHeading).toHaveText('Keeping it alive');
  const both = jordan.widget.locator('.da-history-item');
  await expect(both).toHaveCount(2);
  await expect(both.nth(0)).toContainText('Check-in of 5 January 2027');
  await expect(both.nth(1)).toContainText('Check-in of 3 December 2026');
  // The change made during it: a draft again, with its entry in the log.
  await expect(jordan.widget.getByText(/^✓ /)).toHaveCount(0);
  const after = JSON.parse(await jordan.widget.evaluate((el: any) => el.exportJson()));
  expect(after.alliance.status).toBe('draft');
  expect(after.alliance.checkIns.map((c: any) => c.date)).toEqual(['2026-12-03', '2027-01-05']);
  expect(after.alliance.checkIns[1].milestones).toEqual([
    { milestoneId: 'ms-1', milestone: 'The first retrospective I run', celebrated: 'Lunch with the team.' },
  ]);
  expect(after.alliance.checkIns[1].sections).toEqual([{ section: 'goal', verdict: 'change' }]);
  const log = after.alliance.keepingAlive.revisions;
  expect(log).toHaveLength(1);
  expect(log[0]).toMatchObject({ date: '2027-01-05', sections: ['goal'], changes: 'Changed during a check-in: The goal.' });

  // A check-in begun and thrown away: asked first, said truly, focus back on the step.
  await touch(jordan, jordan.button('Hold a check-in').first());
  await expect(walkHeading(jordan)).toHaveText('Check-in of 5 January 2027');
  await touch(jordan, jordan.button('Discard this check-in'));
  await expect(jordan.widget.getByText('Discard this check-in’s answers? They cannot be brought back.')).toBeVisible();
  await touch(jordan, jordan.button('Discard this check-in'));
  await expect(jordan.status).toHaveText('The check-in was discarded. Nothing in your agreement changed.');
  await expect(jordan.stepHeading).toBeFocused();
  expect(JSON.parse(await jordan.widget.evaluate((el: any) => el.exportJson())).alliance.checkIns).toHaveLength(2);

  expect(priya.errors).toEqual([]);
  expect(jordan.errors).toEqual([]);
});
