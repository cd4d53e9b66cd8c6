// Screenshots of every step, at 1280 px and 375 px, in light and dark, with a complete
// alliance loaded: saved in target/screens/ for a person to look at after each run. Each step
// is also checked for what a screenshot would show wrong: its heading, and no sideways scroll.
import { test, expect } from '@playwright/test';
import { mkdir, readFile } from 'node:fs/promises';
import { STEPS, Wizard } from '../pages/wizard';

const OUT = new URL('../../../target/screens/', import.meta.url);

for (const width of [1280, 375]) {
  for (const scheme of ['light', 'dark'] as const) {
    test(`every step at ${width} px, ${scheme}, saved as a screenshot`, async ({ page }) => {
      test.setTimeout(120_000);
      await page.setViewportSize({ width, height: width > 400 ? 900 : 812 });
      await page.emulateMedia({ colorScheme: scheme });
      const w = new Wizard(page);
      await w.goto();
      const file = await readFile(new URL('../../../examples/team-and-stakeholder.json', import.meta.url));
      await w.chooseFile({ name: 'team.json', mimeType: 'application/json', buffer: file });
      await w.importDialog.getByRole('button', { name: 'Open as a new draft' }).click();
      await expect(w.stepHeading).toHaveText('Review');
      const dir = new URL(`${width}-${scheme}/`, OUT);
      await mkdir(dir, { recursive: true });
      for (const [i, step] of STEPS.entries()) {
        await w.goToStep(step);
        await page.evaluate(() => document.fonts.ready);
        const slug = step.toLowerCase().replace(/[^a-z]+/g, '-').replace(/-$/, '');
        await page.screenshot({ path: new URL(`${String(i + 1).padStart(2, '0')}-${slug}.png`, dir).pathname, fullPage: true });
        expect(await page.evaluate(() => document.documentElement.scrollWidth - innerWidth), `${step} scrolls sideways`).toBeLessThanOrEqual(0);
      }
      expect(w.errors).toEqual([]);
    });
  }
}

// The check-in's screens (the notice that one is due, its five screens, the history it leaves)
// at the same widths and schemes, on the agreed coaching example with its two check-ins, a
// month after the last: saved in target/screens/<width>-<scheme>/check-in-*.png.
test.describe('the check-in, in British English', () => {
  test.use({ locale: 'en-GB' });
  for (const width of [1280, 375]) {
    for (const scheme of ['light', 'dark'] as const) {
      test(`the check-in's screens at ${width} px, ${scheme}, saved as screenshots`, async ({ page }) => {
        test.setTimeout(120_000);
        await page.setViewportSize({ width, height: width > 400 ? 900 : 812 });
        await page.emulateMedia({ colorScheme: scheme });
        await page.clock.setFixedTime(new Date('2027-02-02T09:00:00'));
        const w = new Wizard(page);
        await w.gotoWelcome();
        const file = await readFile(new URL('../../../examples/coach-and-client.json', import.meta.url), 'utf8');
        await w.widget.evaluate((el: any, t) => el.importJson(t), file);
        const dir = new URL(`${width}-${scheme}/`, OUT);
        await mkdir(dir, { recursive: true });
        const shot = async (name: string) => {
          await page.evaluate(() => document.fonts.ready);
          await page.screenshot({ path: new URL(`check-in-${name}.png`, dir).pathname, fullPage: true });
          expect(await page.evaluate(() => document.documentElement.scrollWidth - innerWidth), `${name} scrolls sideways`).toBeLessThanOrEqual(0);
        };
        await expect(w.widget.locator('.da-living-notice')).toContainText('Your check-in was due on 19 January 2027.');
        await shot('0-due');
        await w.widget.getByRole('button', { name: 'Hold it now' }).click();
        const progress = w.widget.locator('.da-walk-progress');
        const screens = ['Who does what', 'What we saw', 'Milestones', 'Is this still serving us?', 'Who was there'];
        for (const [i, name] of screens.entries()) {
          await expect(progress).toHaveText(`${i + 1} of 5: ${name}`);
          await shot(`${i + 1}-${name.toLowerCase().replace(/[^a-z]+/g, '-').replace(/-$/, '')}`);
          if (i + 1 < screens.length) await w.widget.getByRole('button', { name: 'Next', exact: true }).click();
        }
        await w.widget.getByRole('checkbox', { name: 'Priya' }).check();
        await w.widget.getByRole('button', { name: 'Save the check-in' }).click();
        await expect(w.stepHeading).toHaveText('Keeping it alive');
        await expect(w.widget.locator('.da-history-item')).toHaveCount(3);
        await shot('6-history');
        expect(w.errors).toEqual([]);
      });
    }
  }
});
