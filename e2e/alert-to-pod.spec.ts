// Journey: from the alert to the pod. A real Alertmanager (contract/alertmanager, built into
// .peers/bin or PODTRAIL_PEERS_DIR) gets a KubePodCrashLooping alert with kube-prometheus' labels
// on its API, delivers it to Podtrail's webhook, fires and resolves; the pod page open at that
// moment draws the alert without a reload; the on-call person follows the /go link the alert
// template builds and lands on the pod page, which draws the alert on the container's timeline
// with the times Alertmanager was told.
import { expect, test } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cluster, expectAccessible, podUrl, scenarioPod, screenshot } from './helpers';

test.use({ viewport: { width: 1280, height: 1000 } });
test.describe.configure({ mode: 'serial' });

const port = Number(process.env.E2E_PORT ?? 3107);
// port+1 is the sandbox, port+2 and port+3 the real-server dashboard and its info server.
const alertmanagerPort = port + 5;
const alertmanagerUrl = `http://127.0.0.1:${alertmanagerPort}`;
const binary = path.resolve(process.env.PODTRAIL_PEERS_DIR ?? '.peers/bin', 'alertmanager');
const NS = 'oom-no-limit';
const CONTAINER = 'report-builder';

let alertmanager: ChildProcess | undefined;
let dir = '';
let output = '';

