// Journey: on-call from a chat link, on a phone. Each anti-primer scenario's pod page shows its
// cause first, with no horizontal scroll, and the link preview names the pod and its state.
import { expect, test, type Page } from '@playwright/test';
import {
  control,
  expectAccessible,
  expectNoHorizontalScroll,
  podUrl,
  sandboxUrl,
  scenarioPod,
  screenshot,
} from './helpers';

test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

async function openPod(page: Page, namespace: string, pod: string) {
  await page.goto(podUrl(namespace, pod));
  const cause = page.getByTestId('cause');
  await expect(cause).toBeVisible();
  // The cause block comes before the timeline and the log.
  const causeTop = (await cause.boundingBox())!.y;
  const timelineTop = (await page.getByTestId('vertical-timeline').boundingBox())!.y;
  expect(causeTop).toBeLessThan(timelineTop);
  await expect(page).toHaveTitle(new RegExp(`${pod} — .+ · \\d+ restarts`));
  return cause;
}

test('shows the missing env var of rollback-hides-cause on a phone', async ({ page, request }) => {
  const row = await scenarioPod(request, 'rollback-hides-cause');
  const cause = await openPod(page, 'rollback-hides-cause', row.pod);
  await expect(cause).toContainText('AUTH_JWKS_URL');
  await expect(page.locator('[data-decisive="true"]').first()).toContainText('AUTH_JWKS_URL');
  await expectNoHorizontalScroll(page);
  await expectAccessible(page);
  await screenshot(page, 'pod-phone-rollback-hides-cause');
});

test('shows the OOM kill without a limit of oom-no-limit on a phone', async ({ page, request }) => {
  const row = await scenarioPod(request, 'oom-no-limit');
  const cause = await openPod(page, 'oom-no-limit', row.pod);
  await expect(cause).toContainText(/OOM/);
  await expect(page.getByTestId('memory-fact')).toContainText('no limit');
  await expect(page.getByTestId('memory-fact')).toContainText(/OOM kill/);
  await expectNoHorizontalScroll(page);
  await screenshot(page, 'pod-phone-oom-no-limit');
});

test('shows the new config on an old image of stale-image-new-config on a phone', async ({
  page,
  request,
}) => {
  const row = await scenarioPod(request, 'stale-image-new-config');
  const cause = await openPod(page, 'stale-image-new-config', row.pod);
  // The cause is the image that was never rebuilt, citing the rejected key and the digest.
  await expect(cause).toHaveAttribute('data-finding', 'config-newer-than-image');
  await expect(cause).toContainText('settlement.batchWindow');
  await expect(cause).toContainText('sha256:');
  // ...and names the other digest of the same tag that a pod on another node runs.
  const finding = page.locator('[data-finding="config-newer-than-image"]').last();
  await expect(finding).toContainText(/other digests of/);
  await expect(page.getByTestId('image-fact')).toContainText('sha256:');
  await expectNoHorizontalScroll(page);
  await screenshot(page, 'pod-phone-stale-image-new-config');
});

test('shows the back-off reset after the pod of delete-resets-backoff is deleted', async ({
  page,
  request,
}) => {
  test.setTimeout(150_000);
  const before = await scenarioPod(request, 'delete-resets-backoff');
  // The anti-primer's footgun #2: delete the crash-looping pod to "unstick" it.
  await control(request, 'delete-pod', { namespace: 'delete-resets-backoff', pod: before.pod });
  let replacement = '';
  await expect
    .poll(
      async () => {
        const row = await scenarioPod(request, 'delete-resets-backoff');
        replacement = row.pod;
        return row.pod !== before.pod && row.restarts >= 1;
      },
      { timeout: 120_000, intervals: [2_000] },
    )
    .toBe(true);
  await openPod(page, 'delete-resets-backoff', replacement);
  await expect(page.getByTestId('backoff-reset').first()).toContainText(
    'back-off reset: pod replaced',
  );
  await expect(page.locator('[data-finding^="backoff-reset"]').first()).toBeVisible();
  await expectNoHorizontalScroll(page);
  await screenshot(page, 'pod-phone-delete-resets-backoff');
});

test('the pod page on a desktop draws the timeline as a time axis', async ({ page, request }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  const row = await scenarioPod(request, 'rollback-hides-cause');
  await page.goto(podUrl('rollback-hides-cause', row.pod));
  await expect(page.getByTestId('timeline-svg')).toBeVisible();
  // The decisive log line is highlighted, and the cause links to it.
  await expect(page.locator('[data-decisive="true"]').first()).toContainText('AUTH_JWKS_URL');
  await screenshot(page, 'pod-desktop-rollback-hides-cause');
  const workloadLink = page.getByRole('link', { name: /Deployment/ }).first();
  await workloadLink.click();
  await expect(page.getByTestId('revisions')).toBeVisible();
  await screenshot(page, 'workload-desktop-rollback-hides-cause');
  await page.setViewportSize({ width: 390, height: 844 });
  await expectNoHorizontalScroll(page);
  await screenshot(page, 'workload-phone-rollback-hides-cause');
});

test('the pod page follows the pod live: a new crash shows without a reload', async ({
  page,
  request,
}) => {
  const workload = await request.get(
    '/api/clusters/sandbox/namespaces/healthy/workloads/deployment/web',
  );
  expect(workload.ok()).toBeTruthy();
  const { pods } = (await workload.json()) as { pods: Array<{ name: string; deletedAt?: number }> };
  const pod = pods.find((p) => !p.deletedAt)!.name;
  await page.goto(podUrl('healthy', pod));
  const status = page.getByTestId('pod-status');
  const restarts = async () =>
    Number(/(\d+) restart/.exec((await status.textContent()) ?? '')?.[1]);
  const before = await restarts();
  // The tab's title says what kubectl says of the pod (the API server's table: STATUS and
  // RESTARTS), and keeps saying it as the pod changes.
  const apiTitle = async () => {
    const response = await request.get(`${sandboxUrl}/api/v1/namespaces/healthy/pods/${pod}`, {
      headers: { Accept: 'application/json;as=Table;v=v1;g=meta.k8s.io' },
    });
    const table = (await response.json()) as {
      columnDefinitions: Array<{ name: string }>;
      rows: Array<{ cells: Array<string | number> }>;
    };
    const cell = (name: string) =>
      String(table.rows[0]!.cells[table.columnDefinitions.findIndex((c) => c.name === name)]);
    const count = Number(/^\d+/.exec(cell('Restarts'))![0]);
    return { title: `${pod} — ${cell('Status')} · ${count} restarts · Podtrail`, count };
  };
  const titleMatches = async (atLeast: number) => {
    const api = await apiTitle();
    return api.count >= atLeast && (await page.title()) === api.title;
  };
  await expect.poll(() => titleMatches(before), { timeout: 15_000 }).toBe(true);
  expect(await page.title()).toContain(' — Running · ');
  await page.evaluate(() => Object.assign(window, { __podtrailMark: true }));
  await control(request, 'crash', { namespace: 'healthy', pod });
  await expect.poll(restarts, { timeout: 30_000 }).toBeGreaterThan(before);
  await expect.poll(() => titleMatches(before + 1), { timeout: 30_000 }).toBe(true);
  expect(
    await page.evaluate(() => (window as unknown as { __podtrailMark?: boolean }).__podtrailMark),
  ).toBe(true);
});
