// Journey: a timeline people can trust in an incident. For every scenario's pods the run numbers
// the page and the API give are the cluster's (unique, no phantom "not observed" blocks), a pod's
// timeline holds only its own runs and the pods it replaced, the crash's cause and the trap of
// deleting pods are two lines everywhere, and unknown objects answer a real 404.
import { expect, test, type APIRequestContext } from '@playwright/test';
import {
  control,
  expectNoHorizontalScroll,
  podUrl,
  sandboxUrl,
  scenarioPod,
  screenshot,
} from './helpers';

const SCENARIOS = [
  'rollback-hides-cause',
  'delete-resets-backoff',
  'stale-image-new-config',
  'oom-no-limit',
  'healthy',
  'liveness-slow-start',
  'image-tag-missing',
  'missing-config-key',
  'exits-zero',
];

interface Run {
  id: string;
  podUid?: string;
  restartCount?: number;
  state: string;
}
interface Container {
  name: string;
  restartCount: number;
  runs: Run[];
  unobserved: Array<{ count: number }>;
  gaps: Array<{ reset?: string }>;
}
interface PodJson {
  diagnosis: {
    pod: { uid?: string; name: string; restarts: number; status: string };
    containers: Container[];
    findings: Array<{ id: string; category: string; title: string }>;
  };
}
interface SandboxPod {
  metadata: { name: string; uid: string };
  status?: { containerStatuses?: Array<{ name: string; restartCount: number }> };
}

/** The pods of a namespace as the cluster (the sandbox's API server) has them. */
async function clusterPods(request: APIRequestContext, ns: string): Promise<SandboxPod[]> {
  const response = await request.get(`${sandboxUrl}/api/v1/namespaces/${ns}/pods`);
  expect(response.ok()).toBeTruthy();
  return ((await response.json()) as { items: SandboxPod[] }).items;
}

async function podJson(request: APIRequestContext, ns: string, pod: string): Promise<PodJson> {
  const response = await request.get(`/api/clusters/sandbox/namespaces/${ns}/pods/${pod}`);
  expect(response.ok(), `${ns}/${pod}`).toBeTruthy();
  return (await response.json()) as PodJson;
}

