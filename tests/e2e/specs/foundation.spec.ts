import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { DemoPage } from '../pages/widget';

test('the demo page loads the widget with no console error', async ({ page }) => {
  const demo = new DemoPage(page);
  await demo.goto();
  await expect(demo.titleField).toBeEditable();
  expect(demo.errors).toEqual([]);
});

test('a field can be filled by its label and the widget responds', async ({ page }) => {
  const demo = new DemoPage(page);
  await demo.goto();
  await expect(demo.headerTitle).toHaveText('Untitled alliance');
  await demo.titleField.fill('Grow the coaching practice');
  await expect(demo.headerTitle).toHaveText('Grow the coaching practice');
  expect(demo.errors).toEqual([]);
});

test('axe-core finds no accessibility violation', async ({ page }) => {
  const demo = new DemoPage(page);
  await demo.goto();
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
});

test('a crash leaves a readable notice and the typed text on screen', async ({ page }) => {
  const demo = new DemoPage(page);
  await demo.goto();
  await demo.titleField.fill('Words worth keeping');
  const threw = await page.evaluate(() => {
    try {
      (window as any).wasmBindings.__designedAllianceTestPanic();
      return false;
    } catch {
      return true;
    }
  });
  expect(threw).toBe(true);
  const notice = demo.widget.getByRole('alert');
  await expect(notice).toContainText('stopped working');
  await expect(notice).toContainText('reload the page');
  await expect(demo.titleField).toHaveValue('Words worth keeping');
});
