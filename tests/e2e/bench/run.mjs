// `make bench`: the widget against the same questions built with SurveyJS and as a hand-written
// page, in one run of headless Chromium, several rounds each (interleaved, so a slow moment of
// the machine hits every page alike). Prints a table and the widget's ratios, writes
// target/bench/results.{json,md}, and puts the table into the README between its markers.
//
// usage: node bench/run.mjs --site DIR --out DIR [--rounds N] [--readme FILE]
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { cp, mkdir, readdir, readFile, writeFile, rm } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromiumArgs, executablePath } from '../chromium.mjs';
import { LATENCY, LIST_KEYS, listAlliance, measureList } from './lists.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = new Map();
for (let i = 2; i < process.argv.length; i += 2) args.set(process.argv[i], process.argv[i + 1]);
const site = path.resolve(args.get('--site') ?? '../../target/site');
const out = path.resolve(args.get('--out') ?? '../../target/bench');
const rounds = Number(args.get('--rounds') ?? 5);
const readme = args.get('--readme');
const questions = args.get('--questions');
const port = 4190;
const base = `http://127.0.0.1:${port}`;

const DRAFT = 50_000;
/** A part of the widget, loaded when used (src/ui/part.rs). */
const PART = /\/(split|chunk)_[^/]*\.wasm$/;
const KEYS = 'the quick brown fox jumps'; // 25 keystrokes

// ------------------------------------------------------------------------------ the pages

const root = path.join(out, 'site');
await rm(root, { recursive: true, force: true });
await cp(site, root, { recursive: true });
await mkdir(path.join(root, 'surveyjs'), { recursive: true });
await mkdir(path.join(root, 'hand'), { recursive: true });
await mkdir(path.join(root, 'widget'), { recursive: true });
const core = path.join(here, '..', 'node_modules', 'survey-core');
const ui = path.join(here, '..', 'node_modules', 'survey-js-ui');
await cp(path.join(core, 'survey.core.min.js'), path.join(root, 'surveyjs/survey.core.min.js'));
await cp(path.join(core, 'survey-core.min.css'), path.join(root, 'surveyjs/survey-core.min.css'));
await cp(path.join(ui, 'survey-js-ui.min.js'), path.join(root, 'surveyjs/survey-js-ui.min.js'));
for (const f of ['surveyjs.html', 'surveyjs.js']) await cp(path.join(here, 'pages', f), path.join(root, 'surveyjs', f));
for (const f of ['hand.html', 'hand.js', 'hand-list.html', 'hand-list.js']) await cp(path.join(here, 'pages', f), path.join(root, 'hand', f));
// The widget as a coach embeds it (README, "Embed on your site"), like the other two pages:
// not the demo page, whose heading, demo stylesheet and icon are no part of the widget.
await cp(path.join(here, 'pages', 'widget.html'), path.join(root, 'widget', 'widget.html'));
await writeFile(path.join(root, 'questions.js'), `window.QUESTIONS = ${await readFile(questions, 'utf8')};\n`);
const versions = {
  surveyjs: JSON.parse(await readFile(path.join(core, 'package.json'), 'utf8')).version,
};

// Whether this build of the widget keeps drafts in the browser (it saves nothing otherwise,
// and there is no save to wait for).
const wasm = 'designed-alliance_bg.wasm';
const partBytes = (
  await Promise.all(
    (await readdir(site)).filter((f) => PART.test('/' + f)).map(async (f) => gzipSync(await readFile(path.join(site, f)), { level: 9 }).length),
  )
).reduce((a, b) => a + b, 0);
const widgetSaves = (await readFile(path.join(site, wasm))).includes('designed-alliance-draft');
const pages = [
  // The widget opens on its welcome: usable once "Begin" can be clicked, and typed into after
  // clicking it, as a person does.
  { key: 'widget', name: 'Designed Alliance widget', url: '/widget/widget.html', scope: 'designed-alliance', saves: widgetSaves, begin: true },
  { key: 'surveyjs', name: `SurveyJS ${versions.surveyjs}`, url: '/surveyjs/surveyjs.html', scope: '#survey', saves: true },
  { key: 'hand', name: 'Hand-written page', url: '/hand/hand.html', scope: '#form', saves: true },
];

