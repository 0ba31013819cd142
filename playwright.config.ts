import { defineConfig, devices } from '@playwright/test';

// One production build (made by scripts/test.sh) is served once for every spec, against one
// sandbox cluster started by scripts/e2e-server.ts. Chromium is Debian's: no browser downloads.
const port = Number(process.env.E2E_PORT ?? 3107);
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// Specs reach the sandbox's control API (force a crash, drop watches) here.
process.env.E2E_SANDBOX_URL ??= `http://127.0.0.1:${port + 1}`;
// The `real` project: the same production build against a real kube-apiserver (built by
// scripts/build-peers.sh) driven by the simulator, on port+2; what the API server says is
// served on port+3 for the specs. scripts/test.sh (CI) always runs it; locally it runs with
// PODTRAIL_E2E_REAL=1 or when a `real` spec/project is named on the command line.
const realPort = port + 2;
process.env.E2E_REAL_INFO_URL ??= `http://127.0.0.1:${realPort + 1}`;
const withReal =
  !!process.env.CI ||
  process.env.PODTRAIL_E2E_REAL === '1' ||
  process.argv.some((a) => /real/.test(a));

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
      testIgnore: [/api-server-faults\.spec\.ts/, /real-.*\.spec\.ts/],
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
    ...(withReal
      ? [
          {
            name: 'real',
            testMatch: /real-.*\.spec\.ts/,
            use: {
              ...devices['Desktop Chrome'],
              channel: undefined,
              baseURL: `http://127.0.0.1:${realPort}`,
            },
          },
        ]
      : []),
  ],
  webServer: [
    {
      command: `npx tsx scripts/e2e-server.ts --port ${port}`,
      url: `http://127.0.0.1:${port}/api/health`,
      timeout: 120_000,
      reuseExistingServer: !process.env.CI,
      stdout: 'pipe',
      stderr: 'pipe',
    },
    ...(withReal
      ? [
          {
            command: `npx tsx scripts/e2e-real-server.ts --port ${realPort}`,
            url: `http://127.0.0.1:${realPort}/api/health`,
            timeout: 180_000,
            reuseExistingServer: !process.env.CI,
            stdout: 'pipe' as const,
            stderr: 'pipe' as const,
          },
        ]
      : []),
  ],
});
