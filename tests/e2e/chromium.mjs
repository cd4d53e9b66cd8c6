// How Chromium is started here, shared by the Playwright config and the benchmarks. It comes
// from the system packages (browser downloads fail on these machines).
export const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium';
export const chromiumArgs = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