// ------------------------------------------------------------------------------ measuring

/** Installed before any script of the page: times every save. The comparison pages call
 *  `__bench.save(fn)` around their save; the widget saves in a timer callback after a pause,
 *  so a timer callback that writes to localStorage counts, whole, as saving. */
const INSTRUMENT = () => {
  const bench = (window.__bench = { saveMs: 0, saves: 0, writes: 0 });
  const setItem = Storage.prototype.setItem;
  Storage.prototype.setItem = function (k, v) {
    bench.writes += 1;
    return setItem.call(this, k, v);
  };
  bench.save = (f) => {
    const t0 = performance.now();
    try {
      return f();
    } finally {
      bench.saveMs += performance.now() - t0;
      bench.saves += 1;
    }
  };
  const setTimeout = window.setTimeout;
  window.setTimeout = function (cb, ms, ...rest) {
    if (typeof cb !== 'function') return setTimeout.call(this, cb, ms, ...rest);
    return setTimeout.call(
      this,
      (...a) => {
        const writes = bench.writes;
        const t0 = performance.now();
        try {
          return cb(...a);
        } finally {
          if (bench.writes > writes) {
            bench.saveMs += performance.now() - t0;
            bench.saves += 1;
          }
        }
      },
      ms,
      ...rest,
    );
  };
};

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s[Math.floor((s.length - 1) / 2)] + s[Math.ceil((s.length - 1) / 2)]) / 2 : NaN;
};
const p95 = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.ceil(0.95 * s.length) - 1)] : NaN;
};

/** A slow phone: the CPU four times slower, and a network of 1.6 Mbit/s with 150 ms latency. */
async function slowPhone(context, page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 150,
    downloadThroughput: (1.6 * 1024 * 1024) / 8,
    uploadThroughput: (750 * 1024) / 8,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
}

/** From navigation: when the first screen is usable (the widget: its "Begin" can be clicked;
 *  the others: their first field takes a keystroke), and when the first keystroke is taken
 *  (the widget: in its first field, after clicking "Begin"). `whenUsable` runs at that
 *  moment (to count what was downloaded by then). */
async function start(page, p, whenUsable = () => {}, timeout = 30_000, origin = base) {
  await page.goto(origin + p.url, { waitUntil: 'commit' });
  const scope = page.locator(p.scope);
  let usable;
  if (p.begin) {
    const begin = scope.getByRole('button', { name: /^Begin/ });
    await begin.click({ timeout });
    usable = await page.evaluate(() => performance.now());
    whenUsable();
  }
  const field = p.begin
    ? scope.getByLabel('What shall we call this alliance?')
    : scope.locator('input[type="text"], textarea').first();
  await field.press('x', { timeout });
  await page.waitForFunction((el) => el.value === 'x', await field.elementHandle());
  const keystroke = await page.evaluate(() => performance.now());
  if (!p.begin) {
    usable = keystroke;
    whenUsable();
  }
  return { usable, keystroke };
}

/** The start on a slow phone, from `origin` (the server with or without compression). */
async function measureSlowStart(browser, p, origin = base) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await slowPhone(context, page);
  const times = await start(page, p, () => {}, 120_000, origin);
  await context.close();
  return times;
}

