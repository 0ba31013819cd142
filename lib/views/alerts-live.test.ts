// An open pod page redraws when an alert about its pod arrives: the live hub of the pod hears of
// every Alertmanager delivery (receiveAlerts) and pushes the pod view again, with the alert in it.
// The sandbox stands still (speed 0), so no watch event can push the view instead.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startSandboxCluster,
  waitFor,
  type SandboxCluster,
} from '@/lib/k8s/test-support/sandbox-cluster';
import { parseWebhookPayload } from '@/lib/alerts';
import {
  createRuntime,
  getBoardView,
  receiveAlerts,
  stopRuntime,
  subscribeLive,
  type LiveMessage,
  type Runtime,
} from '.';

const NS = 'oom-no-limit';
let env: SandboxCluster;
let runtime: Runtime;
let dataDir: string;

beforeAll(async () => {
  env = await startSandboxCluster({ scenarios: [NS], speed: 0 });
  dataDir = mkdtempSync(path.join(tmpdir(), 'podtrail-alerts-live-'));
  runtime = createRuntime({ clusters: [env.cluster], dataDir, databaseUrl: '' });
});
afterAll(async () => {
  await stopRuntime(runtime);
  await env.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

/** lib/alerts' KubePodCrashLooping delivery, about `pod` of `namespace`. */
function delivery(namespace: string, pod: string, startsAt: string) {
  const file = path.join(__dirname, '../alerts/fixtures/kube-pod-crash-looping.firing.json');
  const body = JSON.parse(readFileSync(file, 'utf8'));
  body.alerts[0].labels.namespace = namespace;
  body.alerts[0].labels.pod = pod;
  body.alerts[0].startsAt = startsAt;
  const parsed = parseWebhookPayload(body);
  if ('error' in parsed) throw new Error(parsed.error);
  return parsed.payload;
}

const alertsOf = (message: LiveMessage | undefined) =>
  message?.type === 'pod' ? (message.data.alerts ?? []) : undefined;

describe('live pod view and alerts', () => {
  it('pushes the pod view again, alert included, when an alert about the pod arrives', async () => {
    const pod = (await getBoardView({ namespace: NS }, runtime)).rows[0]!.pod;
    const messages: LiveMessage[] = [];
    const stop = subscribeLive(
      { type: 'pod', cluster: 'sandbox', namespace: NS, pod },
      (m) => messages.push(m),
      runtime,
    );
    try {
      await waitFor(() => messages.length > 0, 20_000, 'the first pod view');
      expect(alertsOf(messages.at(-1))).toEqual([]);
      const before = messages.length;
      // One about another namespace's pod (not this view's), then one about this pod.
      await receiveAlerts(delivery('healthy', 'web-0', '2026-11-30T01:00:00Z'), runtime);
      await receiveAlerts(delivery(NS, pod, '2026-11-30T01:12:05Z'), runtime);
      await waitFor(() => (alertsOf(messages.at(-1)) ?? []).length > 0, 20_000, 'a pushed view');
      expect(messages.length).toBeGreaterThan(before);
      expect(
        alertsOf(messages.at(-1))!.map((a) => [
          a.alertname,
          a.pod,
          new Date(a.startsAt).toISOString(),
        ]),
      ).toEqual([['KubePodCrashLooping', pod, '2026-11-30T01:12:05.000Z']]);
    } finally {
      stop();
    }
  }, 90_000);
});
