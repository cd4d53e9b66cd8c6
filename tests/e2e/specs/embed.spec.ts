// Embedding as the README describes it today: examples/coaching-site/ (a coach's page with its
// own header, navigation and stylesheet) with the release folder uploaded beside it as
// designed-alliance/, served under /coach/.
import { test, expect } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { Wizard } from '../pages/wizard';

const example = (name: string) => new URL(`../../../examples/coaching-site/${name}`, import.meta.url);

test('the coaching-site example embeds the release folder, themed, with its own storage namespace', async ({
  page,
  baseURL,
}) => {
  await page.route('**/coach/**', async (route) => {
    const path = new URL(route.request().url()).pathname;
    if (path === '/coach/' || path === '/coach/site.css') {
      const [name, type] = path === '/coach/' ? ['index.html', 'text/html'] : ['site.css', 'text/css'];
      await route.fulfill({ contentType: type, body: await readFile(example(name)) });
      return;
    }
    const file = path.replace(/^\/coach\/designed-alliance\//, '/');
    if (file === path) {
      await route.fulfill({ status: 404, body: 'not found' });
      return;
    }
    await route.fulfill({ response: await route.fetch({ url: `${baseURL}${file}` }) });
  });
  const requested: URL[] = [];
  page.on('request', (r) => requested.push(new URL(r.url())));

  const w = new Wizard(page);
  await w.goto('/coach/');
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  await w.field('What shall we call this alliance?').fill('Sam and Alex, spring 2027');
  await expect(w.saveStatus).toHaveText(/^Saved in this browser at \d\d:\d\d$/);

  // The coach's colour reaches the widget through the documented custom property, even though
  // the coach's stylesheet comes first on the page.
  const accent = await w.widget.evaluate((el) => getComputedStyle(el).getPropertyValue('--da-accent').trim());
  expect(accent).toBe('#7a3e65');
  await expect(w.widget.locator('.da-button-primary').first()).toHaveCSS('background-color', 'rgb(122, 62, 101)');

  const keys = await page.evaluate(() => Object.keys(localStorage));
  expect(keys.length).toBeGreaterThan(0);
  for (const key of keys) expect(key.startsWith('designed-alliance:sam-rivera:')).toBe(true);
  // Every request went to the coach's own site, under /coach/: none to another host, none to
  // the site's root.
  const origin = new URL(baseURL!).origin;
  expect(requested.filter((u) => u.origin !== origin || !u.pathname.startsWith('/coach/'))).toEqual([]);
  expect(requested.map((u) => u.pathname)).toContain('/coach/designed-alliance/designed-alliance_bg.wasm');
  expect(w.errors).toEqual([]);
});