async function measure(browser, p) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(INSTRUMENT);
  const assets = new Map();
  page.on('response', async (r) => {
    if (!r.url().startsWith(base)) return;
    try {
      const body = await r.body();
      assets.set(new URL(r.url()).pathname, gzipSync(body, { level: 9 }).length);
    } catch {
      // A response without a body (a redirect): nothing transferred worth counting.
    }
  });
  const scope = page.locator(p.scope);

  // From navigation until the first screen is usable, and until the first keystroke; what was
  // downloaded by the first of them.
  // (The widget's parts are fetched ahead as soon as the page is idle, which can be before
  // the first screen is usable on a fast machine; none of them is needed for it, as
  // tests/e2e/specs/parts.spec.ts proves by blocking them: they are not counted here.)
  let firstBytes = 0;
  let firstAssets = [];
  const { usable, keystroke } = await start(page, p, () => {
    firstAssets = [...assets.keys()].filter((a) => !PART.test(a));
    firstBytes = firstAssets.reduce((sum, a) => sum + assets.get(a), 0);
  });
  await page.waitForLoadState('load');

  // JS heap after load, after a garbage collection.
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = (await cdp.send('Runtime.getHeapUsage')).usedSize;

  // A draft of 50,000 characters, then typing into it: keystroke to next frame, and saving.
  // (The widget's first long answer is on its next step.)
  if (p.begin) await scope.getByRole('button', { name: /^Next: The goal/ }).click();
  const big = scope.locator('textarea').first();
  const text = 'We keep our promises to each other. '.repeat(Math.ceil(DRAFT / 36)).slice(0, DRAFT);
  await big.fill(text);
  if (p.saves) await page.waitForFunction((n) => {
    let total = 0;
    for (let i = 0; i < localStorage.length; i++) total += localStorage.getItem(localStorage.key(i)).length;
    return total >= n;
  }, DRAFT);
  await big.press('End');
  await page.evaluate(LATENCY);
  const before = await page.evaluate(() => ({ ms: window.__bench.saveMs, saves: window.__bench.saves }));
  await page.keyboard.type(KEYS, { delay: 40 });
  await page.waitForFunction((n) => window.__lat.length >= n, KEYS.length);
  // Every keystroke saved (the widget saves after a pause: wait for that save too).
  if (p.saves) await page.waitForFunction(
    (n) => {
      for (let i = 0; i < localStorage.length; i++) if (localStorage.getItem(localStorage.key(i)).includes(n)) return true;
      return false;
    },
    KEYS.slice(-8),
  );
  const after = await page.evaluate(() => ({ lat: window.__lat, ms: window.__bench.saveMs, saves: window.__bench.saves }));
  await context.close();
  // In all: what the page fetched; for the widget, its first download and every part (read
  // from the folder, as some, such as the template's, are fetched only when used).
  const bytes = p.begin ? firstBytes + partBytes : [...assets.values()].reduce((a, b) => a + b, 0);
  return {
    assets: Object.fromEntries(assets),
    bytes,
    firstBytes,
    firstAssets,
    usable,
    keystroke,
    heap,
    latency: after.lat,
    savePerKey: (after.ms - before.ms) / KEYS.length,
    saves: after.saves - before.saves,
  };
}

// ------------------------------------------------------------------------------ the run

