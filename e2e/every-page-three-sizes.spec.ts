// Journey: every page at desk (1440), phone (390) and wall (1920) widths — nothing scrolls
// sideways, the pod page's cause, evidence and one command fit a phone's first screen, and each
// page is kept as a screenshot to look at.
import { expect, test, type Page } from '@playwright/test';
import { expectNoHorizontalScroll, podUrl, scenarioPod, screenshot } from './helpers';

const SIZES = [
  { name: '1440', width: 1440, height: 900 },
  { name: '390', width: 390, height: 844 },
  { name: '1920', width: 1920, height: 1080 },
];

const POD_SCENARIOS = [
  'rollback-hides-cause',
  'delete-resets-backoff',
  'stale-image-new-config',
  'oom-no-limit',
  'image-tag-missing',
  'missing-config-key',
];

async function visit(page: Page, url: string, name: string) {
  const response = await page.goto(url);
  expect(response?.status(), url).toBe(200);
  await page.waitForLoadState('networkidle');
  await expectNoHorizontalScroll(page);
  await screenshot(page, name);
}

for (const size of SIZES) {
  test(`every page fits ${size.width} px without sideways scroll`, async ({ page, request }) => {
    test.setTimeout(180_000);
    await page.setViewportSize({ width: size.width, height: size.height });
    await visit(page, '/', `board-${size.name}`);
    await visit(page, '/?kiosk=1', `kiosk-${size.name}`);
    await visit(page, '/import', `import-${size.name}`);
    for (const ns of POD_SCENARIOS) {
      const row = await scenarioPod(request, ns);
      await visit(page, podUrl(ns, row.pod), `pod-${size.name}-${ns}`);
      await visit(page, `${podUrl(ns, row.pod)}/report`, `report-${size.name}-${ns}`);
      if (row.kind !== 'Pod') {
        const workload = `/c/sandbox/ns/${ns}/${row.kind.toLowerCase()}/${row.name}`;
        await visit(page, workload, `workload-${size.name}-${ns}`);
      }
    }
  });
}

test('a phone shows the cause, its evidence and one command on the first screen', async ({
  page,
  request,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  for (const ns of ['rollback-hides-cause', 'oom-no-limit', 'delete-resets-backoff']) {
    const row = await scenarioPod(request, ns);
    await page.goto(podUrl(ns, row.pod));
    const cause = page.getByTestId('cause');
    await expect(cause).toBeVisible();
    const title = await page.getByTestId('cause-title').boundingBox();
    const evidence = await cause.locator('dd').first().boundingBox();
    const command = await page.getByTestId('cause-command').boundingBox();
    for (const box of [title, evidence, command]) {
      expect(box, ns).not.toBeNull();
      expect(box!.y + box!.height, `${ns}: below the first screen`).toBeLessThanOrEqual(844);
    }
  }
});

test('the report links back to its pod and states no forecast', async ({ page, request }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const row = await scenarioPod(request, 'rollback-hides-cause');
  await page.goto(`${podUrl('rollback-hides-cause', row.pod)}/report`);
  await expect(page.getByTestId('report-summary')).toBeVisible();
  await expect(page.getByTestId('report')).not.toContainText(/next try/i);
  await expect(page.getByTestId('report').locator('svg text', { hasText: /^now$/ })).toHaveCount(0);
  await expectNoHorizontalScroll(page);
  await page.getByTestId('report-back').click();
  await expect(page).toHaveURL(new RegExp(`${podUrl('rollback-hides-cause', row.pod)}$`));
});
