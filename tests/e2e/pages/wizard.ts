import { expect, type BrowserContext, type Download, type Locator, type Page } from '@playwright/test';

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The header once the draft is stored: the time in the person's locale (14:02, or 2:02 PM). */
export const SAVED = /^Saved in this browser at \d{1,2}:\d\d(\s?[AP]M)?$/;

/** Every step, in order, by its heading. */
export const STEPS = [
  'Welcome',
  'Who is involved',
  'The goal',
  'How we will measure it',
  'Who does what, and when',
  'How we will communicate',
  'How we will celebrate',
  'Needs and offers',
  'Busting assumptions',
  'When it gets hard',
  'Trade-offs and decisions',
  'Keeping it alive',
  'Review',
  'Agreement',
  'Finish',
];

/** How the person operates the page: with a pointer, or with the keyboard alone. */
export type Mode = 'pointer' | 'keyboard';

/** The wizard on the demo page, seen the way a person sees it: by roles and labels. */
export class Wizard {
  readonly errors: string[] = [];
  readonly widget: Locator;

  constructor(
    readonly page: Page,
    readonly mode: Mode = 'pointer',
    widget?: Locator,
  ) {
    this.widget = widget ?? page.locator('designed-alliance').first();
    page.on('console', (msg) => {
      if (msg.type() === 'error') this.errors.push(msg.text());
    });
    page.on('pageerror', (err) => this.errors.push(err.message));
  }

  /** Opens the page at the welcome and begins: the first questions ("Who is involved"). */
  async goto(path = '/index.html') {
    await this.gotoWelcome(path);
    await this.next('Who is involved');
  }

  /** Opens the page; a new person lands on the welcome. */
  async gotoWelcome(path = '/index.html') {
    await this.page.goto(path);
    await expect(this.stepHeading).toHaveText('Welcome');
  }

  /** From the welcome, begins: the first questions ("Who is involved"). */
  async begin() {
    await expect(this.stepHeading).toHaveText('Welcome');
    await this.next('Who is involved');
  }

