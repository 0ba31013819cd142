import { defineConfig, devices } from '@playwright/test';

// One production build (made by scripts/test.sh) is served once for every spec, against one
// sandbox cluster started by scripts/e2e-server.ts. Chromium is Debian's: no browser downloads.
const port = Number(process.env.E2E_PORT ?? 3107);
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// Specs reach the sandbox's control API (force a crash, drop watches) here.
process.env.E2E_SANDBOX_URL ??= `http://127.0.0.1:${port + 1}`;

export default defineConfig({
  testDir: './e2e',
  outputDir: 'test-results',
  fullyParallel: true,
  workers: process.env.CI ? 2 : 2,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    timezoneId: 'UTC',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: chromium,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [
    {
      name: 'chromium',
      testIgnore: /api-server-faults\.spec\.ts/,
      use: { ...devices['Desktop Chrome'], channel: undefined },
    },
    // The fault journey stops, forbids and restarts the shared sandbox: it runs after every other
    // spec (alone: `npx playwright test --no-deps e2e/api-server-faults.spec.ts`).
    {
      name: 'faults',
      testMatch: /api-server-faults\.spec\.ts/,
      dependencies: ['chromium'],
      use: { ...devices['Desktop Chrome'], channel: undefined },
    },
  ],
  webServer: {
    command: `npx tsx scripts/e2e-server.ts --port ${port}`,
    url: `http://127.0.0.1:${port}/api/health`,
    timeout: 120_000,
    reuseExistingServer: !process.env.CI,
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
