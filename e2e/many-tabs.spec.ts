// Journey: an on-call person with a board and a handful of pod pages open in one browser. A
// browser allows 6 HTTP/1.1 connections per host, so one stream per tab would leave the 7th tab
// without data; the tabs share one live connection instead. Twelve tabs in one browser context all
// load, all stay live, and a crash forced through the sandbox shows on every one of them.
import { expect, test, type Page } from '@playwright/test';
import { control, podUrl, sandboxUrl, screenshot } from './helpers';

const ns = 'healthy';

interface PodJson {
  metadata: { name: string };
  status?: { phase?: string };
}

/** Running pods of the healthy namespace, straight from the cluster. */
async function runningPods(request: import('@playwright/test').APIRequestContext) {
  const response = await request.get(`${sandboxUrl}/api/v1/namespaces/${ns}/pods`);
  expect(response.ok()).toBeTruthy();
  const list = (await response.json()) as { items: PodJson[] };
  return list.items.filter((p) => p.status?.phase === 'Running').map((p) => p.metadata.name);
}

/** What a tab shows of restarts in the healthy namespace (board rows or the pod's header). */
function restartsShown(page: Page): Promise<number> {
  return page.evaluate(() => {
    const rows = [...document.querySelectorAll('[data-row*="/healthy/"]')];
    if (rows.length > 0)
      return rows.reduce((n, r) => n + Number(r.getAttribute('data-restarts')), 0);
    const status = document.querySelector('[data-testid="pod-status"]')?.textContent ?? '';
    return Number(/(\d+) restarts?/.exec(status)?.[1] ?? -1);
  });
}

test('twelve tabs in one browser share one live connection and all show a crash', async ({
  context,
  request,
}) => {
  test.setTimeout(180_000);
  const pods = (await runningPods(request)).slice(0, 7);
  expect(pods.length).toBeGreaterThanOrEqual(6);
  const boards = ['/?kiosk=1', '/?kiosk=1&namespace=healthy', '/?kiosk=1&severity=info'];
  const urls = [...boards, ...pods.map((p) => podUrl(ns, p))];
  while (urls.length < 12) urls.push(`${boards[urls.length % boards.length]}&tab=${urls.length}`);

  // Count the event streams the browser has open at once, across all tabs.
  let open = 0;
  let mostOpen = 0;
  const isStream = (r: { url(): string }) => r.url().includes('/api/stream');
  context.on('request', (r) => {
    if (!isStream(r)) return;
    mostOpen = Math.max(mostOpen, (open += 1));
  });
  const closed = (r: { url(): string }) => {
    if (isStream(r)) open -= 1;
  };
  context.on('requestfinished', closed);
  context.on('requestfailed', closed);
  const pages: Page[] = [];
  for (const url of urls) {
    const page = await context.newPage();
    await page.goto(url);
    pages.push(page);
  }
  // Every tab loaded and is live (the board says so on its root; a pod page has no stale banner).
  for (const page of pages) {
    if (page.url().includes('/pods/')) {
      await expect(page.getByTestId('pod-status')).toBeVisible();
    } else {
      await expect(page.getByTestId('kiosk')).toHaveAttribute('data-connection', 'live');
    }
  }
  // One stream for the whole browser (two for a moment while it switches to follow a new tab's
  // scope too), never one per tab.
  await expect.poll(() => open).toBe(1);
  expect(mostOpen).toBeLessThanOrEqual(2);

  // Crash every pod shown on a pod page: each tab must show a higher restart count.
  const before = await Promise.all(pages.map(restartsShown));
  for (const pod of pods) await control(request, 'crash', { namespace: ns, pod });
  for (const [i, page] of pages.entries()) {
    await expect
      .poll(() => restartsShown(page), { timeout: 30_000, message: `tab ${i + 1} ${urls[i]}` })
      .toBeGreaterThan(before[i]!);
  }
  await screenshot(pages[11]!, 'many-tabs-twelfth');
  await screenshot(pages[0]!, 'many-tabs-first');
});