  /** Opens a folded part of a step (its summary says `name`), unless it is open already. */
  async unfold(name: string | RegExp): Promise<Locator> {
    const summary = this.widget.locator('summary', { hasText: name });
    const details = summary.locator('xpath=..');
    if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open))) await this.press(summary);
    await expect(details).toHaveAttribute('open', '');
    return details;
  }

  /** Opens an item's small menu ("Move or remove: Commitment 2") and returns its panel. */
  async itemMenu(item: string): Promise<Locator> {
    const toggle = this.widget.locator('summary', { hasText: `Move or remove: ${item}` });
    const menu = toggle.locator('xpath=..');
    if (!(await menu.evaluate((d) => (d as HTMLDetailsElement).open))) await this.press(toggle);
    return menu;
  }

  /** "Which of these is you, on this device?", where it is asked (the agreement step, or a
   *  dialog when `within` is given). */
  whoIsMe(within?: Locator): Locator {
    return (within ?? this.widget).getByRole('group', { name: 'Which of these is you, on this device?' });
  }

  /** Says which person uses this browser (where the question then gives way, as on the
   *  agreement step, the radio button is gone once chosen). */
  async iAm(name: string, within?: Locator) {
    const group = this.whoIsMe(within);
    const radio = group.getByRole('radio', { name, exact: true });
    if (this.mode === 'pointer') return radio.click();
    // A radio group is one stop for Tab; the arrow keys move within it and choose.
    await this.tabTo(group.getByRole('radio').first());
    for (let i = 0; i < 20; i++) {
      const handle = await radio.elementHandle({ timeout: 1000 }).catch(() => null);
      if (!handle) return; // chosen: the question gave way
      if (await handle.evaluate((el) => (el as HTMLInputElement).checked)) return;
      if (await handle.evaluate((el) => (el.getRootNode() as Document | ShadowRoot).activeElement === el)) {
        await this.page.keyboard.press('Space');
        return;
      }
      await this.page.keyboard.press('ArrowDown');
    }
    throw new Error(`the arrow keys never reached ${radio}`);
  }

  get stepHeading(): Locator {
    return this.widget.getByRole('heading', { level: 2 });
  }

  /** Polite announcements of what just happened. */
  get status(): Locator {
    return this.widget.locator('p.da-status');
  }

  /** Where the person now is, said to screen readers after each change of step. */
  get whereabouts(): Locator {
    return this.widget.locator('p.da-visually-hidden[role=status]');
  }

  /** Whether and when the draft was saved in this browser. */
  get saveStatus(): Locator {
    return this.widget.locator('p.da-save-status');
  }

  /** A labelled control, optionally inside a group (a list item) or a region. Optional
   *  fields are labelled "… (optional)"; a plain string matches them too. */
  field(label: string | RegExp, within?: Locator): Locator {
    const name = typeof label === 'string' ? new RegExp(`^${escapeRegExp(label)}( \\(optional\\))?$`) : label;
    return (within ?? this.widget).getByLabel(name);
  }

  /** A list item: the group named by its legend, such as "Commitment 2". */
  item(name: string, within?: Locator): Locator {
    return (within ?? this.widget).getByRole('group', { name, exact: true });
  }

  button(name: string | RegExp, within?: Locator): Locator {
    return (within ?? this.widget).getByRole('button', { name, exact: typeof name === 'string' });
  }

  /** One person's needs and offers. */
  personNeeds(name: string): Locator {
    return this.widget.locator('section.da-party-needs', { has: this.page.getByRole('heading', { name, exact: true }) });
  }

  /** The step link in the progress indicator. */
  stepLink(title: string): Locator {
    return this.widget.getByRole('navigation', { name: 'Steps' }).getByRole('button', { name: new RegExp(`^${title} \\(`) });
  }

  // ------------------------------------------------------------ input, in either mode

  /** Presses Tab until `target` has focus (keyboard mode). */
  async tabTo(target: Locator) {
    const handle = await target.elementHandle();
    if (!handle) throw new Error(`not on the page: ${target}`);
    for (let i = 0; i < 400; i++) {
      // Inside the widget's shadow root, its own activeElement says what has focus.
      if (await handle.evaluate((el) => (el.getRootNode() as Document | ShadowRoot).activeElement === el)) return;
      await this.page.keyboard.press('Tab');
    }
    throw new Error(`Tab never reached ${target}`);
  }

  async fill(target: Locator, text: string) {
    if (this.mode === 'pointer') return target.fill(text);
    await this.tabTo(target);
    await this.page.keyboard.press('Control+A');
    await this.page.keyboard.type(text);
  }

  async choose(target: Locator, label: string) {
    if (this.mode === 'pointer') {
      await target.selectOption({ label });
    } else {
      // Type-ahead: typing an option's label selects it.
      await this.tabTo(target);
      await this.page.keyboard.type(label);
    }
    await expect(target.locator('option:checked')).toHaveText(label);
  }

  /** A date, as YYYY-MM-DD. */
  async date(target: Locator, iso: string) {
    if (this.mode === 'pointer') return target.fill(iso);
    const [y, m, d] = iso.split('-');
    await this.tabTo(target);
    await this.page.keyboard.type(`${m}${d}${y}`);
    await expect(target).toHaveValue(iso);
  }

  /** A time, as HH:MM (24-hour). */
  async time(target: Locator, hhmm: string) {
    if (this.mode === 'pointer') return target.fill(hhmm);
    const [h, m] = hhmm.split(':').map(Number);
    await this.tabTo(target);
    const h12 = h % 12 === 0 ? 12 : h % 12;
    await this.page.keyboard.type(`${String(h12).padStart(2, '0')}${String(m).padStart(2, '0')}${h < 12 ? 'A' : 'P'}`);
    await expect(target).toHaveValue(hhmm);
  }

  async check(target: Locator) {
    if (this.mode === 'pointer') return target.check();
    await this.tabTo(target);
    await this.page.keyboard.press('Space');
    await expect(target).toBeChecked();
  }

  async press(target: Locator) {
    if (this.mode === 'pointer') return target.click();
    await this.tabTo(target);
    await this.page.keyboard.press('Enter');
  }

  // ------------------------------------------------------------ navigation

  /** Goes to the next step with the button that leads on ("Next: …", "Begin: …" on the
   *  welcome, "Go deeper: …" after the essentials); focus moves to its heading. */
  async next(title: string) {
    await this.press(this.button(new RegExp(`^(Next|Begin|Go deeper): ${escapeRegExp(title)}`)));
    await expect(this.stepHeading).toHaveText(title);
    await expect(this.stepHeading).toBeFocused();
  }

  async goToStep(title: string) {
    // On a phone the step list is folded behind "All steps".
    const toggle = this.widget.getByRole('navigation', { name: 'Steps' }).getByRole('button', { name: 'All steps' });
    // Read once, without waiting: while the widget first lays itself out the toggle may show
    // for a moment and go (then the list is there and there is nothing to unfold).
    const folded = await toggle.evaluateAll((found) =>
      found.some((b) => b.checkVisibility() && b.getAttribute('aria-expanded') !== 'true'),
    );
    if (folded) await this.press(toggle);
    await this.press(this.stepLink(title));
    await expect(this.stepHeading).toHaveText(title);
  }

  // ------------------------------------------------------------ taking it away

  /** Opens the "Save or share" menu and returns its panel (the element the toggle controls). */
  async openMenu(): Promise<Locator> {
    const toggle = this.button('Save or share');
    const panel = this.widget.locator(`#${await toggle.getAttribute('aria-controls')}`);
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await this.press(toggle);
    await expect(panel).toBeVisible();
    return panel;
  }

  async downloadJson(): Promise<Download> {
    const menu = await this.openMenu();
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.press(this.button('Download file (.json)', menu))]);
    return download;
  }

  async downloadCalendar(): Promise<Download> {
    const menu = await this.openMenu();
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.press(this.button('Add dates to calendar (.ics)', menu))]);
    return download;
  }

  /** Chooses a file with the "Open a file…" picker. */
  async chooseFile(file: { name: string; mimeType: string; buffer: Buffer }) {
    await this.widget.locator('input[type="file"]').setInputFiles(file);
  }

  get importDialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Open this alliance?' });
  }

  get importError(): Locator {
    return this.widget.getByRole('alert');
  }
}

