import { defineConfig, devices } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT ?? 3100);
const chromium = {
  // Debian's Chromium: Playwright's own browser download is not reachable from these machines.
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};

export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 2,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  use: {
    baseURL: `http://localhost:${PORT}`,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    // What only a narrow screen shows (@phone-only) runs on the phone project alone.
    { name: 'desktop', grepInvert: /@phone-only/, use: { ...devices['Desktop Chrome'], launchOptions: chromium } },
    // Flows that change shared demo accounts run once, on the desktop project.
    {
      name: 'phone',
      grepInvert: /@desktop-only/,
      use: { ...devices['Pixel 7'], viewport: { width: 360, height: 780 }, launchOptions: chromium },
    },
  ],
  webServer: {
    // The production build on a fresh embedded PostgreSQL seeded with the demo data.
    command: 'node scripts/start.mjs --fresh',
    url: `http://localhost:${PORT}/api/health`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    // DATABASE_URL emptied: the browser tests always get their own fresh embedded database.
    env: { PORT: String(PORT), HIH_DATA_DIR: '.data/e2e', PGPORT_EMBEDDED: process.env.E2E_PGPORT ?? '54339', DATABASE_URL: '' },
  },
});
