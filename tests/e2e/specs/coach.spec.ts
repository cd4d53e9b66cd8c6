// Results reach the coach: a page that names its coach (coach-name, coach-email,
// coach-endpoint) offers "Send to Jordan" on Finish and in "Save or share". The person sees
// exactly what goes, then their email app opens with it (the mailto: address is read here:
// address, subject, summary, and a link that opens the same alliance in another browser), or
// the alliance is posted to the coach's own address on the web: tested against a real server
// this test starts, answering, failing, and gone.
//
// Waiting is always for a condition, never for a time.
import { test, expect, type Page, type BrowserContext } from '@playwright/test';
import { createServer, type Server } from 'node:http';
import { mkdir, readFile } from 'node:fs/promises';
import { deflateSync } from 'node:zlib';
import { Wizard } from '../pages/wizard';

const OUT = new URL('../../../target/screens/', import.meta.url);
const example = JSON.parse(await readFile(new URL('../../../examples/coach-and-client.json', import.meta.url), 'utf8'));

/** A small alliance, whose link fits in an email: the example's essentials, briefly. (A
 * filled-in alliance's link is longer than a mail link may be: see the next test.) */
function small(): any {
  const file = structuredClone(example);
  const a = file.alliance;
  a.id = 'alliance-small';
  a.title = 'Coaching: Priya & Jordan';
  a.relationshipNote = '';
  a.parties.forEach((p: any) => (p.role = ''));
  a.goal = { ...a.goal, what: 'Lead the platform team with confidence.', why: 'A new role this spring.', pain: '' };
  a.progress = a.progress.slice(0, 1);
  a.commitments = a.commitments.slice(0, 1);
  for (const key of ['needsAndOffers', 'assumptions', 'decisions', 'checkIns']) a[key] = [];
  a.communication = { ...a.communication, channels: [], updates: [], raisingProblems: '' };
  a.hardTimes = { surprises: '', missedCommitments: '', permissions: [], mistakes: '' };
  a.celebrations.milestones = [];
  a.keepingAlive.revisions = [];
  for (const group of Object.values(a.reflections) as any[]) for (const k of Object.keys(group)) group[k] = '';
  a.agreement = { signatures: [] };
  a.status = 'draft';
  return file;
}

/** The client's page on the coach's site, for every page of `context`. */
async function serveClientPage(context: BrowserContext, attributes: string) {
  await context.route('**/coach-client/', (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Before our first session</title>
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="color-scheme" content="light dark">
        <script type="module" src="/designed-alliance-start.js"></script></head>
        <body><main><designed-alliance namespace="client" ${attributes}></designed-alliance></main></body></html>`,
    }),
  );
}

/** The coach's own page, their desk, for every page of `context`. */
async function serveDesk(context: BrowserContext) {
  await context.route('**/coach-desk/', (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>My desk</title>
        <script type="module" src="/designed-alliance-start.js"></script></head>
        <body><designed-alliance namespace="desk" mode="coach"></designed-alliance></body></html>`,
    }),
  );
}

/** A client's page on the coach's site, whose widget names the coach with `attributes`; or,
 * given `frame`, the frame page with the same in its address (a page the browser knows is on
 * this computer: one made up by the test is not, and may not reach the coach's server here). */
async function clientPage(page: Page, attributes: string, frame?: Record<string, string>) {
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  if (frame) {
    await page.goto(`/designed-alliance-frame.html?${new URLSearchParams(frame)}`);
  } else {
    await serveClientPage(page.context(), attributes);
    await page.goto('/coach-client/');
  }
  const w = new Wizard(page);
  await expect(w.stepHeading).toHaveText('Welcome');
  // Every da-sent event the page hears, and mail links followed (not by this browser: there
  // is no email app here, and the widget's own click handler runs first).
  await page.evaluate(() => {
    (window as any).sent = [];
    document.addEventListener('da-sent', (e: any) => (window as any).sent.push(e.detail));
    window.addEventListener('click', (e) => {
      if ((e.composedPath()[0] as HTMLElement)?.closest?.('a[href^="mailto:"]')) e.preventDefault();
    });
  });
  return { w, errors };
}

