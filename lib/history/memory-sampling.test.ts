// The recorder's memory rounds against the sandbox's metrics.k8s.io, over HTTP with client-node:
// what one round asks of the API server (counted by /sandbox/stats) and what it keeps. The rounds
// run with or without viewers, so they are part of what Podtrail asks of a cluster at rest.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseQuantity } from '../diagnosis';
import { K8sAccess, systemScheduler, type ClusterConnection, type Scheduler } from '../k8s';
import {
  startSandboxCluster,
  waitFor,
  type SandboxCluster,
} from '../k8s/test-support/sandbox-cluster';
import { Recorder, migrate, openSqlStore, type SqlStore } from './index';
import { isCrashLooping } from './memory-samples';

// Each scenario is a namespace with a crash-looping pod; `healthy` has none.
const crashLooping = [
  'rollback-hides-cause',
  'stale-image-new-config',
  'oom-no-limit',
  'liveness-slow-start',
  'exits-zero',
  'delete-resets-backoff',
];

/** The real clock; timers are kept and never fire, so no round, probe or relist runs by itself. */
const heldTimers: Scheduler = {
  now: systemScheduler.now,
  setTimeout: () => ({ id: Symbol('held') }),
  clearTimeout: () => undefined,
};

interface PodMetricsList {
  items: Array<{
    metadata: { name: string; namespace: string };
    containers: Array<{ name: string; usage: { memory: string } }>;
  }>;
}

let env: SandboxCluster;
let store: SqlStore;
let dataDir: string;

beforeAll(async () => {
  // Virtual time stands still (speed 0): the metrics and the crash-looping pods stay as they are.
  env = await startSandboxCluster({ scenarios: [...crashLooping, 'healthy'], speed: 0 });
  dataDir = mkdtempSync(path.join(tmpdir(), 'podtrail-memory-'));
  store = await openSqlStore({ dataDir });
  await migrate(store);
}, 120_000);

afterAll(async () => {
  await store?.close();
  await env?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

/** Starts a recorder on `cluster` and waits until the caches it holds have listed. */
async function startRecorder(cluster: ClusterConnection) {
  const access = new K8sAccess({ clusters: [cluster], scheduler: heldTimers });
  const recorder = new Recorder({ access, store, cluster: 'sandbox', memorySampleMs: 0 });
  await recorder.start();
  const held = (['pods', 'events', 'replicasets'] as const).map((resource) =>
    access.caches.acquire({ cluster: 'sandbox', resource }),
  );
  const synced = () => held.every((lease) => lease.cache.health().state === 'synced');
  await waitFor(synced, 10_000, 'the recorder’s caches synced');
  await recorder.flush();
  const pods = access.caches.acquire({ cluster: 'sandbox', resource: 'pods' });
  for (const lease of held) lease.release();
  return {
    pods,
    /** One memory round; the PodMetrics lists it made. */
    async round(): Promise<number> {
      const before = env.sandbox.stats().requests.list;
      await recorder.sampleMemory();
      await recorder.flush();
      return env.sandbox.stats().requests.list - before;
    },
    async stop() {
      pods.release();
      await recorder.stop();
      access.stop();
    },
  };
}

/** What the cluster's metrics.k8s.io says a namespace's pods use, bytes per pod/container. */
async function clusterUsage(namespace: string): Promise<Map<string, number>> {
  const list = await env.cluster.transport.getJson<PodMetricsList>(
    `/apis/metrics.k8s.io/v1beta1/namespaces/${namespace}/pods`,
  );
  return new Map(
    list.items.flatMap((m) =>
      m.containers.map((c) => [
        `${m.metadata.name}/${c.name}`,
        Math.ceil(parseQuantity(c.usage.memory) ?? NaN),
      ]),
    ),
  );
}

async function storedSamples() {
  const rows = await store.query<{ pod_uid: string; container: string; usage_bytes: number }>(
    'SELECT pod_uid, container, usage_bytes FROM memory_samples',
  );
  await store.query('DELETE FROM memory_samples');
  return rows;
}

describe('memory sampling', () => {
  it('reads every namespace with a crash-looping pod in one PodMetrics list a round', async () => {
    const recorder = await startRecorder(env.cluster);
    try {
      expect(await recorder.round()).toBe(1);
      expect(await recorder.round()).toBe(1);
      // Every container of every crash-looping pod metrics.k8s.io has a sample of, in all six
      // namespaces, with the cluster's own figure (a pod waiting in back-off has none).
      const expected: string[] = [];
      for (const pod of recorder.pods.cache.list()) {
        if (!isCrashLooping(pod, Date.now())) continue;
        const usage = await clusterUsage(pod.metadata.namespace ?? '');
        for (const [key, bytes] of usage)
          if (key.startsWith(`${pod.metadata.name}/`))
            expected.push(`${pod.metadata.uid}/${key.split('/')[1]}=${bytes}`);
      }
      const rows = await storedSamples();
      const stored = rows.map((r) => `${r.pod_uid}/${r.container}=${Number(r.usage_bytes)}`);
      expect(stored.sort()).toEqual(expected.sort());
      expect(expected.length).toBeGreaterThan(0);
    } finally {
      await recorder.stop();
    }
  }, 60_000);

  it('lists namespace by namespace while a cluster-wide list is forbidden, not asking again', async () => {
    const recorder = await startRecorder(env.cluster);
    // A namespace without crash-loopers turns forbidden: every cluster-wide list answers 403.
    env.sandbox.control.forbid('healthy');
    try {
      expect(await recorder.round()).toBeGreaterThanOrEqual(crashLooping.length);
      expect(await recorder.round()).toBe(crashLooping.length);
      expect((await storedSamples()).length).toBeGreaterThan(0);
    } finally {
      env.sandbox.control.allow('healthy');
      await recorder.stop();
    }
  }, 60_000);

  it('lists namespace by namespace where it may read only its own namespaces', async () => {
    const scoped = { ...env.cluster, namespaces: [...crashLooping, 'healthy'] };
    const recorder = await startRecorder(scoped);
    try {
      expect(await recorder.round()).toBe(crashLooping.length);
      expect((await storedSamples()).length).toBeGreaterThan(0);
    } finally {
      await recorder.stop();
    }
  }, 60_000);
});