// Served gzip-compressed, as a coach's web host would.
const server = spawn('node', [path.join(here, '..', 'serve.mjs'), '--root', root, '--port', String(port), '--gzip', '1'], { stdio: 'ignore' });
try {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(base + '/index.html')).ok) break;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  const browser = await chromium.launch({ executablePath, args: chromiumArgs });
  const results = Object.fromEntries(pages.map((p) => [p.key, []]));
  for (let r = 0; r < rounds; r++) {
    for (const p of pages) {
      results[p.key].push(await measure(browser, p));
      process.stdout.write('.');
    }
  }
  // A slow phone's start, and list steps of 10, 100 and 500 items: interleaved rounds too.
  const slow = Object.fromEntries(pages.map((p) => [p.key, []]));
  const sizes = [10, 100, 500];
  const listPages = pages.filter((p) => p.key !== 'surveyjs');
  const lists = Object.fromEntries(sizes.map((n) => [n, Object.fromEntries(listPages.map((p) => [p.key, []]))]));
  const files = Object.fromEntries(
    await Promise.all(sizes.map(async (n) => [n, await listAlliance(path.join(here, '..', '..', '..', 'examples', 'coach-and-client.json'), n)])),
  );
  for (let r = 0; r < rounds; r++) {
    for (const p of pages) {
      slow[p.key].push(await measureSlowStart(browser, p));
      process.stdout.write('s');
    }
    for (const n of sizes) {
      for (const p of listPages) {
        lists[n][p.key].push(await measureList(browser, base, p, n, files[n]));
        process.stdout.write('l');
      }
    }
  }
  // The widget served with no compression at all, as a host that compresses nothing serves it.
  const plainPort = port + 1;
  const plainServer = spawn('node', [path.join(here, '..', 'serve.mjs'), '--root', root, '--port', String(plainPort)], { stdio: 'ignore' });
  const plainSlow = [];
  try {
    for (let i = 0; i < 100; i++) {
      try {
        if ((await fetch(`http://127.0.0.1:${plainPort}/index.html`)).ok) break;
      } catch {
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    for (let r = 0; r < rounds; r++) {
      plainSlow.push(await measureSlowStart(browser, pages[0], `http://127.0.0.1:${plainPort}`));
      process.stdout.write('p');
    }
  } finally {
    plainServer.kill();
  }
  process.stdout.write('\n');
  const chromiumVersion = browser.version();
  await browser.close();

  const summary = {};
  for (const p of pages) {
    const rs = results[p.key];
    const lat = rs.flatMap((r) => r.latency);
    summary[p.key] = {
      name: p.name,
      assets: rs[0].assets,
      bytes: median(rs.map((r) => r.bytes)),
      firstBytes: median(rs.map((r) => r.firstBytes)),
      usable: median(rs.map((r) => r.usable)),
      keystroke: median(rs.map((r) => r.keystroke)),
      latencyMedian: median(lat),
      latencyP95: p95(lat),
      savePerKey: median(rs.map((r) => r.savePerKey)),
      saves: median(rs.map((r) => r.saves)),
      heap: median(rs.map((r) => r.heap)),
      slowUsable: median(slow[p.key].map((t) => t.usable)),
      slowKeystroke: median(slow[p.key].map((t) => t.keystroke)),
    };
  }
  const listSummary = Object.fromEntries(
    sizes.map((n) => [
      n,
      Object.fromEntries(
        listPages.map((p) => {
          const rs = lists[n][p.key];
          const lat = rs.flatMap((r) => r.latency);
          return [p.key, { p50: median(lat), p95: p95(lat), task: median(rs.map((r) => r.taskPerKey)), add: median(rs.map((r) => r.add)) }];
        }),
      ),
    ]),
  );
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  const ms = (n) => `${n.toFixed(1)} ms`;
  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? 'CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.type()} ${os.release()}, Chromium ${chromiumVersion}`;
  const date = new Date().toISOString().slice(0, 10);
  const rows = [
    ['Bytes before the first screen is usable (gzipped)', 'firstBytes', kb],
    ['Bytes in all, the parts loaded later included (gzipped)', 'bytes', kb],
    ['First screen usable (widget: "Begin" clicked; others: first field typed into)', 'usable', ms],
    ['First keystroke taken (widget: in its first field, after "Begin")', 'keystroke', ms],
    [`Keystroke to next frame, median (${DRAFT.toLocaleString('en')}-character draft)`, 'latencyMedian', ms],
    ['Keystroke to next frame, 95th percentile', 'latencyP95', ms],
    ['Time saving, per keystroke', 'savePerKey', ms],
    [`Saves while typing ${KEYS.length} keys`, 'saves', String],
    ['JS heap after load', 'heap', kb],
    ['First screen usable on a slow phone (CPU 4× slower, 1.6 Mbit/s, 150 ms)', 'slowUsable', ms],
    ['First keystroke taken on a slow phone', 'slowKeystroke', ms],
  ];
  const w = summary.widget;
  const ratio = (a, b) => (b > 0 ? `${(a / b).toFixed(2)}×` : 'n/a');
  const lines = [];
  lines.push(`Measured ${date} on ${machine}; ${rounds} rounds each, medians.`);
  if (!widgetSaves) lines.push('This build of the widget does not keep drafts yet: it saves nothing while typing.');
  lines.push('');
  lines.push(`| | ${pages.map((p) => summary[p.key].name).join(' | ')} | widget ÷ SurveyJS | widget ÷ hand-written |`);
  lines.push(`| --- |${pages.map(() => ' ---: |').join('')} ---: | ---: |`);
  for (const [label, k, f] of rows) {
    lines.push(`| ${label} | ${pages.map((p) => f(summary[p.key][k])).join(' | ')} | ${ratio(w[k], summary.surveyjs[k])} | ${ratio(w[k], summary.hand[k])} |`);
  }
  lines.push('');
  lines.push('Assets (gzipped):');
  lines.push('');
  for (const p of pages) {
    const list = Object.entries(summary[p.key].assets)
      .map(([a, n]) => `\`${a}\` ${kb(n)}`)
      .join(', ');
    lines.push(`- ${summary[p.key].name}: ${list}`);
  }
  lines.push('');
  lines.push(`A list step with N commitments (what, who, when): typing ${LIST_KEYS.length} keys into the first one, then adding one.`);
  lines.push('');
  lines.push('| N | widget p50 / p95 | hand-written p50 / p95 | widget ÷ hand-written (p50) | main thread per key, widget / hand-written | "Add", widget / hand-written |');
  lines.push('| ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const n of sizes) {
    const { widget: lw, hand: lh } = listSummary[n];
    lines.push(`| ${n} | ${ms(lw.p50)} / ${ms(lw.p95)} | ${ms(lh.p50)} / ${ms(lh.p95)} | ${ratio(lw.p50, lh.p50)} | ${ms(lw.task)} / ${ms(lh.task)} | ${ms(lw.add)} / ${ms(lh.add)} |`);
  }
  // What the first download weighs served as it is.
  const rawFirst = (
    await Promise.all(results.widget[0].firstAssets.map(async (a) => (await readFile(path.join(root, a))).length))
  ).reduce((a, b) => a + b, 0);
  const plainUsable = median(plainSlow.map((t) => t.usable));
  lines.push('');
  lines.push(
    `Served with no compression at all (a host that compresses nothing): the widget's first download is ${kb(rawFirst)} ` +
      `instead of ${kb(w.firstBytes)}, and its first screen is usable on the slow phone after ${ms(plainUsable)}, ` +
      `${ratio(plainUsable, w.slowUsable)} the time served gzipped.`,
  );
  const growth = listSummary[500].widget.task / listSummary[100].widget.task;
  lines.push('');
  lines.push(`Main-thread time per key grows ${growth.toFixed(2)}× from 100 to 500 items (linear growth would be 5×).`);
  const goals = [
    ['First download (bytes before the first screen is usable) at most 0.75× SurveyJS\'s gzipped bytes', w.firstBytes <= 0.75 * summary.surveyjs.bytes],
    ['First screen usable on a slow phone in at most 0.7× SurveyJS\'s time', w.slowUsable <= 0.7 * summary.surveyjs.slowUsable],
    ['First keystroke no later than SurveyJS\'s', w.keystroke <= summary.surveyjs.keystroke],
    ['Typing latency within 2× of the hand-written page (median and 95th percentile)', w.latencyMedian <= 2 * summary.hand.latencyMedian && w.latencyP95 <= 2 * summary.hand.latencyP95],
    ['List of 500 items: typing p50 within 1.5× of the hand-written page', listSummary[500].widget.p50 <= 1.5 * listSummary[500].hand.p50],
    ['List: main-thread time per key grows no faster than the list (100 to 500 items)', growth <= 5],
  ];
  lines.push('');
  lines.push('Goals:');
  lines.push('');
  for (const [g, ok] of goals) lines.push(`- ${ok ? 'met' : '**missed**'}: ${g}`);
  const table = lines.join('\n');
  console.log('\n' + table + '\n');
  await mkdir(out, { recursive: true });
  await writeFile(path.join(out, 'results.json'), JSON.stringify({ date, machine, rounds, summary, results, slow, plainSlow, lists: listSummary }, null, 2));
  await writeFile(path.join(out, 'results.md'), table + '\n');
  if (readme) {
    const text = await readFile(readme, 'utf8');
    const start = '<!-- bench:start -->';
    const end = '<!-- bench:end -->';
    const i = text.indexOf(start);
    const j = text.indexOf(end);
    if (i >= 0 && j > i) {
      await writeFile(readme, `${text.slice(0, i + start.length)}\n${table}\n${text.slice(j)}`);
      console.log(`bench: table written to ${readme}`);
    } else {
      console.log(`bench: ${readme} has no ${start} … ${end} section; table not written there`);
    }
  }
  console.log(`bench: results in ${path.join(out, 'results.md')} and results.json`);
} finally {
  server.kill();
}