/** What the journey fills in, and what the exported file must say. */
export const JOURNEY = {
  title: 'Stepping into the team-lead role',
  relationship: 'Coach and client',
  me: { name: 'Priya', role: 'Client, new engineering manager' },
  other: { name: 'Jordan', role: 'Coach' },
  reflection: 'I want coaching to be about my real week.',
  goal: {
    what: 'Lead my first team with confidence.',
    why: 'The launch depends on the team staying together.',
    pain: 'Dreading one-to-ones.',
  },
  measure: { signal: 'Both at-risk engineers stay', check: 'My one-to-one notes', often: 'Every two weeks' },
  commitments: [
    { what: 'Book a skip-level conversation with each team member', owner: 'Priya', date: '2026-12-15' },
    { what: 'Send a one-page summary', owner: 'Jordan', after: 'each session' },
  ],
  channel: { name: 'Email', purpose: 'Session notes', usage: 'We use it' },
  checkIn: { rhythm: 'Every two weeks', first: '2026-12-01', time: '08:30', minutes: '60', format: 'Video call, camera on' },
  raising: 'A message marked URGENT, answered within a working day.',
  celebrate: 'A final session to look back.',
  milestone: { what: 'The first retrospective I run', how: 'Share the win with my manager' },
  needs: {
    Priya: { need: 'Honest feedback', offer: 'I come prepared with one topic' },
    Jordan: { need: 'Tell me when a session did not help', offer: 'Full attention and confidentiality' },
  },
  assumption: { text: 'My manager expects me to have every answer', heldBy: 'Priya', status: 'Revised', instead: 'I can say I will find out' },
  hard: {
    surprises: 'We name it at the next session.',
    missed: 'We look at what got in the way first.',
    permission: 'Challenge me when I play it safe',
    mistakes: 'I say what went wrong and what I will change.',
  },
  decision: { question: 'Delegation or stakeholders first?', options: ['Delegation first', 'Stakeholders first'], why: 'Nothing else works until I have time.' },
  review: { next: '2027-01-12', rhythm: 'Every month' },
  firstStep: 'Book the first skip-level.',
};

