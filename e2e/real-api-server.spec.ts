// Journey: Podtrail against a real kube-apiserver 1.37 (the simulator plays the scenarios onto it;
// logs come through the API server's pods/log proxy from the simulated kubelets). The board and a
// pod page show the cause, the timeline and the previous log, and their numbers are the API
// server's numbers.
import { expect, test, type APIRequestContext } from '@playwright/test';
import { scenarioPod, screenshot } from './helpers';

const info = process.env.E2E_REAL_INFO_URL ?? 'http://127.0.0.1:3110';

type Any = any;

async function apiServer(request: APIRequestContext, apiPath: string): Promise<Any> {
  const res = await request.get(info + apiPath);
  expect(res.ok(), `${apiPath}: ${await res.text()}`).toBeTruthy();
  return res.json();
}

test('board and pod page of oom-no-limit show the API server’s restarts and exit code', async ({
  page,
  request,
}) => {
  const row = await scenarioPod(request, 'oom-no-limit');
  const pod = await apiServer(request, `/api/v1/namespaces/oom-no-limit/pods/${row.pod}`);
  const status = pod.status.containerStatuses[0];
  // The board's number is the API server's (polled: the incident goes on while we look).
  await expect
    .poll(async () => {
      const again = await scenarioPod(request, 'oom-no-limit');
      const now = await apiServer(request, `/api/v1/namespaces/oom-no-limit/pods/${again.pod}`);
      return again.restarts === now.status.containerStatuses[0].restartCount;
    })
    .toBe(true);

  await page.goto('/?namespace=oom-no-limit');
  await expect(page.getByText(row.pod).first()).toBeVisible();

  await page.goto(`/c/real/ns/oom-no-limit/pods/${row.pod}`);
  const cause = page.getByTestId('cause');
  await expect(cause).toBeVisible();
  await expect(cause).toContainText(/OOM/);
  await expect(page).toHaveTitle(new RegExp(`${row.pod} — .+ · ${status.restartCount} restarts`));
  expect(status.lastState.terminated).toMatchObject({ exitCode: 137, reason: 'OOMKilled' });
  await expect(page.getByTestId('vertical-timeline')).toContainText('137');
  // A real kube-apiserver without metrics-server does not serve metrics.k8s.io: the page says so
  // where the usage over time would be, and still lists the OOM kills it knows.
  const discovery = await request.get(`${info}/apis/metrics.k8s.io/v1beta1`);
  expect(discovery.status()).toBe(404);
  const memory = page.getByTestId('memory-over-time');
  await expect(memory.getByTestId('metrics-absent')).toHaveText(
    /^metrics\.k8s\.io not served by this cluster/,
  );
  await expect(memory.getByTestId('memory-chart')).toHaveCount(0);
  await expect(page.getByTestId('memory-fact')).toContainText(
    'usage: metrics.k8s.io not served by this cluster',
  );
  await screenshot(page, 'real-pod-oom-no-limit');
});

test('the pod page of rollback-hides-cause shows the previous log the API server proxies', async ({
  page,
  request,
}) => {
  const row = await scenarioPod(request, 'rollback-hides-cause');
  const pod = await apiServer(request, `/api/v1/namespaces/rollback-hides-cause/pods/${row.pod}`);
  const container = pod.spec.containers[0].name;
  const res = await request.get(
    `${info}/api/v1/namespaces/rollback-hides-cause/pods/${row.pod}/log?previous=true&container=${container}`,
  );
  expect(res.ok()).toBeTruthy();
  const previous = await res.text();
  expect(previous).toContain('missing required env AUTH_JWKS_URL');

  await page.goto(`/c/real/ns/rollback-hides-cause/pods/${row.pod}`);
  await expect(page.getByTestId('cause')).toContainText('AUTH_JWKS_URL');
  const decisive = page.locator('[data-decisive="true"]').first();
  await expect(decisive).toContainText('AUTH_JWKS_URL');
  // The decisive line (after its line-number gutter) is a line of the API server's answer.
  const line = (await decisive.innerText())
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .at(-1)!;
  expect(line).toContain('missing required env AUTH_JWKS_URL');
  expect(previous.split('\n').map((l) => l.trim())).toContain(line);
  await screenshot(page, 'real-pod-rollback-hides-cause');
});

test('the board, read with only the chart’s ServiceAccount token, has every crash-looping scenario at the API server’s restarts', async ({
  page,
  request,
}) => {
  // scripts/e2e-real-server.ts applies deploy/manifests/podtrail.yaml and gives the dashboard a
  // TokenRequest token of system:serviceaccount:podtrail:podtrail: get/list/watch, nothing else.
  const crashLooping = ['oom-no-limit', 'rollback-hides-cause', 'delete-resets-backoff'];
  for (const namespace of crashLooping) {
    await expect
      .poll(async () => {
        const row = await scenarioPod(request, namespace);
        const pod = await apiServer(request, `/api/v1/namespaces/${namespace}/pods/${row.pod}`);
        // The pod's own count: the row's headline also counts the pods delete-resets-backoff's
        // deletions replaced.
        const restarts = (pod.status.containerStatuses as Any[]).reduce(
          (sum: number, s: Any) => sum + (s.restartCount as number),
          0,
        );
        return row.podRestarts === restarts && restarts > 0;
      })
      .toBe(true);
  }
  const health = await (await request.get('/api/health')).json();
  expect(health).toMatchObject({
    ok: true,
    clusters: [{ name: 'real', state: 'synced' }],
    recording: [{ cluster: 'real', role: 'recording' }],
  });
  await page.goto('/');
  for (const namespace of crashLooping) {
    // The workload link reads "namespace / name" (the namespace filter's options are hidden).
    await expect(page.getByRole('link', { name: `${namespace} /` }).first()).toBeVisible();
  }
  await screenshot(page, 'real-board-service-account');
});
