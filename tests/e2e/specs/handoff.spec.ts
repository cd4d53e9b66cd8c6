// Two people, two phones, one agreement: the hand-off walked as Maya and Sam would walk it,
// each in a browser of their own (two contexts, each with its own storage), at 375 px.
// Maya fills in the essentials and sends the alliance; Sam opens it, says who he is, changes
// an answer, adds a need, agrees and sends it back; Maya compares the two with the defaults
// and saves. What is checked: who is credited, that nothing of either side was lost, the
// revision log, the agreements, and every file and link either of them wrote.
import { test, expect, type Browser, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { inflateSync } from 'node:zlib';
import { Wizard } from '../pages/wizard';

const PHONE = { width: 375, height: 812 };
const TITLE = 'Maya and Sam: the spring launch';
const WHY_MAYA = 'Customers have waited a year for this launch.';
const WHY_SAM = 'Customers have waited a year for this launch, and the team needs a win.';
const NEED = 'A quiet hour on Fridays to plan the week';

/** How the alliance goes from one browser to the other. */
type Carrier = 'link' | 'file' | 'importJson';

async function phone(browser: Browser): Promise<Wizard> {
  const context = await browser.newContext({ viewport: PHONE });
  return new Wizard(await context.newPage());
}

/** The essentials, as Maya fills them in on her phone. */
async function fillEssentials(w: Wizard) {
  await w.goto();
  await w.fill(w.field('What shall we call this alliance?'), TITLE);
  await w.choose(w.field('What kind of relationship is this?'), 'Co-founders');
  await w.fill(w.field('Name', w.item('Person 1')), 'Maya');
  await w.fill(w.field('Name', w.item('Person 2')), 'Sam');
  // Nobody is "me" until someone says so.
  await expect(w.whoIsMe()).toHaveCount(0);
  await w.next('The goal');
  await w.fill(w.field('What are we trying to achieve together?'), 'Launch the new plans in spring.');
  await w.fill(w.field('Why does it matter?'), WHY_MAYA);
  await w.next('How we will measure it');
  await w.press(w.button('Add a way to measure progress'));
  const m = w.item('Measure 1');
  await w.fill(w.field('What will we see when it is going well?', m), 'Two hundred sign-ups in the first month');
  await w.fill(w.field('How will we check it?', m), 'The sign-up dashboard');
  await w.choose(w.field('How often will we look?', m), 'Every week');
  await w.next('Who does what, and when');
  await w.press(w.button('Add a commitment'));
  const c = w.item('Commitment 1');
  await w.fill(w.field('What will be done?', c), 'Write the launch emails');
  await w.choose(w.field('Who does it?', c), 'Maya');
  await w.choose(w.field('When?', c), 'After something happens');
  await w.fill(w.field('After what?', c), 'the pricing is settled');
  await w.next('How we will communicate');
  await w.press(w.button('Add a channel'));
  await w.fill(w.field('Channel', w.item('Channel 1')), 'A weekly call');
  await w.choose(w.field('How often do we check in?'), 'Every week');
  await w.fill(w.field('How do we raise a problem fast?'), 'A phone call the same day.');
  await w.next('How we will celebrate');
  await w.fill(w.field('How will we celebrate reaching the goal?'), 'Dinner with the team.');
  await w.goToStep('Review');
  await expect(w.widget.getByText('Everything needed is filled in.')).toBeVisible();
}

/** The alliance in a share link, unpacked as the receiving browser does. */
function unpack(link: string): any {
  const data = link.split('#alliance-v1=')[1];
  return JSON.parse(inflateSync(Buffer.from(data, 'base64url')).toString('utf8'));
}

/** What leaves a browser: a link, a downloaded file, or the host page's exportJson. */
async function send(w: Wizard, carrier: Carrier): Promise<string> {
  if (carrier === 'link') {
    const menu = await w.openMenu();
    await w.press(w.button('Share a link…', menu));
    const dialog = w.page.getByRole('dialog', { name: 'Share a link' });
    const field = dialog.getByLabel('Link to this alliance');
    await expect(field).toHaveValue(/#alliance-v1=/);
    const link = await field.inputValue();
    await w.press(dialog.getByRole('button', { name: 'Close' }));
    return link;
  }
  if (carrier === 'file') {
    const download = await w.downloadJson();
    return readFile((await download.path())!, 'utf8');
  }
  return w.widget.evaluate((el: any) => el.exportJson());
}

/** What arrives in the other browser, by the same way. */
async function receive(w: Wizard, carrier: Carrier, sent: string) {
  if (carrier === 'link') {
    await w.page.goto(sent);
  } else if (carrier === 'file') {
    if (!w.page.url().includes('index.html')) await w.gotoWelcome();
    await w.chooseFile({ name: 'alliance.json', mimeType: 'application/json', buffer: Buffer.from(sent) });
  } else {
    if (!w.page.url().includes('index.html')) await w.gotoWelcome();
    await w.widget.evaluate((el: any, text) => el.importJson(text), sent);
  }
}

/** The alliance a browser wrote, whatever carried it. */
function fileOf(carrier: Carrier, sent: string): any {
  return carrier === 'link' ? unpack(sent) : JSON.parse(sent);
}

/** Which person is "me" is never in what a browser writes. */
function expectNoMe(file: any, raw: string) {
  for (const p of file.alliance.parties) expect(p.isMe).toBe(false);
  expect(raw).not.toMatch(/"isMe":\s*true/);
  expect(Object.keys(file)).toEqual(['format', 'schemaVersion', 'exportedAt', 'alliance']);
  expect(JSON.stringify(file)).not.toMatch(/"me"\s*:/);
}

/** Maya fills in the essentials and shares a link; Sam opens it, and `change` is what he does
 *  before sending it back (by link). Maya's phone then has both, ready to compare. */
async function aRoundTrip(browser: Browser, change: (sam: Wizard) => Promise<void>) {
  const maya = await phone(browser);
  await fillEssentials(maya);
  const link = await send(maya, 'link');
  const sam = await phone(browser);
  await receive(sam, 'link', link);
  await sam.importDialog.getByRole('button', { name: 'Open as a new draft' }).click();
  await sam.goToStep('The goal');
  await change(sam);
  const back = await send(sam, 'link');
  return { maya, sam, back };
}

async function exported(w: Wizard): Promise<any> {
  return JSON.parse(await w.widget.evaluate((el: any) => el.exportJson()));
}

for (const carrier of ['link', 'file', 'importJson'] as Carrier[]) {
  test(`two people agree across two phones, by ${carrier}: nothing lost, the right person credited`, async ({ browser }, info) => {
    const shot = (w: Wizard, name: string) => w.page.screenshot({ path: info.outputPath(`${name}.png`), fullPage: true });

    // ---- Maya's phone: the essentials, sent to Sam.
    const maya = await phone(browser);
    await fillEssentials(maya);
    const first = await send(maya, carrier);
    expectNoMe(fileOf(carrier, first), carrier === 'link' ? JSON.stringify(unpack(first)) : first);

    // ---- Sam's phone: nothing stored, the alliance arrives.
    const sam = await phone(browser);
    if (carrier !== 'link') await sam.gotoWelcome();
    await receive(sam, carrier, first);
    if (carrier === 'importJson') {
      // The host page opened it at once: nobody asked who he is yet.
      await expect(sam.stepHeading).toHaveText('Review');
    } else {
      const preview = sam.importDialog;
      await expect(preview).toBeVisible();
      // The preview, in plain words: labels that are labels, counts and dates as people say them.
      await expect(preview.locator('dt', { hasText: 'Title' })).toBeVisible();
      await expect(preview).toContainText(TITLE);
      await expect(preview).toContainText('Maya, Sam');
      await expect(preview).toContainText('1 commitment, 1 way of measuring progress');
      await expect(preview).toContainText(/\d{1,2} \w+ \d{4}|\w+ \d{1,2}, \d{4}/);
      await expect(preview).not.toContainText(/\d{4}-\d\d-\d\d/);
      // Nothing of his in this browser: nothing said to stay, nothing to keep.
      await expect(preview).toContainText('It opens as a draft in this browser.');
      await expect(preview).not.toContainText('stays in My drafts');
      await expect(preview.getByRole('button', { name: 'Keep what I have' })).toHaveCount(0);
      // Which one he is, asked, and not preset from Maya's browser.
      const who = sam.whoIsMe(preview);
      await expect(who.getByRole('radio', { checked: true })).toHaveCount(0);
      await shot(sam, 'sam-preview');
      await sam.iAm('Sam', preview);
      await preview.getByRole('button', { name: 'Open as a new draft' }).click();
      await expect(sam.stepHeading).toHaveText('Review');
    }

    // He changes an answer and adds a need.
    await sam.goToStep('The goal');
    await sam.fill(sam.field('Why does it matter?'), WHY_SAM);
    await sam.goToStep('Needs and offers');
    await sam.press(sam.button('Add a need for Sam'));
    await sam.fill(sam.field('Need', sam.item('Need 1', sam.personNeeds('Sam'))), NEED);

    // He agrees, as Sam (asked now, where the link did not ask).
    await sam.goToStep('Agreement');
    if (carrier === 'importJson') {
      await expect(sam.button('Sam: I agree')).toHaveCount(0);
      await sam.iAm('Sam');
    }
    await expect(sam.widget.getByText('On this device you are Sam.')).toBeVisible();
    await sam.press(sam.button('Sam: I agree'));
    await expect(sam.widget.getByText(/Sam agreed on /)).toBeVisible();
    // Maya agrees on her own phone: Sam cannot agree for her.
    await expect(sam.button('Maya: I agree')).toHaveCount(0);
    await expect(sam.widget.getByText('Maya has not agreed yet.')).toBeVisible();
    const back = await send(sam, carrier);
    const samFile = fileOf(carrier, back);
    expectNoMe(samFile, carrier === 'link' ? JSON.stringify(samFile) : back);
    expect(samFile.alliance.agreement.signatures.map((s: any) => s.name)).toEqual(['Sam']);

    // ---- Maya's phone: Sam's version arrives; she has this alliance, so she compares.
    await receive(maya, carrier, back);
    await expect(maya.importDialog).toContainText('You already have this alliance in this browser');
    await maya.importDialog.getByRole('button', { name: 'Compare with my draft' }).click();
    const dialog = maya.page.getByRole('dialog', { name: 'Compare the two versions' });
    await expect(dialog).toContainText(/The other version was saved on (\d{1,2} \w+|\w+ \d{1,2},) \d{4} at \d{1,2}:\d\d( [AP]M)?\./);
    // Nobody's name is guessed for the other version.
    await expect(dialog).not.toContainText('saved by');
    await expect(dialog).toContainText('2 differences');
    const why = dialog.getByRole('group', { name: 'The goal — Why does it matter?' });
    await expect(why).toContainText('Changed in the other version since you last exchanged them');
    // What changed is marked, not two walls of text.
    await expect(why.locator('mark')).toHaveText(['differs: , and the team needs a win']);
    await expect(why.getByRole('radio', { name: 'Take theirs' })).toBeChecked();
    const need = dialog.getByRole('group', { name: 'Needs and offers — Need' });
    await expect(need).toContainText('Only in the other version');
    await expect(need.getByRole('radio', { name: 'Keep it' })).toBeChecked();
    await expect(dialog).toContainText('Sam agreed to the other version. With these choices the terms are the same, so that agreement counts here too.');
    // Who she is, asked here: the log can say who brought the two together.
    await expect(maya.whoIsMe(dialog).getByRole('radio', { checked: true })).toHaveCount(0);
    await maya.iAm('Maya', dialog);
    await shot(maya, 'maya-compare');
    // The defaults, as they are.
    await dialog.getByRole('button', { name: 'Save the result' }).click();
    await expect(dialog).toBeHidden();
    await expect(maya.status).toHaveText(
      'Saved: 2 differences taken from the other version. The revision log says what was taken, kept and left out. ' +
        'The agreement Sam gave to these same terms now counts here too.',
    );

    // Nothing of either side was lost; Sam is credited with his agreement, Maya with the merge.
    const result = (await exported(maya)).alliance;
    expect(result.goal.why).toBe(WHY_SAM);
    expect(result.goal.what).toBe('Launch the new plans in spring.');
    expect(result.commitments.map((c: any) => c.what)).toEqual(['Write the launch emails']);
    expect(result.needsAndOffers.map((n: any) => n.text)).toEqual([NEED]);
    expect(result.needsAndOffers[0].partyId).toBe(result.parties[1].id);
    expect(result.status).toBe('draft');
    expect(result.agreement.signatures.map((s: any) => s.name)).toEqual(['Sam']);
    const log = result.keepingAlive.revisions.at(-1).changes;
    expect(log).toMatch(/^Maya brought this version together with another, saved on .+ \d{4} at \d{1,2}:\d\d( [AP]M)?\. /);
    expect(log).toContain('Taken from the other version: The goal: Why does it matter?; Needs and offers: Need “Sam · Needs · A quiet hour on Fridays to plan the week”.');
    expect(log).toContain('Sam agreed to these same terms in the other version; that agreement counts here.');
    expect(log).not.toContain('Left out');

    // The agreement: Sam's counts; Maya, known here, agrees and it is agreed by both.
    await maya.goToStep('Agreement');
    await expect(maya.widget.getByText(/Sam agreed on /)).toBeVisible();
    await expect(maya.widget.getByText('On this device you are Maya.')).toBeVisible();
    await maya.press(maya.button('Maya: I agree'));
    await expect(maya.widget.getByText('Everyone has agreed. This is now your alliance.').first()).toBeVisible();

    // The file she keeps: the whole alliance, nobody marked "me".
    const download = await maya.downloadJson();
    const kept = await readFile((await download.path())!, 'utf8');
    const keptFile = JSON.parse(kept);
    expectNoMe(keptFile, kept);
    expect(keptFile.alliance.status).toBe('agreed');
    expect(keptFile.alliance.agreement.signatures.map((s: any) => s.name).sort()).toEqual(['Maya', 'Sam']);
    expect(maya.errors).toEqual([]);
    expect(sam.errors).toEqual([]);
    await maya.page.context().close();
    await sam.page.context().close();
  });
}

test('an answer both changed must be chosen before saving, and "take all of theirs" takes them all', async ({ browser }) => {
  // Sam changes why it matters; Maya changes it too, in her own words.
  const { maya, sam, back } = await aRoundTrip(browser, async (sam) => {
    await sam.fill(sam.field('Why does it matter?'), WHY_SAM);
    await sam.fill(sam.field('What are we trying to achieve together?'), 'Launch the new plans in early spring.');
  });
  await maya.goToStep('The goal');
  await maya.fill(maya.field('Why does it matter?'), 'Our customers have waited long enough.');
  await receive(maya, 'link', back);
  await maya.importDialog.getByRole('button', { name: 'Compare with my draft' }).click();
  const dialog = maya.page.getByRole('dialog', { name: 'Compare the two versions' });
  const why = dialog.getByRole('group', { name: 'The goal — Why does it matter?' });
  await expect(why).toContainText('Different in each version: choose which to keep');
  await expect(why.getByRole('radio', { checked: true })).toHaveCount(0);
  const save = dialog.getByRole('button', { name: /^Save the result/ });
  await expect(save).toHaveText('Save the result (1 left to choose)');
  // Saving before choosing says why, and goes to what needs a choice; nothing changes.
  await save.click();
  await expect(dialog.getByRole('alert')).toHaveText('Choose what to keep for 1 more difference first: it is changed in both versions.');
  await expect(why.getByRole('radio', { name: 'Keep mine' })).toBeFocused();
  expect((await exported(maya)).alliance.goal.why).toBe('Our customers have waited long enough.');
  // All of theirs, for every difference at once.
  await dialog.getByRole('button', { name: 'Take all of theirs' }).click();
  await expect(save).toHaveText('Save the result');
  await save.click();
  await expect(dialog).toBeHidden();
  const result = (await exported(maya)).alliance;
  expect(result.goal.why).toBe(WHY_SAM);
  expect(result.goal.what).toBe('Launch the new plans in early spring.');
  const log = result.keepingAlive.revisions.at(-1).changes;
  // Nobody said who she is here: no name is guessed.
  expect(log).toMatch(/^Brought together with another version, saved on /);
  await maya.page.context().close();
  await sam.page.context().close();
});

test('keeping all of mine changes nothing, and says so', async ({ browser }) => {
  const { maya, sam, back } = await aRoundTrip(browser, (sam) => sam.fill(sam.field('Why does it matter?'), WHY_SAM));
  await receive(maya, 'link', back);
  await maya.importDialog.getByRole('button', { name: 'Compare with my draft' }).click();
  const dialog = maya.page.getByRole('dialog', { name: 'Compare the two versions' });
  await expect(dialog).toContainText('1 difference');
  await dialog.getByRole('group', { name: 'The goal — Why does it matter?' }).getByRole('radio', { name: 'Keep mine' }).check();
  await dialog.getByRole('button', { name: 'Save the result' }).click();
  await expect(maya.status).toHaveText('Nothing was taken from the other version: your draft is as it was, and the revision log notes the comparison.');
  const result = (await exported(maya)).alliance;
  expect(result.goal.why).toBe(WHY_MAYA);
  expect(result.keepingAlive.revisions.at(-1).changes).toContain(
    'Kept as in this version, instead of the other’s: The goal: Why does it matter?.',
  );
  await maya.page.context().close();
  await sam.page.context().close();
});