test.describe('run numbering', () => {
  test.use({ viewport: { width: 1440, height: 900 } });

  test('every scenario pod numbers its runs as the cluster does, once each', async ({
    request,
  }) => {
    test.setTimeout(120_000);
    let checked = 0;
    for (const ns of SCENARIOS) {
      for (const pod of await clusterPods(request, ns)) {
        const view = await podJson(request, ns, pod.metadata.name);
        expect(view.diagnosis.pod.uid).toBe(pod.metadata.uid);
        for (const c of view.diagnosis.containers) {
          const truth = pod.status?.containerStatuses?.find((s) => s.name === c.name);
          const where = `${ns}/${pod.metadata.name}/${c.name}`;
          // The count is the cluster's (a crash may land between the two reads: at most one more).
          expect(c.restartCount - (truth?.restartCount ?? 0), where).toBeGreaterThanOrEqual(0);
          expect(c.restartCount - (truth?.restartCount ?? 0), where).toBeLessThanOrEqual(1);
          const own = c.runs.filter((r) => r.podUid === pod.metadata.uid);
          const numbers = own.map((r) => r.restartCount);
          expect(new Set(numbers).size, `${where} run numbers ${numbers.join(',')}`).toBe(
            numbers.length,
          );
          // Every restart is either a run shown or counted as not observed — never both, never twice.
          const ended = own.filter(
            (r) => r.state === 'terminated' && r.restartCount! < c.restartCount,
          );
          const unobserved = c.unobserved.reduce((n, u) => n + u.count, 0);
          expect(ended.length + unobserved, `${where} runs + not observed`).toBe(c.restartCount);
          // Other pods' runs on this timeline are only those of pods it replaced, labelled by pod.
          for (const r of c.runs.filter((x) => x.podUid !== pod.metadata.uid)) {
            expect(r.id, where).toMatch(/@[0-9a-f-]{8}#/);
          }
          checked += 1;
        }
      }
    }
    expect(checked).toBeGreaterThan(12);
  });

  test('a replica’s timeline holds no sibling’s crashes and claims no back-off reset', async ({
    page,
    request,
  }) => {
    const pods = await clusterPods(request, 'healthy');
    const web = pods.filter((p) => p.metadata.name.startsWith('web-'));
    expect(web.length).toBeGreaterThan(1);
    const [crashed, sibling] = web as [SandboxPod, SandboxPod];
    await control(request, 'crash', { namespace: 'healthy', pod: crashed.metadata.name });
    await expect
      .poll(
        async () =>
          (await podJson(request, 'healthy', crashed.metadata.name)).diagnosis.pod.restarts,
      )
      .toBeGreaterThan(0);
    const view = await podJson(request, 'healthy', sibling.metadata.name);
    for (const c of view.diagnosis.containers) {
      expect(c.runs.every((r) => r.podUid === sibling.metadata.uid)).toBe(true);
      expect(c.gaps.filter((g) => g.reset)).toEqual([]);
    }
    expect(view.diagnosis.findings.map((f) => f.category)).not.toContain('backoff-reset');
    await page.goto(podUrl('healthy', sibling.metadata.name));
    await expect(page.getByTestId('pod-status')).toBeVisible();
    // No reset mark on the timeline or in the run list (the legend names the mark, nothing else).
    await expect(page.getByTestId('backoff-reset')).toHaveCount(0);
    await expect(
      page.getByTestId('timeline-svg').locator('text', { hasText: 'back-off reset' }),
    ).toHaveCount(0);
    await expect(page.getByText(/Pod deleted \d+×/)).toHaveCount(0);
  });
});

test.describe('cause and trap', () => {
  test.use({ viewport: { width: 1440, height: 900 } });

  test('delete-resets-backoff shows the migration error and the deletions as two lines everywhere', async ({
    page,
    request,
  }) => {
    test.setTimeout(150_000);
    const ns = 'delete-resets-backoff';
    const before = await scenarioPod(request, ns);
    await control(request, 'delete-pod', { namespace: ns, pod: before.pod });
    let row = before;
    await expect
      .poll(
        async () => {
          row = await scenarioPod(request, ns);
          return row.pod !== before.pod && row.restarts > 0;
        },
        { timeout: 120_000, intervals: [2_000] },
      )
      .toBe(true);
    const view = await podJson(request, ns, row.pod);
    // Restarts across the replaced pods: more than this pod's own.
    expect(row.restarts).toBeGreaterThan(view.diagnosis.pod.restarts);

    await page.goto(podUrl(ns, row.pod));
    await expect(page.getByTestId('cause-title')).toContainText('migration 0042');
    const trap = page.getByTestId('cause-trap');
    await expect(trap).toContainText(/Pod deleted \d+×.*back-off reset/);
    // The page counts what the board counts (a crash may land between the two reads).
    const across = Number(
      /restarts across pods: (\d+)/.exec((await trap.textContent()) ?? '')?.[1],
    );
    expect(across - row.restarts).toBeGreaterThanOrEqual(0);
    expect(across - row.restarts).toBeLessThanOrEqual(1);
    await expectNoHorizontalScroll(page);
    await screenshot(page, 'pod-1440-delete-resets-backoff');

    await page.goto(`/?namespace=${ns}`);
    await expect(page.getByTestId('board-cause').first()).toContainText('migration 0042');
    await expect(page.getByTestId('board-trap').first()).toContainText(/back-off reset/);
    const boardRestarts = Number(
      /(\d+)↻/.exec((await page.getByTestId('board-restarts').first().textContent()) ?? '')?.[1],
    );
    expect(boardRestarts - across).toBeGreaterThanOrEqual(0);
    expect(boardRestarts - across).toBeLessThanOrEqual(1);
    await screenshot(page, 'board-1440-delete-resets-backoff');

    await page.goto(`/c/sandbox/ns/${ns}/deployment/queue-worker`);
    await expect(page.getByTestId('cause-title')).toContainText('migration 0042');
    await expect(page.getByTestId('cause-trap')).toContainText(/back-off reset/);
    await expectNoHorizontalScroll(page);
    await screenshot(page, 'workload-1440-delete-resets-backoff');
  });

  test('the workload page shows crash-looping pods as kubectl does and a plain title', async ({
    page,
    request,
  }) => {
    const ns = 'rollback-hides-cause';
    const row = await scenarioPod(request, ns);
    const truth = (await clusterPods(request, ns)).find((p) => p.metadata.name === row.pod)!;
    expect(truth).toBeDefined();
    await page.goto(`/c/sandbox/ns/${ns}/deployment/auth`);
    const podRow = page.locator('tr', { hasText: row.pod }).first();
    await expect(podRow).toContainText(/CrashLoopBackOff|Error|OOMKilled/);
    await expect(podRow).not.toContainText('Running');
    expect(await page.title()).not.toContain('`');
    await page.goto(podUrl(ns, row.pod));
    expect(await page.title()).not.toContain('`');
  });
});

test.describe('missing objects', () => {
  test('an unknown pod or workload answers HTTP 404 naming it', async ({ request }) => {
    const pod = await request.get('/c/sandbox/ns/healthy/pods/no-such-pod-x1');
    expect(pod.status()).toBe(404);
    expect(await pod.text()).toContain('no-such-pod-x1');
    const workload = await request.get('/c/sandbox/ns/healthy/deployment/no-such-deploy');
    expect(workload.status()).toBe(404);
    expect(await workload.text()).toContain('no-such-deploy');
  });
});