/** Walks through every step, filling in everything, and agrees. `shot` is called per step. */
export async function fillEverything(w: Wizard, shot: (name: string) => Promise<void> = async () => {}) {
  const J = JOURNEY;
  if ((await w.stepHeading.textContent()) !== 'Welcome') await w.goToStep('Welcome');
  await w.unfold('Before you start');
  await w.fill(w.field('Why this relationship, and why now?'), J.reflection);
  await shot('00-welcome');
  await w.next('Who is involved');
  await w.fill(w.field('What shall we call this alliance?'), J.title);
  await w.choose(w.field('What kind of relationship is this?'), J.relationship);
  const [p1, p2] = [w.item('Person 1'), w.item('Person 2')];
  await w.fill(w.field('Name', p1), J.me.name);
  await w.fill(w.field('Role in this alliance', p1), J.me.role);
  await w.fill(w.field('Name', p2), J.other.name);
  await w.fill(w.field('Role in this alliance', p2), J.other.role);
  await shot('01-who-is-involved');

  await w.next('The goal');
  await w.fill(w.field('What are we trying to achieve together?'), J.goal.what);
  await w.fill(w.field('Why does it matter?'), J.goal.why);
  await w.unfold('And if nothing changes?');
  await w.fill(w.field('What pain would it relieve?'), J.goal.pain);
  await shot('02-goal');

  await w.next('How we will measure it');
  await w.press(w.button('Add a way to measure progress'));
  const m1 = w.item('Measure 1');
  await expect(w.field('What will we see when it is going well?', m1)).toBeFocused();
  await w.fill(w.field('What will we see when it is going well?', m1), J.measure.signal);
  await w.fill(w.field('How will we check it?', m1), J.measure.check);
  await w.choose(w.field('How often will we look?', m1), J.measure.often);
  await shot('03-progress');

  await w.next('Who does what, and when');
  for (const [i, c] of J.commitments.entries()) {
    await w.press(w.button('Add a commitment'));
    const item = w.item(`Commitment ${i + 1}`);
    await w.fill(w.field('What will be done?', item), c.what);
    await w.choose(w.field('Who does it?', item), c.owner);
    if (c.date) {
      await w.choose(w.field('When?', item), 'On or by a date');
      await w.date(w.field('Date', item), c.date);
    } else {
      await w.choose(w.field('When?', item), 'After something happens');
      await w.fill(w.field('After what?', item), c.after!);
    }
  }
  await shot('04-commitments');

  await w.next('How we will communicate');
  await w.press(w.button('Add a channel'));
  const ch = w.item('Channel 1');
  await w.fill(w.field('Channel', ch), J.channel.name);
  await w.fill(w.field('What is it for?', ch), J.channel.purpose);
  await w.choose(w.field('Use it or avoid it?', ch), J.channel.usage);
  await w.choose(w.field('How often do we check in?'), J.checkIn.rhythm);
  await w.unfold('The first check-in');
  await w.date(w.field('First check-in'), J.checkIn.first);
  await w.time(w.field('Time'), J.checkIn.time);
  await w.fill(w.field('Length in minutes'), J.checkIn.minutes);
  await w.fill(w.field('Where or how?'), J.checkIn.format);
  await w.unfold('How each of us likes updates');
  await w.choose(w.field('Updates for Priya'), 'A periodic summary');
  await w.choose(w.field('Updates for Jordan'), 'Frequent, detailed updates');
  await w.fill(w.field('How do we raise a problem fast?'), J.raising);
  await shot('05-communication');

  await w.next('How we will celebrate');
  await w.fill(w.field('How will we celebrate reaching the goal?'), J.celebrate);
  await w.press(w.button('Add a milestone'));
  const ms = w.item('Milestone 1');
  await w.fill(w.field('Milestone', ms), J.milestone.what);
  await w.fill(w.field('How we mark it', ms), J.milestone.how);
  await shot('06-celebrations');

  await w.next('Needs and offers');
  for (const [name, no] of Object.entries(J.needs)) {
    const person = w.personNeeds(name);
    await w.press(w.button(`Add a need for ${name}`));
    await expect(w.field('Need', w.item('Need 1', person))).toBeFocused();
    await w.fill(w.field('Need', w.item('Need 1', person)), no.need);
    await w.press(w.button(`Add an offer from ${name}`));
    await w.fill(w.field('Offer', w.item('Offer 1', person)), no.offer);
  }
  await shot('07-needs-and-offers');

  await w.next('Busting assumptions');
  await w.press(w.button('Add an assumption'));
  const as = w.item('Assumption 1');
  await w.fill(w.field('What are we assuming?', as), J.assumption.text);
  await w.choose(w.field('Who holds it?', as), J.assumption.heldBy);
  await w.choose(w.field('Where does it stand?', as), J.assumption.status);
  await w.fill(w.field('What we agreed instead', as), J.assumption.instead);
  await shot('08-assumptions');

  await w.next('When it gets hard');
  await w.fill(w.field('How will we work through surprises?'), J.hard.surprises);
  await w.fill(w.field('What happens when a commitment is missed?'), J.hard.missed);
  await w.press(w.button('Add a permission'));
  await w.fill(w.field('A permission we give each other', w.item('Permission 1')), J.hard.permission);
  await w.fill(w.field('How will we own mistakes?'), J.hard.mistakes);
  await shot('09-hard-times');

  await w.next('Trade-offs and decisions');
  await w.press(w.button('Add a decision'));
  const d = w.item('Decision 1');
  await w.fill(w.field('What do we have to decide?', d), J.decision.question);
  for (const [i, name] of J.decision.options.entries()) {
    await w.fill(w.field('Option', w.item(`Option ${i + 1}`, d)), name);
  }
  await w.choose(w.field('What we chose', d), J.decision.options[0]);
  await w.fill(w.field('Why we chose it', d), J.decision.why);
  await shot('10-decisions');

  await w.next('Keeping it alive');
  await w.date(w.field('When will we next review this alliance?'), J.review.next);
  await w.choose(w.field('How often will we review it after that?'), J.review.rhythm);
  await shot('11-keeping-alive');

  await w.next('Review');
  await expect(w.widget.getByText('Everything needed is filled in.')).toBeVisible();
  await expect(w.widget.locator('.da-doc')).toContainText(J.goal.what);
  await shot('12-review');

  await w.next('Agreement');
  await expect(w.widget.locator('.da-recap')).toContainText(J.goal.what);
  // Agreement is given in a person's name: who uses this browser is asked first.
  await expect(w.button(`${J.me.name}: I agree`)).toHaveCount(0);
  await w.iAm(J.me.name);
  await expect(w.button(`${J.me.name}: I agree`)).toBeFocused();
  await expect(w.widget.getByText(`On this device you are ${J.me.name}.`)).toBeVisible();
  await w.press(w.button(`${J.me.name}: I agree`));
  await expect(w.widget.getByText(`${J.me.name} agreed on`)).toBeVisible();
  // Only the person this browser is agrees here: the other says it is them first.
  await expect(w.button(`${J.other.name}: I agree`)).toHaveCount(0);
  await expect(w.widget.getByText(`${J.other.name} has not agreed yet.`)).toBeVisible();
  await w.press(w.button('That is not me'));
  await w.iAm(J.other.name);
  await w.press(w.button(`${J.other.name}: I agree`));
  await expect(w.widget.getByText('Everyone has agreed. This is now your alliance.').first()).toBeVisible();
  await shot('13-agreement');

  await w.next('Finish');
  await w.unfold('Looking ahead');
  await w.fill(w.field('What is the first thing you will do?'), J.firstStep);
  await shot('14-finish');
}

/** After a test that serves files through routes: a request still on its way when the test ends
 *  (a part the widget fetches ahead while the page is idle) is let go rather than reported as an
 *  error of the run. Use as `test.afterEach(letRoutesGo)`. */
export async function letRoutesGo({ page, context }: { page: Page; context: BrowserContext }) {
  if (!page.isClosed()) await page.unrouteAll({ behavior: 'ignoreErrors' });
  await context.unrouteAll({ behavior: 'ignoreErrors' });
}