async function open(w: Wizard, file: unknown) {
  await w.widget.evaluate((el: any, text) => el.importJson(text), JSON.stringify(file));
  await expect(w.stepHeading).toHaveText('Review');
}

function sendDialog(page: Page, coach = 'Jordan') {
  return page.getByRole('dialog', { name: `Send to ${coach}` });
}

/** What the mail link says: to, subject, body. */
function readMailto(href: string) {
  expect(href.startsWith('mailto:')).toBe(true);
  const [to, query] = href.slice('mailto:'.length).split('?');
  const params = new URLSearchParams(query);
  return { to: decodeURIComponent(to), subject: params.get('subject') ?? '', body: params.get('body') ?? '' };
}

/** Every request a context makes, with its body. */
function recordRequests(context: BrowserContext): string[] {
  const sent: string[] = [];
  context.on('request', (r) => sent.push(`${r.method()} ${r.url()}\n${r.postData() ?? ''}`));
  return sent;
}

test('a client sends the alliance to the coach by email: the mail link holds the address, the subject, a summary and a link that opens the same alliance', async ({ page, browser, baseURL }) => {
  const sentByPage = recordRequests(page.context());
  const { w, errors } = await clientPage(page, 'coach-name="Jordan" coach-email="jordan@example.com" coach-desk="/coach-desk/"');
  // Where the answers stay, said truly on a page that can send them.
  await expect(w.widget.locator('.da-step-body')).toContainText(
    'In this browser, on this site, until you download them or send them to Jordan. Nothing leaves this browser until you do.',
  );
  await expect(w.widget.locator('.da-step-body')).not.toContainText('Nothing is sent anywhere.');
  const file = small();
  await open(w, file);
  // From Finish, as a large button; and in "Save or share".
  await w.goToStep('Finish');
  const send = w.widget.locator('.da-step-body').getByRole('button', { name: 'Send to Jordan' });
  await expect(send).toBeVisible();
  const menu = await w.openMenu();
  await expect(w.button('Send to Jordan', menu)).toBeVisible();
  await page.keyboard.press('Escape');
  await w.press(send);
  const dialog = sendDialog(page);
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('This is exactly what goes to Jordan. Nothing leaves this browser until you send it.');
  await expect(dialog.locator('dd').first()).toHaveText('Jordan <jordan@example.com>');
  await expect(dialog.locator('dd').nth(1)).toHaveText('Our designed alliance: Coaching: Priya & Jordan');
  const shown = await dialog.getByLabel('The email').inputValue();
  const mail = dialog.getByRole('link', { name: 'Open it in my email' });
  const href = (await mail.getAttribute('href'))!;
  expect(href.length).toBeLessThanOrEqual(2048);
  const { to, subject, body } = readMailto(href);
  expect(to).toBe('jordan@example.com');
  expect(subject).toBe('Our designed alliance: Coaching: Priya & Jordan');
  // What the email app gets is what the person was shown, line for line.
  expect(body.replace(/\r\n/g, '\n')).toBe(shown);
  expect(body).toContain('Hello Jordan,');
  expect(body).toContain('Here is our designed alliance, “Coaching: Priya & Jordan” (Draft, not yet agreed).');
  expect(body).toContain('Lead the platform team with confidence.');
  expect(body).not.toContain('(not filled in)');
  // Nothing left the browser while the person looked.
  expect(sentByPage.filter((r) => !r.includes(new URL(baseURL!).host))).toEqual([]);
  await mail.click();
  await expect(w.status).toContainText('Your email app was asked to open the email to Jordan.');
  expect(await page.evaluate(() => (window as any).sent)).toEqual([{ via: 'email', ok: true }]);
  // The link in the email opens on the coach's desk, in the coach's browser: the same alliance.
  const link = body.match(/https?:\/\/\S+#alliance-v1=\S+/)![0];
  expect(link.startsWith(`${baseURL}/coach-desk/#alliance-v1=`)).toBe(true);
  const coach = await browser.newContext();
  await serveDesk(coach);
  const theirs = await coach.newPage();
  const c = new Wizard(theirs);
  await theirs.goto(link);
  await expect(c.importDialog).toContainText('This alliance is new on your desk: it will be filed under Priya, Jordan.');
  await c.importDialog.getByRole('button', { name: 'File it' }).click();
  await expect(c.stepHeading).toHaveText('Review');
  const received = JSON.parse(await c.widget.evaluate((el: any) => el.exportJson()));
  const mine = JSON.parse(await w.widget.evaluate((el: any) => el.exportJson()));
  expect(received.alliance).toEqual(mine.alliance);
  await coach.close();
  expect(errors).toEqual([]);
});

test('an alliance whose link is too long for a mail link says so, and the file is attached instead', async ({ page }) => {
  const { w, errors } = await clientPage(page, 'coach-name="Jordan" coach-email="jordan@example.com"');
  await open(w, example);
  const menu = await w.openMenu();
  await w.press(w.button('Send to Jordan', menu));
  const dialog = sendDialog(page);
  await expect(dialog.locator('.da-notice')).toContainText(/^With the link, this email would be too long for many email apps \(its length with the link: \d{4}; many take at most 2048\)\. So the email leaves the link out: attach the file to it instead\.$/);
  const href = (await dialog.getByRole('link', { name: 'Open it in my email' }).getAttribute('href'))!;
  expect(href.length).toBeLessThanOrEqual(2048);
  const { body } = readMailto(href);
  expect(body).not.toContain('#alliance-v1=');
  const name = body.match(/attached file, (\S+\.json)\./)![1];
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    w.press(dialog.getByRole('button', { name: 'Download the file to attach' })),
  ]);
  // The file the email names is the file downloaded, and it is the whole alliance.
  expect(download.suggestedFilename()).toBe(name);
  const got = JSON.parse(await readFile(await download.path(), 'utf8'));
  expect(got.alliance).toEqual(JSON.parse(await w.widget.evaluate((el: any) => el.exportJson())).alliance);
  await expect(w.status).toContainText(`Downloaded ${name}. Attach it to the email before you send it.`);
  expect(errors).toEqual([]);
});

