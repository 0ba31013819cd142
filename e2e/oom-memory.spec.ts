// Journey: an OOM-killed pod's page shows memory usage over time against its ceiling, with the
// kills marked, and the node's memory pressure and memory events with their times — the same
// numbers the cluster (the sandbox's API server and its metrics.k8s.io) gives. The cause title
// of a long log line is whole.
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { podUrl, sandboxUrl, scenarioPod, screenshot } from './helpers';

type Any = any;

async function sandbox(request: APIRequestContext, apiPath: string): Promise<Any> {
  const res = await request.get(sandboxUrl + apiPath);
  expect(res.ok(), apiPath).toBeTruthy();
  return res.json();
}

async function podJson(request: APIRequestContext, ns: string, pod: string): Promise<Any> {
  const res = await request.get(`/api/clusters/sandbox/namespaces/${ns}/pods/${pod}`);
  expect(res.ok()).toBeTruthy();
  return res.json();
}

const bytes = (q: string) => {
  const m = /^(\d+)(Ki|Mi|Gi)?$/.exec(q);
  const unit = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30 } as Record<string, number>;
  return m ? Number(m[1]) * (m[2] ? (unit[m[2]] ?? 1) : 1) : NaN;
};

test('the sandbox reports memory below every limit (reaching it is an OOM kill)', async ({
  request,
}) => {
  const metrics = await sandbox(request, '/apis/metrics.k8s.io/v1beta1/pods');
  const pods = await sandbox(request, '/api/v1/pods');
  let compared = 0;
  for (const m of metrics.items) {
    const pod = pods.items.find(
      (p: Any) =>
        p.metadata.name === m.metadata.name && p.metadata.namespace === m.metadata.namespace,
    );
    for (const c of m.containers) {
      const limit = pod?.spec.containers.find((s: Any) => s.name === c.name)?.resources?.limits
        ?.memory;
      if (!limit) continue;
      expect(bytes(c.usage.memory), `${m.metadata.name}/${c.name}`).toBeLessThan(bytes(limit));
      compared += 1;
    }
  }
  expect(compared).toBeGreaterThan(3);
});

async function openOomPod(page: Page, request: APIRequestContext) {
  const row = await scenarioPod(request, 'oom-no-limit');
  // Samples arrive every 5 s in the journeys (PODTRAIL_MEMORY_SAMPLE_MS): wait for three.
  let pod: Any;
  await expect
    .poll(
      async () => {
        pod = await podJson(request, 'oom-no-limit', row.pod);
        return pod.diagnosis.containers[0].memory.samples?.length ?? 0;
      },
      { timeout: 45_000 },
    )
    .toBeGreaterThanOrEqual(3);
  await page.goto(podUrl('oom-no-limit', row.pod));
  return { row, pod };
}

test('an OOM-killed pod shows memory over time against the node, its kills and the node’s memory pressure', async ({
  page,
  request,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const { row, pod } = await openOomPod(page, request);
  const c = pod.diagnosis.containers[0];
  const panel = page.getByTestId('memory-over-time');
  await expect(panel).toBeVisible();
  const chart = panel.locator('[data-testid="memory-chart"]:visible');
  await expect(chart).toHaveCount(1);
  // Every recorded sample of the last hour is a point; every OOM kill of the hour a mark at its time.
  const generatedAt = pod.diagnosis.generatedAt as number;
  const recent = (c.memory.samples as Any[]).filter((s) => s.at >= generatedAt - 3600_000);
  expect(await chart.locator('circle').count()).toBeGreaterThanOrEqual(recent.length);
  // The incident goes on while we look: the page and the API are read again until a kill between
  // the two reads has reached both.
  await expect
    .poll(
      async () => {
        await page.reload();
        const marks = await panel
          .locator('[data-testid="memory-chart"]:visible')
          .getByTestId('oom-kill-mark')
          .evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-at'))));
        const now = (await podJson(request, 'oom-no-limit', row.pod)).diagnosis;
        const kills = (now.containers[0].runs as Any[])
          .filter((r) => r.reason === 'OOMKilled' && r.finishedAt >= now.generatedAt - 3600_000)
          .map((r) => r.finishedAt as number);
        return kills.length > 0 && JSON.stringify(marks) === JSON.stringify(kills)
          ? 'equal'
          : `marks ${marks.join(',')} vs kills ${kills.join(',')}`;
      },
      { timeout: 45_000 },
    )
    .toBe('equal');
  // No limit: the ceiling is the node's allocatable memory, as the node object says.
  const node = await sandbox(request, `/api/v1/nodes/${pod.diagnosis.pod.nodeName}`);
  const allocatable = bytes(node.status.allocatable.memory);
  expect(pod.diagnosis.node.allocatableBytes).toBe(allocatable);
  await expect(chart.getByTestId('memory-ceiling')).toContainText('no limit — node allocatable');
  for (const s of recent) expect(s.bytes).toBeLessThan(allocatable);
  // Usage is the sandbox's metrics.k8s.io working set: a whole number of KiB, as it reports it.
  for (const s of recent) expect(s.bytes % 1024).toBe(0);

  // The node: MemoryPressure as the node reports it, and its memory events, each with its time.
  const pressure = node.status.conditions.find((x: Any) => x.type === 'MemoryPressure');
  const nodePanel = page.getByTestId('node-memory');
  await expect(nodePanel.getByTestId('memory-pressure')).toHaveAttribute(
    'data-status',
    pressure.status,
  );
  await expect(nodePanel).toContainText(`MemoryPressure ${pressure.status}`);
  const events = await sandbox(
    request,
    `/api/v1/events?fieldSelector=involvedObject.kind=Node,involvedObject.name=${node.metadata.name}`,
  );
  const oomEvents = events.items.filter((e: Any) => /^(SystemOOM|OOMKilling)$/.test(e.reason));
  expect(oomEvents.length).toBeGreaterThan(0);
  const listed = nodePanel.getByTestId('node-memory-events').locator('li time');
  const shown = Math.min(6, pod.diagnosis.node.events.length);
  await expect(listed).toHaveCount(shown);
  expect(pod.diagnosis.node.events.length).toBeGreaterThanOrEqual(oomEvents.length);
  await screenshot(page, 'oom-memory-1440');
  await page.setViewportSize({ width: 1920, height: 1080 });
  await screenshot(page, 'oom-memory-1920');
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(panel.locator('[data-testid="memory-chart"]:visible')).toHaveCount(1);
  await screenshot(page, 'oom-memory-390');
});

test('a long log-line cause title is whole: two lines at most on a desktop, all of it on a phone', async ({
  page,
  request,
}) => {
  const row = await scenarioPod(request, 'delete-resets-backoff');
  const whole =
    'migration 0042_add_retry_count_to_jobs failed: column "retry_count" of relation "jobs" already exists';
  for (const [width, maxLines] of [
    [1440, 2],
    [1920, 2],
    [390, 99],
  ] as const) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(podUrl('delete-resets-backoff', row.pod));
    const title = page.getByTestId('cause-title');
    await expect(title).toContainText(whole);
    const box = await title.evaluate((el) => {
      const style = getComputedStyle(el.parentElement!);
      return {
        height: el.getBoundingClientRect().height,
        line: parseFloat(style.lineHeight),
        clipped: el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1,
      };
    });
    expect(box.clipped).toBe(false);
    expect(Math.round(box.height / box.line)).toBeLessThanOrEqual(maxLines);
    await screenshot(page, `cause-title-${width}`);
  }
});
