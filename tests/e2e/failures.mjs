// A Playwright reporter that writes each failed test's title, place and the first lines of its
// error to test-results/failures.txt, so `make test` can say last why it failed (what a CI log's
// tail shows).
import { mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const ansi = /\u001b\[[0-9;]*m/g;

export default class Failures {
  constructor() {
    this.failed = [];
  }
  onBegin(config) {
    this.dir = config.projects[0]?.outputDir ?? 'test-results';
    rmSync(join(this.dir, 'failures.txt'), { force: true });
  }
  onTestEnd(test, result) {
    if (result.status === 'passed' || result.status === 'skipped' || test.expectedStatus === result.status) return;
    const error = (result.error?.message ?? result.status).replace(ansi, '').split('\n').filter((l) => l.trim()).slice(0, 4);
    const at = result.error?.location ? `${result.error.location.file.split('/specs/').pop()}:${result.error.location.line}` : `${test.location.file.split('/specs/').pop()}:${test.location.line}`;
    this.failed.push(`- ${test.title}\n  at ${at}\n${error.map((l) => `  ${l.slice(0, 200)}`).join('\n')}`);
  }
  onEnd() {
    if (this.failed.length === 0) return;
    mkdirSync(this.dir, { recursive: true });
    writeFileSync(join(this.dir, 'failures.txt'), this.failed.slice(0, 3).join('\n') + '\n');
  }
}
