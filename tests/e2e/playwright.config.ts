import { defineConfig } from '@playwright/test';

import { chromiumArgs, executablePath } from './chromium.mjs';

const port = Number(process.env.E2E_PORT ?? 4173);
// The release build the tests run against (make test builds it with trunk).
const site = process.env.E2E_SITE ?? '../../target/site';

export default defineConfig({
  testDir: './specs',
  outputDir: './test-results',
  fullyParallel: true,
  workers: 2,
  forbidOnly: true,
  retries: 0,
  reporter: [['list'], ['./failures.mjs']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    browserName: 'chromium',
    launchOptions: {
      executablePath,
      args: chromiumArgs,
    },
    trace: 'off',
  },
  webServer: {
    command: `node serve.mjs --root ${site} --port ${port}`,
    url: `http://127.0.0.1:${port}/index.html`,
    reuseExistingServer: false,
    stdout: 'ignore',
  },
});
