// The coach's own template (template="…" on the element, ?template=… for the frame page): their
// welcome and their wording, and a template that cannot be used named in the console while the
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
  await expect(w.whereabouts).toHaveText('Step 2 of 14: What you want from coaching');
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