test.describe("the coach's own address on the web", () => {
  let server: Server;
  let port = 0;
  let answer = 200;
  const received: { method: string; type: string; body: string }[] = [];
  test.beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        received.push({ method: req.method!, type: req.headers['content-type'] ?? '', body });
        res.writeHead(req.method === 'OPTIONS' ? 204 : answer, {
          'Access-Control-Allow-Origin': '*',
          'Access-Control-Allow-Methods': 'POST',
          'Access-Control-Allow-Headers': 'Content-Type',
        });
        res.end();
      });
    });
    await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
    port = (server.address() as any).port;
  });
  test.afterAll(() => new Promise<void>((done) => (server.listening ? server.close(() => done()) : done())));

  test('posts only when the person presses Send; a failing or missing server loses nothing and offers the email', async ({ page }) => {
    const endpoint = `http://127.0.0.1:${port}/alliances`;
    const { w, errors } = await clientPage(page, '', {
      namespace: 'client', 'coach-name': 'Jordan', 'coach-email': 'jordan@example.com', 'coach-endpoint': endpoint,
    });
    await open(w, example);
    const before = await w.widget.evaluate((el: any) => el.exportJson());
    await w.goToStep('Finish');
    await w.press(w.widget.locator('.da-step-body').getByRole('button', { name: 'Send to Jordan' }));
    const dialog = sendDialog(page);
    // Where it goes is said before anything goes.
    await expect(dialog).toContainText(`goes to ${endpoint}, Jordan’s own address on the web, when you press the button`);
    expect(received).toEqual([]);
    const sendNow = dialog.getByRole('button', { name: 'Send it to Jordan now' });
    await w.press(sendNow);
    await expect(dialog.getByRole('status').last()).toContainText(/^Sent to Jordan at \d{1,2}:\d{2}/);
    const posted = received.filter((r) => r.method === 'POST');
    expect(posted).toHaveLength(1);
    expect(posted[0].type).toBe('application/json');
    expect(JSON.parse(posted[0].body).alliance).toEqual(JSON.parse(before).alliance);
    expect(await page.evaluate(() => (window as any).sent)).toEqual([{ via: 'web', ok: true, status: 200 }]);

    // The coach's server fails: said plainly, everything stays, the email is offered.
    answer = 500;
    await w.press(sendNow);
    const alert = dialog.getByRole('alert');
    await expect(alert).toContainText('Not sent: Jordan’s site did not take it (it answered “500 Internal Server Error”). Nothing is lost; everything is still here. You can send it by email above instead.');
    await expect(dialog.getByRole('link', { name: 'Open it in my email' })).toBeVisible();
    expect((await page.evaluate(() => (window as any).sent))[1]).toMatchObject({ via: 'web', ok: false });

    // The server is gone altogether.
    const closed = new Promise<void>((done) => server.close(() => done()));
    server.closeAllConnections();
    await closed;
    await w.press(sendNow);
    await expect(alert).toContainText(`Not sent: there was no answer from ${endpoint}: this device may be offline, or the site may be down.`);
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    expect(JSON.parse(await w.widget.evaluate((el: any) => el.exportJson())).alliance).toEqual(JSON.parse(before).alliance);
    expect(errors.filter((e) => !/Failed to load resource|net::ERR_CONNECTION_REFUSED|CORS|status of 500/.test(e))).toEqual([]);
  });
});

