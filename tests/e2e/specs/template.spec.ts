// The coach's own template (template="…" on the element, ?template=… for the frame page): their
// welcome (followed by the widget's own points, each said once) and their wording, of sections
// and of the widget's own questions; how long it takes and what is missing, following the
// template's way through; and a template that cannot be used named in the console while the
// widget runs with the standard one.
//
// Waiting is always for a condition, never for a time.
import { test, expect, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { Wizard } from '../pages/wizard';

const example = () => readFile(new URL('../../../examples/templates/first-sessions.json', import.meta.url), 'utf8');

/** A coach's page whose widget names `/tpl/template.json`, served as `body` (or as `status`). */
async function coachPage(page: Page, body: string, status = 200) {
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.route('**/tpl/template.json', (route) => route.fulfill({ status, contentType: 'application/json', body }));
  await page.route('**/coach-template/', (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A coach's page</title>
        <script type="module" src="/designed-alliance-start.js"></script></head>
        <body><main><designed-alliance namespace="tpl" template="/tpl/template.json"></designed-alliance></main></body></html>`,
    }),
  );
  await page.goto('/coach-template/');
  const w = new Wizard(page);
  await expect(w.stepHeading).toHaveText('Welcome');
  return { w, errors };
}

test("the coach's welcome and wording replace the standard ones, as text", async ({ page }) => {
  const template = JSON.parse(await example());
  template.welcome = 'Before our first session, take twenty minutes together.\n\n<b>Bring</b> the file to our session.';
  const { w, errors } = await coachPage(page, JSON.stringify(template));
  const body = w.widget.locator('.da-step-body');
  await expect(body.locator('.da-welcome-text').first()).toHaveText('Before our first session, take twenty minutes together.');
  // Markup in a template is text: shown as written, never interpreted.
  await expect(body.locator('.da-welcome-text').nth(1)).toHaveText('<b>Bring</b> the file to our session.');
  await expect(body.locator('b')).toHaveCount(0);
  // Where the answers stay is always said.
  await expect(body.locator('dt', { hasText: 'Where your answers stay' })).toBeVisible();
  await expect(body.locator('dt', { hasText: 'Why it helps' })).toHaveCount(0);
  // The coach's title and introduction for the goal, in the step list, the buttons and the step.
  await w.begin();
  await expect(w.stepLink('What you want from coaching')).toBeVisible();
  await w.next('What you want from coaching');
  await expect(w.widget.locator('.da-step-intro')).toHaveText('One goal for the next three months, in your own words, and why it matters now.');
  await expect(w.whereabouts).toHaveText('Step 2 of 9: What you want from coaching');
  expect(errors).toEqual([]);
});

test("a coach's template leaves out sections and adds questions: filled, agreed and exported with the template recorded; opened without it, every answer stays", async ({ page, browser }) => {
  const { w, errors } = await coachPage(page, await example());
  // The way through is the template's: its sections, in its order, then review and agreement.
  const nav = w.widget.getByRole('navigation', { name: 'Steps' });
  await expect(nav.locator('.da-step-title')).toHaveText([
    'Welcome', 'Who is involved', 'What you want from coaching', 'Who does what, and when', 'How we will communicate',
    'How we will celebrate', 'Keeping it alive', 'Review', 'Agreement', 'Finish',
  ]);
  await w.begin();
  await expect(w.whereabouts).toHaveText('Step 1 of 9: Who is involved');
  await w.fill(w.field('What shall we call this alliance?'), 'First sessions with Sam');
  await w.choose(w.field('What kind of relationship is this?'), 'Coach and client');
  await w.fill(w.field('Name', w.item('Person 1')), 'Priya');
  await w.fill(w.field('Name', w.item('Person 2')), 'Sam');

  await w.next('What you want from coaching');
  // The goal's first question in the coach's words (see the test of rewording below).
  await w.fill(w.field('What do you want to be different in three months?'), 'Lead my first team with confidence.');
  await w.fill(w.field('Why does it matter?'), 'The launch depends on it.');
  // The coach's question after the section's own: optional (not required), with its help and example.
  const energy = w.field('What gives you energy at work right now?');
  await expect(w.widget.locator('label', { hasText: 'What gives you energy at work right now?' })).toContainText('(optional)');
  await expect(energy).toHaveAccessibleDescription(/We will come back to it when things get hard\..*For example: Mentoring the two new designers\./);
  await w.fill(energy, 'Mentoring the new designers');

  // How we measure it is left out: the goal leads to who does what.
  await w.next('Who does what, and when');
  await w.press(w.button('Add a commitment'));
  const c = w.item('Commitment 1');
  await w.fill(w.field('What will be done?', c), 'Bring one real situation to each session');
  await w.choose(w.field('Who does it?', c), 'Priya');
  await w.choose(w.field('When?', c), 'After something happens');
  await w.fill(w.field('After what?', c), 'each session is booked');
  await w.date(w.field('When is our first session?'), '2026-12-09');

  await w.next('How we will communicate');
  await w.press(w.button('Add a channel'));
  await w.fill(w.field('Channel', w.item('Channel 1')), 'Email');
  await w.choose(w.field('How often do we check in?'), 'Every two weeks');
  await w.fill(w.field('How do we raise a problem fast?'), 'A message, answered within a day.');
  // Required: no "(optional)"; left empty for now.
  await expect(w.widget.locator('label', { hasText: 'Where would you like our sessions to happen?' })).not.toContainText('(optional)');

  await w.next('How we will celebrate');
  await w.fill(w.field('How will we celebrate reaching the goal?'), 'A walk in the park.');
  await w.fill(w.field('One word for how you want to feel in three months'), 'Calm');
  await w.next('Keeping it alive');
  await w.next('Review');
  // Only the required question is missing (nothing about the sections left out); its link
  // leads to it.
  const missing = w.widget.locator('.da-missing-list li');
  await expect(missing).toHaveText(['How we will communicate: Answer \u201cWhere would you like our sessions to happen?\u201d.']);
  await w.press(missing.getByRole('button'));
  const format = w.field('Where would you like our sessions to happen?');
  await expect(format).toBeFocused();
  await expect(format).toHaveAccessibleDescription(/Missing: Answer/);
  await w.choose(format, 'By video');
  await w.goToStep('Review');
  await expect(w.widget.getByText('Everything needed is filled in.')).toBeVisible();
  const doc = w.widget.locator('.da-doc');
  for (const text of ['What you want from coaching', 'Mentoring the new designers', 'By video', 'Calm']) await expect(doc).toContainText(text);
  await expect(doc.locator('.da-doc-heading', { hasText: 'How we will measure it' })).toHaveCount(0);

  await w.next('Agreement');
  await w.iAm('Priya');
  await w.press(w.button('Priya: I agree'));
  await w.press(w.button('That is not me'));
  await w.iAm('Sam');
  await w.press(w.button('Sam: I agree'));
  await expect(w.widget.getByText('Everyone has agreed. This is now your alliance.').first()).toBeVisible();
  const download = await w.downloadJson();
  const text = await readFile((await download.path())!, 'utf8');
  const file = JSON.parse(text);
  expect(file.alliance.status).toBe('agreed');
  expect(file.alliance.template).toEqual({
    name: 'Sam Rivera Coaching: first sessions',
    version: 1,
    sections: ['basics', 'goal', 'commitments', 'communication', 'celebrations', 'keepingAlive'],
    required: [{ question: 'sessionFormat', section: 'communication', prompt: 'Where would you like our sessions to happen?' }],
  });
  expect(file.alliance.answers.map((a: any) => [a.question, a.value])).toEqual([
    ['energy', 'Mentoring the new designers'],
    ['firstSession', '2026-12-09'],
    ['oneWord', 'Calm'],
    ['sessionFormat', 'By video'],
  ]);
  // The Markdown copy in the coach's words, without the sections their template leaves out.
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await w.press(w.button('Copy as Markdown', await w.openMenu()));
  await expect(w.status).toHaveText('Copied as Markdown. Paste it where Markdown is read, such as your notes.');
  const markdown = await page.evaluate(() => navigator.clipboard.readText());
  expect(markdown).toContain('## What you want from coaching');
  expect(markdown).toContain('Mentoring the new designers');
  expect(markdown).not.toContain('How we will measure it');
  expect(errors).toEqual([]);

  // Opened where there is no template: nothing is dropped, and it is still agreed.
  const other = await browser.newPage();
  const plain = new Wizard(other);
  await plain.goto();
  await plain.chooseFile({ name: 'alliance.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await plain.importDialog.getByRole('button', { name: 'Open as a new draft' }).click();
  await expect(plain.stepHeading).toHaveText('Review');
  const reopened = plain.widget.locator('.da-doc');
  for (const answer of ['Mentoring the new designers', 'By video', 'Calm']) await expect(reopened).toContainText(answer);
  // Still agreed, with nothing missing: the review neither lists anything nor offers to agree.
  await expect(plain.widget.locator('.da-missing')).toBeHidden();
  await expect(plain.widget.locator('.da-missing-list li')).toHaveCount(0);
  await expect(plain.widget.getByText('Everything needed is filled in.')).toBeHidden();
  await other.close();
});

test("after the coach's welcome, the widget still says what it is, how long the template's steps take and where the answers stay, each once", async ({ page }) => {
  const { w, errors } = await coachPage(page, await example());
  const body = w.widget.locator('.da-step-body');
  await expect(body.locator('.da-welcome-text')).toHaveText(['Before our first session, take twenty minutes together to agree how we will work.']);
  // What it is and how long it takes in the widget's words; where the answers stay in the coach's.
  await expect(body.locator('.da-welcome dt')).toHaveText(['What it is', 'How long it takes', 'Where your answers stay']);
  await expect(body.locator('.da-welcome dd').first()).toContainText('An informal agreement between two or more people');
  // Five essential steps with four questions of the coach's, and one deeper step.
  await expect(body.locator('.da-welcome dd').nth(1)).toHaveText(
    'The essentials take about 20 minutes, and you can stop at any time and come back. Going deeper takes about 5 minutes more, and you can skip any of it.',
  );
  await expect(body.locator('.da-welcome dd').nth(2)).toHaveText(
    'In this browser, on this site, until you download them; nothing is sent to me or anyone else. Bring the file, or the printout, to our first session.',
  );
  // Each sentence once on the screen.
  const text = await w.widget.locator('.da-widget').innerText();
  expect(text.split('until you download them').length - 1).toBe(1);
  const sentences = (await w.widget.locator('.da-step').innerText())
    .split(/(?<=[.?!])\s+|\n+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 20);
  expect(sentences.filter((s, i) => sentences.indexOf(s) !== i)).toEqual([]);
  expect(errors).toEqual([]);
});

test("a coach's own words for any point of the welcome take its place; without a welcome of theirs, every point shows", async ({ page }) => {
  const template = JSON.parse(await example());
  delete template.welcome;
  template.welcomeText = { howLong: 'About half an hour, in one sitting or two.', whyItHelps: 'We start from what matters to you.' };
  template.sections = ['basics', 'goal', 'commitments'];
  template.questions = [];
  const { w, errors } = await coachPage(page, JSON.stringify(template));
  const body = w.widget.locator('.da-step-body');
  await expect(body.locator('.da-welcome-text')).toHaveCount(0);
  await expect(body.locator('.da-welcome dt')).toHaveText(['What it is', 'Why it helps', 'Who fills it in', 'How long it takes', 'Where your answers stay']);
  await expect(body.locator('.da-welcome dd').nth(1)).toHaveText('We start from what matters to you.');
  await expect(body.locator('.da-welcome dd').nth(3)).toHaveText('About half an hour, in one sitting or two.');
  await expect(body.locator('.da-welcome dd').nth(4)).toHaveText('In this browser, on this site, until you download them. Nothing is sent anywhere.');
  expect(errors).toEqual([]);
});

test("how long going deeper takes follows the template's deeper steps, and with none it is not offered", async ({ page }) => {
  // First sessions keeps one deeper step: keeping it alive.
  const { w } = await coachPage(page, await example());
  await w.goToStep('How we will celebrate');
  await expect(w.widget.locator('.da-essentials-done')).toHaveText(
    'That is the essentials. Going deeper takes about 5 minutes more, and you can skip any of it.',
  );
  await expect(w.button(/^Go deeper: Keeping it alive/)).toBeVisible();
  await expect(w.button('Skip to the review')).toBeVisible();

  // A template without deeper steps: the essentials lead straight to the review.
  const template = JSON.parse(await example());
  template.sections = ['basics', 'goal', 'commitments', 'communication', 'celebrations'];
  const other = await page.context().newPage();
  const { w: short } = await coachPage(other, JSON.stringify(template));
  await expect(short.widget.locator('.da-welcome dd').nth(1)).toHaveText(
    'The essentials take about 20 minutes, and you can stop at any time and come back.',
  );
  await short.goToStep('How we will celebrate');
  await expect(short.widget.locator('.da-essentials-done')).toHaveCount(0);
  await expect(short.button(/^Go deeper/)).toHaveCount(0);
  await expect(short.button('Skip to the review')).toHaveCount(0);
  await expect(short.button(/^Next: Review/)).toBeVisible();
  await other.close();
});

test("the coach's wording of the widget's own questions shows on their steps, with their help and example", async ({ page }) => {
  const template = JSON.parse(await example());
  template.sectionText.commitments = {
    questions: {
      commitmentWhat: { prompt: 'What will you try before our next session?', help: 'Something small enough to start this week.', example: 'Ask for feedback after the Monday meeting.' },
    },
  };
  template.sectionText.communication = { questions: { checkInRhythm: { prompt: 'How often shall we meet?' } } };
  const { w, errors } = await coachPage(page, JSON.stringify(template));
  await w.goToStep('What you want from coaching');
  const what = w.field('What do you want to be different in three months?');
  await expect(what).toHaveAccessibleDescription(
    /One result you would notice, not an activity\..*For example: I run the Monday meeting without rehearsing it the night before\./,
  );
  await expect(w.widget.getByText('What are we trying to achieve together?')).toHaveCount(0);
  // A question the coach leaves alone keeps the widget's words.
  await expect(w.field('Why does it matter?')).toBeVisible();
  // Whatever the kind of relationship, the coach's example.
  await w.goToStep('Who is involved');
  await w.choose(w.field('What kind of relationship is this?'), 'Partners or couple');
  await w.goToStep('What you want from coaching');
  await expect(w.widget.locator('.da-example').first()).toHaveText('For example: I run the Monday meeting without rehearsing it the night before.');

  // In a list: the help above it and each item's label.
  await w.goToStep('Who does what, and when');
  const help = w.widget.locator('.da-list-help-item').first();
  await expect(help.locator('dt')).toHaveText('What will you try before our next session?');
  await expect(help.locator('dd')).toContainText('Something small enough to start this week.');
  await expect(help.locator('dd')).toContainText('For example: Ask for feedback after the Monday meeting.');
  await w.press(w.button('Add a commitment'));
  await expect(w.field('What will you try before our next session?', w.item('Commitment 1'))).toBeVisible();

  await w.goToStep('How we will communicate');
  await w.choose(w.field('How often shall we meet?'), 'Every two weeks');
  await expect(w.widget.getByText('How often do we check in?')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test("what is missing is listed in the order of the way through, a coach's required question with its own section", async ({ page }) => {
  const template = JSON.parse(await example());
  // Communication before the goal; a required question in each.
  template.sections = ['basics', 'communication', 'goal', 'commitments', 'celebrations', 'keepingAlive'];
  template.questions.push({ id: 'hope', section: 'goal', prompt: 'What do you hope I will do?', kind: 'line', required: true });
  const { w, errors } = await coachPage(page, JSON.stringify(template));
  await w.goToStep('Review');
  // The review comes in its own part: its list first.
  await expect(w.widget.locator('.da-missing-list li').first()).toBeVisible();
  const items = await w.widget.locator('.da-missing-list li').allInnerTexts();
  const section = (item: string) => item.slice(0, item.indexOf(': '));
  const runs = items.map(section).filter((s, i, all) => i === 0 || all[i - 1] !== s);
  expect(runs).toEqual(['Who is involved', 'How we will communicate', 'What you want from coaching', 'Who does what, and when', 'How we will celebrate']);
  const at = (text: string) => items.findIndex((item) => item.includes(text));
  // Each coach's question last of its section's items, never last of all.
  expect(at('Where would you like our sessions to happen?')).toBe(items.map(section).lastIndexOf('How we will communicate'));
  expect(at('What do you hope I will do?')).toBe(items.map(section).lastIndexOf('What you want from coaching'));
  expect(at('What do you hope I will do?')).toBeLessThan(items.length - 1);
  expect(errors).toEqual([]);
});

const BROKEN: [string, (t: any) => string, string, number?][] = [
  ['unreachable', () => 'not found', 'template "/tpl/template.json" could not be loaded (404', 404],
  ['not JSON', () => '<html>', 'template: is not valid JSON (line 1, column 1)'],
  ['invalid', (t) => JSON.stringify({ ...t, sections: ['basics', 'goal', 'progress', 'goals'] }), 'template: sections[3] "goals" is not a section'],
  ['of a newer version', (t) => JSON.stringify({ ...t, version: 2 }), 'template: version is 2; this widget reads templates of version 1'],
  ['too large', (t) => JSON.stringify({ ...t, welcome: 'x'.repeat(70_000) }), 'a template may have at most 65536'],
];

for (const [kind, make, reason, status] of BROKEN) {
  test(`a template that is ${kind} is named in the console, and the widget runs with the standard one`, async ({ page }) => {
    const { w, errors } = await coachPage(page, make(JSON.parse(await example())), status);
    await expect.poll(() => errors.filter((e) => e.startsWith('designed-alliance:'))).toEqual([
      expect.stringContaining(reason),
    ]);
    expect(errors.find((e) => e.startsWith('designed-alliance:'))).toContain('the standard template is used');
    // The standard welcome and wording, and the widget works.
    await expect(w.widget.locator('.da-step-body dt', { hasText: 'Why it helps' })).toBeVisible();
    await w.begin();
    await w.next('The goal');
    await w.field('What are we trying to achieve together?').fill('Still works');
    await expect(w.widget.getByRole('alert')).toHaveCount(0);
  });
}
