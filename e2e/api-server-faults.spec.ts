// Journey: the wall screen through the API server's faults — hung (SIGSTOP/SIGCONT of the sandbox
// process), 403 on one namespace and back, restarted from scratch (a lower resourceVersion). The
// banner and recovery times are printed and kept in test-results/fault-times.json.
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { writeFileSync, mkdirSync } from 'node:fs';
import { control, sandboxUrl, screenshot } from './helpers';

test.use({ viewport: { width: 1920, height: 1080 } });
test.describe.configure({ mode: 'serial' });

const times: Record<string, number> = {};

test.afterAll(() => {
  mkdirSync('test-results', { recursive: true });
  writeFileSync('test-results/fault-times.json', JSON.stringify(times, null, 2));
  console.log('fault times (ms):', JSON.stringify(times));
});

async function sandboxPid(request: APIRequestContext): Promise<number> {
  return Number((await control(request, 'pid', {})).pid);
}

async function openKiosk(page: Page) {
  await page.goto('/?kiosk=1');
  await expect(page.getByTestId('kiosk')).toHaveAttribute('data-connection', 'live');
  await expect(page.locator('[data-row]').first()).toBeVisible();
  // No banner on a healthy load, not even for an instant while the stream connects.
  await expect(page.getByTestId('stale-banner')).toHaveCount(0);
}

/** Seconds in "updated N s ago" (minutes count as 60 s each). */
async function updatedSeconds(page: Page): Promise<number> {
  const text = (await page.getByTestId('updated-ago').textContent()) ?? '';
  const match = /updated (\d+) (s|min) ago/.exec(text);
  expect(match, `"${text}"`).toBeTruthy();
  return Number(match![1]) * (match![2] === 'min' ? 60 : 1);
}

test('hung API server: banner within 30 s, pages from the cache, recovery after SIGCONT', async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  await openKiosk(page);
  const pid = await sandboxPid(request);
  const stoppedAt = Date.now();
  process.kill(pid, 'SIGSTOP');
  try {
    const banner = page.getByTestId('stale-banner');
    await expect(banner).toBeVisible({ timeout: 30_000 });
    times.hangBannerMs = Date.now() - stoppedAt;
    await expect(banner).toContainText(/API server of sandbox lost \d+ s ago — data may be stale/);
    // The duration counts from the last contact, so it is about as old as the hang itself, and
    // "updated" agrees with it (not "updated 1 s ago" under a banner).
    const sinceMs = Number(await banner.getAttribute('data-since'));
    expect(sinceMs).toBeLessThanOrEqual(Date.now());
    expect(stoppedAt - sinceMs).toBeLessThan(15_000);
    await page.waitForTimeout(3_000);
    expect(await updatedSeconds(page)).toBeGreaterThanOrEqual(3);
    await screenshot(page, 'fault-hang-kiosk');

    // A pod page loads from the cache while the server hangs, marked, without waiting on it.
    const pod = await request.get('/api/board?namespace=oom-no-limit');
    const row = ((await pod.json()) as { rows: Array<{ pod: string }> }).rows[0]!;
    const podPage = await page.context().newPage();
    const startedAt = Date.now();
    await podPage.goto(`/c/sandbox/ns/oom-no-limit/pods/${row.pod}`);
    await expect(podPage.getByTestId('stale-banner')).toBeVisible();
    times.hungPodPageLoadMs = Date.now() - startedAt;
    await expect(podPage.getByText(/possibly stale data as of/)).toBeVisible();
    await screenshot(podPage, 'fault-hang-pod');
    await podPage.close();
  } finally {
    process.kill(pid, 'SIGCONT');
  }
  const resumedAt = Date.now();
  await expect(page.getByTestId('stale-banner')).toHaveCount(0, { timeout: 30_000 });
  times.hangRecoveryMs = Date.now() - resumedAt;
  await expect.poll(() => updatedSeconds(page), { timeout: 15_000 }).toBeLessThan(15);
});

test('403 on one namespace: its rows say "no access since", and back', async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  await openKiosk(page);
  const row = page.locator('[data-row*="/oom-no-limit/"]').first();
  await expect(row).toBeVisible();
  const forbiddenAt = Date.now();
  await control(request, 'forbid', { namespace: 'oom-no-limit' });
  await control(request, 'drop-watches', {});
  const notice = page.getByTestId('no-access');
  await expect(notice).toBeVisible({ timeout: 30_000 });
  times.forbiddenMarkMs = Date.now() - forbiddenAt;
  await expect(notice).toContainText(/No access to namespace oom-no-limit since \d\d:\d\d:\d\d/);
  await expect(row.getByTestId('no-access-tag')).toBeVisible();
  // Only that namespace: the rest stays live, no outage banner.
  await expect(page.getByTestId('stale-banner')).toHaveCount(0);
  await screenshot(page, 'fault-forbidden-kiosk');

  const allowedAt = Date.now();
  await control(request, 'allow', { namespace: 'oom-no-limit' });
  await expect(notice).toHaveCount(0, { timeout: 60_000 });
  times.forbiddenRecoveryMs = Date.now() - allowedAt;
  await expect(row.getByTestId('no-access-tag')).toHaveCount(0);
  // Back to cluster-wide watches: one per watched resource, not one per namespace.
  await expect
    .poll(
      async () =>
        (
          (await (await request.get(`${sandboxUrl}/sandbox/stats`)).json()) as {
            openWatches: number;
          }
        ).openWatches,
      { timeout: 60_000 },
    )
    .toBeLessThan(20);
});

test('API server restarted with a lower resourceVersion: the board shows the new server’s state', async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  await openKiosk(page);
  const pid = await sandboxPid(request);
  const listRv = async () => {
    const response = await request.get(`${sandboxUrl}/api/v1/pods?limit=1`).catch(() => null);
    if (!response?.ok()) return undefined;
    return Number(
      ((await response.json()) as { metadata: { resourceVersion: string } }).metadata
        .resourceVersion,
    );
  };
  const oldRv = (await listRv())!;
  const restartedAt = Date.now();
  process.kill(pid, 'SIGUSR2');
  // The restarted server (same cluster, from its start again) answers on the same port, with a
  // lower resourceVersion than the dashboard has seen.
  await expect
    .poll(async () => ((await listRv()) ?? Infinity) < oldRv, { timeout: 30_000 })
    .toBe(true);
  const crashed = (await control(request, 'crash', { namespace: 'healthy' })).crashed as string[];
  const pod = crashed[0]!;
  const serverRestarts = async () => {
    const response = await request.get(`${sandboxUrl}/api/v1/namespaces/healthy/pods/${pod}`);
    const body = (await response.json()) as {
      status: { containerStatuses: Array<{ restartCount: number }> };
    };
    return body.status.containerStatuses[0]!.restartCount;
  };
  // The board's row for that pod matches what the restarted server says.
  await expect
    .poll(
      async () => {
        const board = (await (await request.get('/api/board?namespace=healthy')).json()) as {
          rows: Array<{ pod: string; restarts: number }>;
        };
        const row = board.rows.find((r) => r.pod === pod);
        return row ? row.restarts === (await serverRestarts()) : false;
      },
      { timeout: 45_000 },
    )
    .toBe(true);
  times.restartRelistMs = Date.now() - restartedAt;
  await expect(page.getByTestId('stale-banner')).toHaveCount(0, { timeout: 30_000 });
  await screenshot(page, 'fault-restart-kiosk');
});
