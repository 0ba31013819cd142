// Journey: the wall screen through the API server's faults — hung (SIGSTOP/SIGCONT of the sandbox
// process), 403 on one namespace and back (on a phone too), restarted from scratch (a lower
// resourceVersion), another cluster at the same address. The banner and recovery times are
// printed and kept in test-results/fault-times.json.
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
  // On a phone the board is cards: that namespace's cards carry the mark, no other does.
  const phone = await page
    .context()
    .browser()!
    .newPage({ viewport: { width: 390, height: 844 } });
  await phone.goto('/');
  const cards = phone.getByTestId('board-cards').locator('li');
  const forbiddenCards = cards.filter({ hasText: 'oom-no-limit /' });
  await expect(forbiddenCards.first()).toBeVisible();
  const marked = await forbiddenCards.count();
  await expect(forbiddenCards.getByTestId('no-access-tag')).toHaveCount(marked);
  await expect(forbiddenCards.getByTestId('no-access-tag').first()).toContainText(
    /^no access since \d\d:\d\d:\d\d UTC$/,
  );
  await expect(phone.getByTestId('board-cards').getByTestId('no-access-tag')).toHaveCount(marked);
  await screenshot(phone, 'fault-forbidden-phone');

  const allowedAt = Date.now();
  await control(request, 'allow', { namespace: 'oom-no-limit' });
  await expect(notice).toHaveCount(0, { timeout: 60_000 });
  times.forbiddenRecoveryMs = Date.now() - allowedAt;
  await expect(row.getByTestId('no-access-tag')).toHaveCount(0);
  await expect(phone.getByTestId('no-access-tag')).toHaveCount(0);
  await phone.close();
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
  // Every page says the cluster went back (read from /api/health every 30 s).
  await expect(page.getByTestId('cluster-identity-notice')).toContainText(
    /^sandbox went back to an older state at \d\d:\d\d:\d\d UTC/,
    { timeout: 45_000 },
  );
  times.rewindNoticeMs = Date.now() - restartedAt;
  await screenshot(page, 'fault-restart-kiosk');
});

test('another cluster at the same address: every page names it, the board shows only the new cluster’s pods', async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  await openKiosk(page);
  const pid = await sandboxPid(request);
  const uid = async () => {
    const response = await request
      .get(`${sandboxUrl}/api/v1/namespaces/kube-system`)
      .catch(() => null);
    return response?.ok()
      ? ((await response.json()) as { metadata: { uid: string } }).metadata.uid
      : undefined;
  };
  const oldUid = (await uid())!;
  const replacedAt = Date.now();
  process.kill(pid, 'SIGHUP');
  await expect.poll(async () => (await uid()) ?? oldUid, { timeout: 30_000 }).not.toBe(oldUid);
  const notice = page.getByTestId('cluster-identity-notice');
  await expect(notice).toContainText(
    /^Another cluster answered at the address of sandbox at \d\d:\d\d:\d\d UTC/,
    { timeout: 60_000 },
  );
  times.identityNoticeMs = Date.now() - replacedAt;
  // Every row's pod is one the new cluster has (the old cluster's pods were dropped).
  const serverPods = async () => {
    const response = await request.get(`${sandboxUrl}/api/v1/pods`);
    return new Set(
      ((await response.json()) as { items: Array<{ metadata: { name: string } }> }).items.map(
        (p) => p.metadata.name,
      ),
    );
  };
  await expect
    .poll(
      async () => {
        const board = (await (await request.get('/api/board')).json()) as {
          rows: Array<{ pod: string }>;
        };
        const pods = await serverPods();
        return board.rows.length > 0 && board.rows.every((r) => pods.has(r.pod));
      },
      { timeout: 45_000 },
    )
    .toBe(true);
  times.identityRelistMs = Date.now() - replacedAt;
  await screenshot(page, 'fault-identity-kiosk');
  // Another page says it too.
  const other = await page.context().newPage();
  await other.goto('/import');
  await expect(other.getByTestId('cluster-identity-notice')).toContainText(
    'Another cluster answered at the address of sandbox',
  );
  await screenshot(other, 'fault-identity-import');
  await other.close();
});
