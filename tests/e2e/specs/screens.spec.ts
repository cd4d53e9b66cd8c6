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
