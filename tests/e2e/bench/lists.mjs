// The list benchmark: a step with N commitments, typing into one of them and adding one, in the
// widget and in a hand-written page with the same fields (pages/hand-list.*).
import { readFile } from 'node:fs/promises';

/** Keys typed into the first item: 25 keystrokes, 40 ms apart. */
export const LIST_KEYS = 'the quick brown fox jumps';

/** An alliance file (the widget's own format) holding `n` commitments. */
export async function listAlliance(examplePath, n) {
  const file = JSON.parse(await readFile(examplePath, 'utf8'));
  const a = file.alliance;
  a.status = 'draft';
  a.agreement = { signatures: [], lastAgreed: null };
  a.commitments = Array.from({ length: n }, (_, i) => ({
    id: `c-${i + 1}`,
    owner: 'p-1',
    what: `Commitment number ${i + 1}, written out as a person would.`,
    when: null,
  }));
  return JSON.stringify(file);
}

/** Keystroke-to-next-frame times (in `window.__lat`), installed before typing. */
export const LATENCY = () => {
  window.__lat = [];
  addEventListener(
    'keydown',
    (e) => {
      const t0 = e.timeStamp;
      requestAnimationFrame(() => setTimeout(() => window.__lat.push(performance.now() - t0), 0));
    },
    true,
  );
};

/** Milliseconds from pressing "Add a commitment" until the frame after the new item shows. */
const ADD = async (inShadow) => {
  const root = inShadow ? document.querySelector('designed-alliance').shadowRoot : document;
  const count = () => root.querySelectorAll('textarea').length;
  const before = count();
  const button = [...root.querySelectorAll('button')].find((b) => b.textContent.includes('Add a commitment'));
  const t0 = performance.now();
  button.click();
  await new Promise((resolve) => {
    const check = () => (count() > before ? requestAnimationFrame(() => resolve()) : requestAnimationFrame(check));
    check();
  });
  return performance.now() - t0;
};

/** Main-thread time so far, in milliseconds (Chromium's own count of task time). */
async function taskMs(cdp) {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return 1000 * (metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0);
}

/** One round on one page: `p.key` is "widget" or "hand". */
export async function measureList(browser, base, p, n, file) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  let field;
  if (p.key === 'widget') {
    await page.goto(`${base}/widget/widget.html`);
    const host = page.locator('designed-alliance');
    await page.waitForFunction(() => typeof document.querySelector('designed-alliance').importJson === 'function');
    await host.evaluate((el, text) => el.importJson(text), file);
    await host
      .getByRole('navigation', { name: 'Steps' })
      .getByRole('button', { name: /^Who does what, and when \(/ })
      .click();
    field = host.getByLabel('What will be done?').first();
  } else {
    await page.goto(`${base}/hand/hand-list.html?n=${n}`);
    field = page.locator('#items textarea').first();
  }
  await page.waitForFunction(
    ([inShadow, n]) => {
      const root = inShadow ? document.querySelector('designed-alliance').shadowRoot : document;
      return root.querySelectorAll('textarea').length >= n;
    },
    [p.key === 'widget', n],
  );
  await field.click();
  await field.press('End');
  await page.evaluate(LATENCY);
  const t0 = await taskMs(cdp);
  await page.keyboard.type(LIST_KEYS, { delay: 40 });
  await page.waitForFunction((k) => window.__lat.length >= k, LIST_KEYS.length);
  const t1 = await taskMs(cdp);
  const latency = await page.evaluate(() => window.__lat);
  const add = await page.evaluate(ADD, p.key === 'widget');
  await context.close();
  return { latency, taskPerKey: (t1 - t0) / LIST_KEYS.length, add };
}
