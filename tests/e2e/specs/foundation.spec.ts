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
  // As a real crash would: uncaught, from a task of its own (an event handler, a timer).
  const crashed = page.waitForEvent('pageerror');
  await page.evaluate(() => {
    setTimeout(() => (window as any).wasmBindings.__designedAllianceTestPanic());
  });
  expect((await crashed).name).toBe('RuntimeError');
  const notice = demo.widget.getByRole('alert');
  await expect(notice).toContainText('stopped working');
  await expect(notice).toContainText('reload the page');
  await expect(notice).toHaveCount(1);
  await expect(demo.titleField).toHaveValue('Words worth keeping');
});

test('a trap in another WebAssembly module on the page is not taken for a crash', async ({ page }) => {
  const demo = new DemoPage(page);
  await demo.goto();
  const crashed = page.waitForEvent('pageerror');
  await page.evaluate(async () => {
    // The smallest module whose one function traps: (func (export "f") unreachable).
    const bytes = new Uint8Array([
      0, 97, 115, 109, 1, 0, 0, 0, 1, 4, 1, 96, 0, 0, 3, 2, 1, 0, 7, 5, 1, 1, 102, 0, 0, 10, 5, 1,
      3, 0, 0, 11,
    ]);
    const { instance } = await WebAssembly.instantiate(bytes);
    setTimeout(() => (instance.exports.f as () => void)());
  });
  expect((await crashed).name).toBe('RuntimeError');
  // Something the widget does after the foreign trap proves the error listener has run.
  await demo.titleField.fill('Still here');
  await expect(demo.widget.getByRole('alert')).toHaveCount(0);
});
