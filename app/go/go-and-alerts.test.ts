// /go and POST /api/alerts against the sandbox with a real history store (PGlite): the alert is
// stored once however often it is delivered, shows on the pod's view, and /go lands on the pod,
// on its Deployment once the pod is gone, or on a 404 that says what history knows.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandboxCluster, type SandboxCluster } from '@/lib/k8s/test-support/sandbox-cluster';
import {
  createRuntime,
  getBoardView,
  getPodView,
  setRuntime,
  startRecorders,
  stopRuntime,
  type Runtime,
} from '@/lib/views';
import { POST as postAlerts } from '../api/alerts/route';
import { GET as go } from './route';

const NS = 'oom-no-limit';
// A KubePodCrashLooping delivery as Alertmanager sends it (read as data: lib/alerts' fixture).
const firing = JSON.parse(
  readFileSync(
    path.join(__dirname, '../../lib/alerts/fixtures/kube-pod-crash-looping.firing.json'),
    'utf8',
  ),
) as {
  status: string;
  alerts: Array<{ status: string; labels: Record<string, string>; endsAt: string }>;
};
let env: SandboxCluster;
let runtime: Runtime;
let dataDir: string;
let pod: string;
beforeAll(async () => {
  env = await startSandboxCluster({ scenarios: [NS] });
  dataDir = mkdtempSync(path.join(tmpdir(), 'podtrail-go-'));
  runtime = createRuntime({ clusters: [env.cluster], dataDir, databaseUrl: '' });
  setRuntime(runtime);
  await startRecorders(runtime);
  pod = (await getBoardView({ namespace: NS }, runtime)).rows[0]!.pod;
});
afterAll(async () => {
  setRuntime(undefined);
  await stopRuntime(runtime);
  await env.stop();
  rmSync(dataDir, { recursive: true, force: true });
  delete process.env.PODTRAIL_ALERTS_TOKEN;
});

function delivery(overrides: { pod?: string; status?: 'firing' | 'resolved' } = {}) {
  const body = structuredClone(firing);
  const alert = body.alerts[0]!;
  alert.labels.pod = overrides.pod ?? pod;
  alert.labels.container = 'report-builder';
  if (overrides.status === 'resolved') {
    body.status = alert.status = 'resolved';
    alert.endsAt = '2026-11-30T01:40:00Z';
  }
  return body;
}

const post = (body: unknown, headers: Record<string, string> = {}) =>
  postAlerts(
    new Request('http://127.0.0.1/api/alerts', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    }),
  );

const goTo = (query: string, accept = 'text/html') =>
  go(new Request(`http://t/go?${query}`, { headers: { accept } }));

describe('POST /api/alerts', () => {
  it('stores a delivery once however often it is sent, and the pod view carries it', async () => {
    for (let i = 0; i < 3; i++) {
      const response = await post(delivery());
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ received: 1, firing: 1, resolved: 0 });
    }
    await post(delivery({ status: 'resolved' }));
    const view = await getPodView({ cluster: 'sandbox', namespace: NS, name: pod }, runtime);
    expect(view.alerts).toEqual([
      expect.objectContaining({
        alertname: 'KubePodCrashLooping',
        status: 'resolved',
        container: 'report-builder',
        startsAt: Date.parse('2026-11-30T01:12:05Z'),
        endsAt: Date.parse('2026-11-30T01:40:00Z'),
      }),
    ]);
  });

  it('answers 400 naming the bad field, and 400 for a body that is not JSON', async () => {
    const bad = await post({ ...delivery(), version: '2' });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toBe(
      'Invalid Alertmanager payload at version: only webhook payload version "4" is understood',
    );
    const notJson = await post('alertname=KubePodCrashLooping');
    expect(notJson.status).toBe(400);
    expect((await notJson.json()).error).toMatch(/not JSON/);
  });

  it('answers 401 without the receiver token when PODTRAIL_ALERTS_TOKEN is set', async () => {
    process.env.PODTRAIL_ALERTS_TOKEN = 'receiver-token-1';
    try {
      const refused = await post(delivery());
      expect(refused.status).toBe(401);
      expect(refused.headers.get('www-authenticate')).toMatch(/^Bearer/);
      const wrong = await post(delivery(), { authorization: 'Bearer receiver-token-2' });
      expect(wrong.status).toBe(401);
      const ok = await post(delivery(), { authorization: 'Bearer receiver-token-1' });
      expect(ok.status).toBe(200);
    } finally {
      delete process.env.PODTRAIL_ALERTS_TOKEN;
    }
  });
});

describe('GET /go', () => {
  it('redirects to the pod page and its container while the pod exists', async () => {
    const response = await goTo(
      `cluster=sandbox&namespace=${NS}&pod=${pod}&container=report-builder`,
    );
    expect(response.status).toBe(307);
    expect(response.headers.get('location')).toBe(
      `/c/sandbox/ns/${NS}/pods/${pod}?container=report-builder`,
    );
  });

  it('finds the pod without a cluster label when one cluster is configured', async () => {
    const response = await goTo(`namespace=${NS}&pod=${pod}`);
    expect(response.headers.get('location')).toBe(`/c/sandbox/ns/${NS}/pods/${pod}`);
  });

  it('answers 404 with what history knows when neither pod nor workload exists', async () => {
    const response = await goTo(`namespace=${NS}&pod=report-builder-0000000000-gone0`);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await response.text();
    expect(html).toContain('Not found — here is the history');
    expect(html).toContain(
      `Pod ${NS}/report-builder-0000000000-gone0 was not found: it is in none of the clusters Podtrail reads (sandbox).`,
    );
    const json = await goTo(`cluster=elsewhere&namespace=${NS}&pod=${pod}`, 'application/json');
    expect(json.status).toBe(404);
    expect((await json.json()).error).toBe(
      `Pod ${NS}/${pod} was not found: cluster "elsewhere" is not one Podtrail reads (known: sandbox).`,
    );
  });

  it('answers 400 when the link names neither a pod nor a workload', async () => {
    const response = await goTo(`namespace=${NS}`, 'application/json');
    expect(response.status).toBe(400);
    expect((await response.json()).error).toMatch(/needs namespace and pod/);
  });

  it('leads to the Deployment once the pod is deleted, from the owner history recorded', async () => {
    await runtime.recorders[0]!.flush();
    env.sandbox.control.deletePod(NS, pod);
    env.sandbox.control.advance(31_000);
    let response = await goTo(`namespace=${NS}&pod=${pod}`);
    for (let i = 0; i < 100 && response.headers.get('location')?.includes('/pods/'); i++) {
      await new Promise((r) => setTimeout(r, 50));
      response = await goTo(`namespace=${NS}&pod=${pod}`);
    }
    expect(response.status).toBe(307);
    expect(response.headers.get('location')).toBe(`/c/sandbox/ns/${NS}/deployment/report-builder`);
  });

  it('leads to the workload a workload label names', async () => {
    const response = await goTo(`namespace=${NS}&deployment=report-builder`);
    expect(response.headers.get('location')).toBe(`/c/sandbox/ns/${NS}/deployment/report-builder`);
  });
});
