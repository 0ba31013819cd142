// Journey: the war-room wall screen. The kiosk board is dark, large, one line per workload, and
// updates in place (no reload) when a scenario pod crashes; a lost connection is shown loudly.
import { expect, test } from '@playwright/test';
import { control, expectAccessible, screenshot } from './helpers';

test.use({ viewport: { width: 1920, height: 1080 } });

test('the kiosk board updates in place when a scenario pod crashes', async ({ page, request }) => {
  await page.goto('/?kiosk=1');
  const kiosk = page.getByTestId('kiosk');
  await expect(kiosk).toBeVisible();
  await expect(kiosk).toHaveAttribute('data-connection', 'live');
  const first = page.locator('[data-row]').first();
  await expect(first).toBeVisible();
  // Type readable across the room.
  const fontSize = await first.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(fontSize).toBeGreaterThanOrEqual(28);
  await screenshot(page, 'kiosk-board');
  await expectAccessible(page);

  // Mark the document: if the page reloaded, the mark would be gone.
  await page.evaluate(() => Object.assign(window, { __podtrailMark: true }));
  // …and if rows were re-created instead of updated, the first row's node would be detached.
  const firstRow = await first.elementHandle();
  // Restarts shown for the `healthy` namespace (its pods run, so a crash lands at once).
  const healthyRestarts = () =>
    page
      .locator('[data-row*="/healthy/"]')
      .evaluateAll((rows) => rows.reduce((n, r) => n + Number(r.getAttribute('data-restarts')), 0));
  const before = await healthyRestarts();
  await control(request, 'crash', { namespace: 'healthy' });
  await expect.poll(healthyRestarts, { timeout: 30_000 }).toBeGreaterThan(before);
  expect(await firstRow!.evaluate((el) => el.isConnected)).toBe(true);
  expect(
    await page.evaluate(() => (window as unknown as { __podtrailMark?: boolean }).__podtrailMark),
  ).toBe(true);
  await expect(page.getByTestId('updated-ago')).toContainText('updated');
});

test('the kiosk board shows a loud stale banner when the stream is lost', async ({ page }) => {
  // Keep a handle on the page's EventSource so the test can cut it like a dropped network would.
  await page.addInitScript(() => {
    const Original = window.EventSource;
    const sources: EventSource[] = [];
    class Tracked extends Original {
      constructor(url: string | URL, init?: EventSourceInit) {
        super(url, init);
        sources.push(this);
      }
    }
    Object.assign(window, { EventSource: Tracked, __podtrailSources: sources });
  });
  await page.goto('/?kiosk=1');
  await expect(page.getByTestId('kiosk')).toHaveAttribute('data-connection', 'live');
  await page.route('**/api/**', (route) => route.abort());
  await page.evaluate(() => {
    for (const s of (window as unknown as { __podtrailSources: EventSource[] }).__podtrailSources) {
      s.close();
      s.dispatchEvent(new Event('error'));
    }
  });
  const banner = page.getByTestId('stale-banner');
  await expect(banner).toBeVisible({ timeout: 40_000 });
  await expect(banner).toContainText(
    /Connection to Podtrail lost \d+ (s|min) ago — data may be stale/,
  );
  await screenshot(page, 'kiosk-board-stale');
});

test('the desk board lists unhealthy workloads worst first with filters in the URL', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/?severity=critical');
  await expect(page.getByRole('heading', { name: 'Unhealthy pods and workloads' })).toBeVisible();
  await expect(page.getByLabel('Severity (at least)')).toHaveValue('critical');
  const table = page.getByTestId('board-table');
  await expect(table).toBeVisible();
  await expect(table.locator('tbody tr').first()).toContainText('CRITICAL', { ignoreCase: true });
  await screenshot(page, 'board-desktop');
  await expectAccessible(page);
  await page.setViewportSize({ width: 390, height: 844 });
  await screenshot(page, 'board-phone');
});