test.beforeAll(async () => {
  expect(existsSync(binary), `${binary}: run scripts/build-peers.sh alertmanager`).toBe(true);
  dir = mkdtempSync(path.join(os.tmpdir(), 'podtrail-alertmanager-'));
  writeFileSync(
    path.join(dir, 'alertmanager.yml'),
    `route:
  receiver: podtrail
  group_by: [alertname, namespace, pod]
  group_wait: 1s
  group_interval: 1s
  repeat_interval: 1h
receivers:
  - name: podtrail
    webhook_configs:
      - url: http://127.0.0.1:${port}/api/alerts
        send_resolved: true
`,
  );
  alertmanager = spawn(
    binary,
    [
      `--config.file=${path.join(dir, 'alertmanager.yml')}`,
      `--storage.path=${path.join(dir, 'data')}`,
      `--web.listen-address=127.0.0.1:${alertmanagerPort}`,
      '--cluster.listen-address=',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  alertmanager.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  alertmanager.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  await expect
    .poll(async () => (await fetch(`${alertmanagerUrl}/-/ready`).catch(() => undefined))?.status, {
      message: `Alertmanager ready (${output.slice(-500)})`,
      timeout: 30_000,
    })
    .toBe(200);
});

test.afterAll(async () => {
  // Alertmanager writes its snapshot on SIGTERM: remove its directory after it has exited.
  const am = alertmanager;
  if (am && am.exitCode === null && am.signalCode === null) {
    const exited = new Promise((resolve) => am.once('exit', resolve));
    am.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
    am.kill('SIGKILL');
  }
  if (dir) rmSync(dir, { recursive: true, force: true, maxRetries: 5 });
});

/** 01:12:05 UTC, as every Podtrail screen writes a time. */
function clock(ms: number): string {
  return `${new Date(ms).toISOString().slice(11, 19)} UTC`;
}

async function postAlert(labels: Record<string, string>, startsAt: number, endsAt?: number) {
  const response = await fetch(`${alertmanagerUrl}/api/v2/alerts`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify([
      {
        labels,
        annotations: {
          summary: 'Pod is crash looping.',
          description: `Pod ${labels.namespace}/${labels.pod} (${labels.container}) is in waiting state (reason: "CrashLoopBackOff").`,
        },
        startsAt: new Date(startsAt).toISOString(),
        ...(endsAt ? { endsAt: new Date(endsAt).toISOString() } : {}),
        generatorURL: 'http://prometheus-k8s-0:9090/graph',
      },
    ]),
  });
  expect(response.status, await response.text()).toBe(200);
}

test('an alert delivered by Alertmanager is on the pod timeline, one click from the alert', async ({
  page,
  request,
}) => {
  const { pod } = await scenarioPod(request, NS);
  // kube-prometheus' KubePodCrashLooping labels (kube-state-metrics' series, honorLabels).
  const labels = {
    alertname: 'KubePodCrashLooping',
    namespace: NS,
    pod,
    container: CONTAINER,
    job: 'kube-state-metrics',
    reason: 'CrashLoopBackOff',
    severity: 'warning',
    uid: 'e2e',
  };
  // The pod page is open when the alert comes: it redraws with the mark, without a reload.
  await page.goto(`${podUrl(NS, pod)}?container=${CONTAINER}`);
  const mark = page.getByTestId('timeline-svg').locator('[data-alert="KubePodCrashLooping"]');
  await expect(page.getByTestId('timeline-svg')).toBeVisible();
  await expect(mark).toHaveCount(0);
  await page.evaluate(() => ((window as { notReloaded?: boolean }).notReloaded = true));
  const firedAt = Math.floor((Date.now() - 6 * 60_000) / 1000) * 1000;
  await postAlert(labels, firedAt);
  await expect(mark, `the open page draws the delivered alert (${output.slice(-300)})`).toHaveCount(
    1,
    { timeout: 30_000 },
  );
  await expect(page.getByTestId('alert-list')).toContainText(
    `alert KubePodCrashLooping fired ${clock(firedAt)}, still firing`,
  );
  expect(await page.evaluate(() => (window as { notReloaded?: boolean }).notReloaded)).toBe(true);
  await screenshot(page, 'alert-arrives-on-open-pod-page');

  type PodJson = {
    alerts?: Array<{ alertname: string; status: string; startsAt: number; endsAt?: number }>;
  };
  const alertsOnPage = async () =>
    (
      (await (
        await request.get(`/api/clusters/${cluster}/namespaces/${NS}/pods/${pod}`)
      ).json()) as PodJson
    ).alerts ?? [];
  await expect
    .poll(
      async () => (await alertsOnPage()).map((a) => `${a.alertname} ${a.status} ${a.startsAt}`),
      {
        message: `Alertmanager delivers the firing alert (${output.slice(-300)})`,
        timeout: 30_000,
      },
    )
    .toEqual([`KubePodCrashLooping firing ${firedAt}`]);

  // Resolved: Alertmanager is told the alert ended, and sends the resolved notification.
  const resolvedAt = Math.floor((Date.now() - 60_000) / 1000) * 1000;
  await postAlert(labels, firedAt, resolvedAt);
  await expect
    .poll(async () => (await alertsOnPage()).map((a) => `${a.status} ${a.endsAt}`), {
      message: 'Alertmanager delivers the resolved alert',
      timeout: 30_000,
    })
    .toEqual([`resolved ${resolvedAt}`]);

  // The link an alert template builds from the labels (README "From an alert").
  const link = `/go?namespace=${encodeURIComponent(NS)}&pod=${encodeURIComponent(pod)}&container=${CONTAINER}`;
  await page.goto(link);
  await expect(page).toHaveURL(`${podUrl(NS, pod)}?container=${CONTAINER}`);
  const words = `alert KubePodCrashLooping fired ${clock(firedAt)}, resolved ${clock(resolvedAt)}`;
  await expect(page.getByTestId('alert-list')).toContainText(words);
  await expect(mark).toHaveCount(1);
  await expect(mark.locator('title')).toHaveText(`${words} — Pod is crash looping.`);
  // The span starts where the axis puts the fire time: left of the runs that ended after it.
  const box = (await mark.locator('rect').boundingBox())!;
  expect(box.width).toBeGreaterThan(10);
  await page.getByTestId('timeline-svg').scrollIntoViewIfNeeded();
  await screenshot(page, 'alert-on-pod-timeline');
  await expectAccessible(page);

  // The report says the same, with absolute times.
  await page.goto(`${podUrl(NS, pod)}/report`);
  await expect(page.getByTestId('report-timeline')).toContainText(
    'alert KubePodCrashLooping fired',
  );
  await expect(page.getByTestId('report-timeline')).toContainText(
    'alert KubePodCrashLooping resolved',
  );
});

test('a link to a pod nobody knows answers 404 with what history knows', async ({ page }) => {
  const response = await page.goto(`/go?namespace=${NS}&pod=report-builder-0000000000-zzzzz`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Not found — here is the history',
  );
  await expect(
    page.getByText(`Pod ${NS}/report-builder-0000000000-zzzzz was not found`),
  ).toBeVisible();
});
