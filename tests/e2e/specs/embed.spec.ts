// Embedding as the README describes it today: the release folder uploaded under a subfolder of
// a coach's site, the stylesheet, a module script and the element, with its own namespace.
import { test, expect } from '@playwright/test';
import { Wizard } from '../pages/wizard';

/** A coach's page with its own styles, embedding the widget from /coach/designed-alliance/. */
const COACH_PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <title>Sam Rivera Coaching: design our alliance</title>
    <link rel="stylesheet" href="/coach/designed-alliance/main.css">
    <script type="module">
      import init from "/coach/designed-alliance/designed-alliance.js";
      init();
    </script>
  </head>
  <body>
    <header><nav><a href="/coach/">Home</a> <a href="/coach/about">About</a></nav></header>
    <main>
      <h1>Before our first session</h1>
      <designed-alliance namespace="sam-rivera"></designed-alliance>
    </main>
  </body>
</html>`;

test('the release folder embeds from a subfolder, with its own storage namespace', async ({ page, baseURL }) => {
  // The coach's site: this page, and the release folder as uploaded, under /coach/.
  await page.route('**/coach/**', async (route) => {
    const url = new URL(route.request().url());
    if (url.pathname === '/coach/' || url.pathname === '/coach/index.html') {
      await route.fulfill({ contentType: 'text/html', body: COACH_PAGE });
      return;
    }
    const file = url.pathname.replace(/^\/coach\/designed-alliance\//, '/');
    if (file === url.pathname) {
      await route.fulfill({ status: 404, body: 'not found' });
      return;
    }
    await route.fulfill({ response: await route.fetch({ url: `${baseURL}${file}` }) });
  });
  const requested: URL[] = [];
  page.on('request', (r) => requested.push(new URL(r.url())));

  const w = new Wizard(page);
  await w.goto('/coach/');
  await w.field('What shall we call this alliance?').fill('Sam and Alex, spring 2027');
  await expect(w.saveStatus).toHaveText(/^Saved in this browser at \d\d:\d\d$/);

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
