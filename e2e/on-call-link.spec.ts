// Journey: on-call from a chat link, on a phone. Each anti-primer scenario's pod page shows its
// cause first, with no horizontal scroll, and the link preview names the pod and its state.
import { expect, test } from '@playwright/test';
import { expectNoHorizontalScroll, podUrl, scenarioPod, screenshot } from './helpers';

test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

const scenarios: Array<{ namespace: string; shows: RegExp; where: 'cause' | 'page' }> = [
  { namespace: 'rollback-hides-cause', shows: /AUTH_JWKS_URL/, where: 'cause' },
  {
    namespace: 'delete-resets-backoff',
    shows: /back-off reset|reset.*back-off|back-off.*(started over|reset)/i,
    where: 'page',
  },
  { namespace: 'stale-image-new-config', shows: /digest/i, where: 'page' },
  { namespace: 'oom-no-limit', shows: /OOM/i, where: 'cause' },
];

for (const s of scenarios) {
  test(`shows the cause of ${s.namespace} on a phone`, async ({ page, request }) => {
    const row = await scenarioPod(request, s.namespace);
    await page.goto(podUrl(s.namespace, row.pod));
    const cause = page.getByTestId('cause');
    await expect(cause).toBeVisible();
    // The cause block comes before the timeline and the log.
    const causeTop = (await cause.boundingBox())!.y;
    const timelineTop = (await page.getByTestId('vertical-timeline').boundingBox())!.y;
    expect(causeTop).toBeLessThan(timelineTop);
    if (s.where === 'cause') await expect(cause).toContainText(s.shows);
    else await expect(page.locator('main')).toContainText(s.shows);
    await expectNoHorizontalScroll(page);
    await expect(page).toHaveTitle(new RegExp(`${row.pod} — .+ · \\d+ restarts`));
    await screenshot(page, `pod-phone-${s.namespace}`);
  });
}

test('the OOM scenario shows the missing memory limit beside the kill', async ({
  page,
  request,
}) => {
  const row = await scenarioPod(request, 'oom-no-limit');
  await page.goto(podUrl('oom-no-limit', row.pod));
  await expect(page.getByTestId('memory-fact')).toContainText('no limit');
  await expect(page.getByTestId('memory-fact')).toContainText(/OOM kill/);
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
});