test('a page without a coach offers no sending, and an address that cannot be used is named in the console', async ({ page }) => {
  const warnings: string[] = [];
  page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
  const { w } = await clientPage(page, 'coach-name="Jordan" coach-email="not an address" coach-endpoint="http://coach.example/in"');
  await open(w, small());
  const menu = await w.openMenu();
  await expect(w.button('Share a link…', menu)).toBeVisible();
  await expect(menu.getByRole('button', { name: /Send to/ })).toHaveCount(0);
  expect(warnings).toContain('designed-alliance: coach-email="not an address" cannot be used: it is not an email address');
  expect(warnings).toContain('designed-alliance: coach-endpoint="http://coach.example/in" cannot be used: it must be an https:// address');
});

test('an alliance with nothing written has nothing to send, and says so', async ({ page }) => {
  const { w, errors } = await clientPage(page, 'coach-name="Jordan" coach-email="jordan@example.com"');
  const menu = await w.openMenu();
  await w.press(w.button('Send to Jordan', menu));
  const dialog = sendDialog(page);
  await expect(dialog.getByRole('alert')).toHaveText('Nothing is written in this alliance yet, so there is nothing to send. Write at least the goal first.');
  await expect(dialog.getByRole('link', { name: 'Open it in my email' })).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('in Spanish, the email is written in Spanish', async ({ page }) => {
  await page.route('**/coach-client-es/', (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><html lang="es"><head><meta charset="utf-8"><title>Antes de empezar</title>
        <script type="module" src="/designed-alliance-start.js"></script></head>
        <body><designed-alliance namespace="es" coach-name="Jordan" coach-email="jordan@example.com"></designed-alliance></body></html>`,
    }),
  );
  await page.goto('/coach-client-es/');
  const w = new Wizard(page);
  await expect(w.stepHeading).not.toHaveText('');
  await w.widget.evaluate((el: any, text) => el.importJson(text), JSON.stringify(small()));
  await w.widget.getByRole('button', { name: 'Guardar o compartir' }).click();
  await w.widget.getByRole('button', { name: 'Enviar a Jordan' }).click();
  const dialog = page.getByRole('dialog', { name: 'Enviar a Jordan' });
  await expect(dialog).toContainText('Esto es exactamente lo que le llega a Jordan.');
  const { subject, body } = readMailto((await dialog.getByRole('link', { name: 'Abrirlo en mi correo' }).getAttribute('href'))!);
  expect(subject).toBe('Nuestra alianza diseñada: Coaching: Priya & Jordan');
  expect(body).toContain('Hola, Jordan:');
});

for (const width of [1280, 375]) {
  for (const scheme of ['light', 'dark'] as const) {
    test(`sending to the coach at ${width} px, ${scheme}, saved as screenshots`, async ({ page }) => {
      await page.setViewportSize({ width, height: width > 400 ? 900 : 812 });
      await page.emulateMedia({ colorScheme: scheme });
      const { w, errors } = await clientPage(page, 'coach-name="Jordan" coach-email="jordan@example.com" coach-endpoint="https://coach.example/alliances"');
      await open(w, example);
      const dir = new URL(`${width}-${scheme}/`, OUT);
      await mkdir(dir, { recursive: true });
      await w.goToStep('Finish');
      await page.screenshot({ path: new URL('send-0-finish.png', dir).pathname, fullPage: true });
      await w.press(w.widget.locator('.da-step-body').getByRole('button', { name: 'Send to Jordan' }));
      await expect(sendDialog(page).getByLabel('The email')).toBeVisible();
      await page.evaluate(() => document.fonts.ready);
      await page.screenshot({ path: new URL('send-1-dialog.png', dir).pathname, fullPage: true });
      expect(await page.evaluate(() => document.documentElement.scrollWidth - innerWidth)).toBeLessThanOrEqual(0);
      expect(errors).toEqual([]);
    });

    test(`the coach's desk at ${width} px, ${scheme}, saved as screenshots`, async ({ page, baseURL }) => {
      await page.setViewportSize({ width, height: width > 400 ? 900 : 812 });
      await page.emulateMedia({ colorScheme: scheme });
      await page.context().route('**/coach-desk/', (route) =>
        route.fulfill({
          contentType: 'text/html',
          body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>My desk</title>
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="color-scheme" content="light dark">
            <script type="module" src="/designed-alliance-start.js"></script></head>
            <body><designed-alliance namespace="desk" mode="coach"></designed-alliance></body></html>`,
        }),
      );
      await page.goto(`${baseURL}/coach-desk/`);
      const w = new Wizard(page);
      await expect(w.stepHeading).toHaveText('Welcome');
      const dir = new URL(`${width}-${scheme}/`, OUT);
      await mkdir(dir, { recursive: true });
      const later = structuredClone(example);
      later.alliance.goal.why = 'The launch this year depends on a stable team.';
      for (const [file, button] of [[example, 'File it'], [later, 'Keep it to compare later']] as const) {
        await page.evaluate((hash) => { location.hash = hash; }, `alliance-v1=${linkData(file)}`);
        await expect(w.importDialog.getByRole('button', { name: button })).toBeVisible();
        await page.evaluate(() => document.fonts.ready);
        await page.screenshot({ path: new URL(`desk-${button === 'File it' ? '0-new' : '1-different'}.png`, dir).pathname, fullPage: true });
        await w.importDialog.getByRole('button', { name: button }).click();
        await expect(w.importDialog).toBeHidden();
      }
      await w.button('My drafts').click();
      await expect(page.getByRole('dialog', { name: 'My drafts' }).locator('.da-draft-waiting')).toBeVisible();
      await page.screenshot({ path: new URL('desk-2-drafts.png', dir).pathname, fullPage: true });
      expect(await page.evaluate(() => document.documentElement.scrollWidth - innerWidth)).toBeLessThanOrEqual(0);
      expect(w.errors).toEqual([]);
    });
  }
}

/** The text of a share link: the alliance's file, packed as the widget packs it. */
function linkData(json: unknown): string {
  return deflateSync(Buffer.from(JSON.stringify(json))).toString('base64url');
}

test.describe("the coach's desk", () => {
  test.use({ locale: 'en-GB' });

  test("files what clients send by their people, says when each was last received and what changed since, and opens the comparison", async ({ page, baseURL }) => {
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    const requests = recordRequests(page.context());
    await serveDesk(page.context());
    const desk = `${baseURL}/coach-desk/`;
    await page.goto(desk);
    const w = new Wizard(page);
    await expect(w.stepHeading).toHaveText('Welcome');
    const today = new Date().toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
    const receive = async (file: unknown) => {
      await page.evaluate((hash) => { location.hash = hash; }, `alliance-v1=${linkData(file)}`);
      await expect(w.importDialog).toBeVisible();
    };
    const file = async (name: string) =>
      JSON.parse(await readFile(new URL(`../../../examples/${name}.json`, import.meta.url), 'utf8'));
    const priya = await file('coach-and-client');
    const priyaLater = structuredClone(priya);
    priyaLater.alliance.goal.why = 'The launch this year depends on a stable team.';
    priyaLater.alliance.updatedAt = '2026-12-01T10:00:00Z';

    // Three clients' links: each new on the desk, filed under its people.
    for (const [f, people] of [
      [priya, 'Priya, Jordan'],
      [await file('partners-draft'), 'Sam, Alex'],
      [await file('team-and-stakeholder'), 'Platform team, Dana (Head of Sales)'],
    ] as const) {
      await receive(f);
      await expect(w.importDialog).toContainText(`This alliance is new on your desk: it will be filed under ${people}.`);
      await expect(w.importDialog.getByRole('button', { name: 'Open as a new draft' })).toBeHidden();
      await w.importDialog.getByRole('button', { name: 'File it' }).click();
      await expect(w.importDialog).toBeHidden();
      await expect(w.status).toHaveText(`Filed under ${people}.`);
    }
    // Priya's again, unchanged: nothing changed since.
    await receive(priya);
    await expect(w.importDialog).toContainText(`This is the version you already have (you last received it on ${today}): nothing changed since.`);
    await w.importDialog.getByRole('button', { name: 'Mark as received' }).click();
    await expect(w.status).toHaveText('Marked as received: nothing changed.');
    // Her second version: changed since; kept to compare later.
    await receive(priyaLater);
    await expect(w.importDialog).toContainText(`This version is different from the one you have (you last received one on ${today}).`);
    await w.importDialog.getByRole('button', { name: 'Keep it to compare later' }).click();
    await expect(w.status).toHaveText('Kept to compare later: My drafts shows it under Priya, Jordan.');

    // My drafts: grouped by people, each received, Priya's changed since.
    await w.button('My drafts').click();
    const list = page.getByRole('dialog', { name: 'My drafts' });
    const groups = list.locator('.da-desk-group');
    await expect(groups).toHaveCount(3);
    // The latest saved first: these three were saved within moments, so only who is there is
    // checked here (the order is the list's, tested in drafts.spec.ts).
    expect((await list.getByRole('heading', { level: 3 }).allTextContents()).sort()).toEqual([
      'Platform team, Dana (Head of Sales)', 'Priya, Jordan', 'Sam, Alex',
    ]);
    const priyas = list.getByRole('region', { name: 'Priya, Jordan' });
    await expect(priyas.locator('.da-draft')).toHaveCount(1);
    await expect(priyas.locator('.da-draft-meta')).toContainText(`Received ${today}`);
    await expect(priyas.locator('.da-draft-waiting')).toContainText(`A different version came on ${today}, not compared yet.`);
    for (const other of ['Sam, Alex', 'Platform team, Dana (Head of Sales)']) {
      const region = list.getByRole('region', { name: other });
      await expect(region.locator('.da-draft-meta')).toContainText(`Received ${today}`);
      await expect(region.locator('.da-draft-waiting')).toHaveCount(0);
    }
    await page.evaluate(() => document.fonts.ready);
    await mkdir(new URL('1280-light/', OUT), { recursive: true });
    await page.screenshot({ path: new URL('1280-light/desk-drafts.png', OUT).pathname, fullPage: true });

    // Compare: the difference is the goal's why; taken, the waiting version waits no longer.
    await priyas.getByRole('button', { name: 'Compare “Stepping into the team-lead role”' }).click();
    const compare = page.getByRole('dialog', { name: 'Compare the two versions' });
    await expect(compare).toContainText('1 difference');
    await expect(compare.getByRole('group', { name: 'The goal — Why does it matter?' })).toContainText('The launch this year depends on a stable team.');
    await compare.getByRole('button', { name: 'Save the result' }).click();
    await expect(compare).toBeHidden();
    expect(JSON.parse(await w.widget.evaluate((el: any) => el.exportJson())).alliance.goal.why).toBe('The launch this year depends on a stable team.');
    await w.button('My drafts').click();
    await expect(list.getByRole('region', { name: 'Priya, Jordan' }).locator('.da-draft-waiting')).toHaveCount(0);
    await page.keyboard.press('Escape');
    await expect(list).toBeHidden();
    // Her second version again, now brought in (with the revision log the comparison added):
    // the same as what the coach has.
    await receive(priyaLater);
    await expect(w.importDialog).toContainText(`This is the version you already have (you last received it on ${today}): nothing changed since.`);
    await w.importDialog.getByRole('button', { name: 'Mark as received' }).click();
    await expect(w.importDialog).toBeHidden();
    // Nothing was uploaded anywhere: every request stayed on the widget's own site.
    expect(requests.filter((r) => !r.includes(new URL(baseURL!).host))).toEqual([]);
    expect(errors).toEqual([]);
  });
});
