import { expect, type Locator, type Page } from '@playwright/test';

/** The demo page with one widget on it, seen the way a person sees it. */
export class DemoPage {
  readonly errors: string[] = [];
  readonly widget: Locator;

  constructor(readonly page: Page) {
    this.widget = page.locator('designed-alliance');
    page.on('console', (msg) => {
      if (msg.type() === 'error') this.errors.push(msg.text());
    });
    page.on('pageerror', (err) => this.errors.push(err.message));
  }

  /** Opens the page at the welcome and begins: the first questions. */
  async goto() {
    await this.page.goto('/index.html');
    await expect(this.stepHeading).toHaveText('Welcome');
    await this.widget.getByRole('button', { name: /^Begin/ }).click();
    await expect(this.stepHeading).toHaveText('Who is involved');
  }

  /** The heading of the current step. */
  get stepHeading(): Locator {
    return this.widget.getByRole('heading', { level: 2 });
  }

  get titleField(): Locator {
    return this.widget.getByLabel('What shall we call this alliance?');
  }

  /** The alliance's title as the widget's header shows it. */
  get headerTitle(): Locator {
    return this.widget.locator('.da-title');
  }
}
