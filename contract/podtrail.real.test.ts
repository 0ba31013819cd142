/**
 * Podtrail's own integration tests against the real control plane (kube-apiserver 1.37 with the
 * simulator playing every scenario): the watch cache, one watch for many viewers, the history
 * recorder reading previous logs through the API server's pods/log proxy, and 403 degradation
 * under real RBAC.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { PodLike } from '../lib/diagnosis';
import { HistoryReader, migrate, openSqlStore, Recorder } from '../lib/history';
import {
  CacheRegistry,
  K8sAccess,
  loadClusters,
  resources,
  WatchCache,
  type ClusterConnection,
} from '../lib/k8s';
import { waitFor } from '../lib/k8s/test-support/sandbox-cluster';
import { rawRequest, realEnv } from './real-env';

const env = realEnv();
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function connect(kubeconfig: string): ClusterConnection {
  const [cluster] = loadClusters({ kubeconfig });
  if (!cluster) throw new Error(`${kubeconfig} has no context`);
  return cluster;
}

const admin = (method: string, apiPath: string, body?: unknown) =>
  rawRequest(env.url + apiPath, { method, body, token: env.adminToken, ca: env.caCert });

/** Open long-running requests the API server counts (its own metric), by resource and scope. */
async function openWatches(resource: string, scope: string): Promise<number> {
  const res = await admin('GET', '/metrics');
  let n = 0;
  for (const line of res.text.split('\n')) {
    if (!line.startsWith('apiserver_longrunning_requests{')) continue;
    if (
      line.includes(`resource="${resource}"`) &&
      line.includes(`scope="${scope}"`) &&
      line.includes('verb="WATCH"')
    )
      n += Number(line.split(' ').at(-1));
  }
  return n;
}

async function control(verb: string, params: Record<string, string>) {
  const res = await rawRequest(
    `${env.controlUrl}/sandbox/control/${verb}?${new URLSearchParams(params)}`,
    { method: 'POST' },
  );
  await rawRequest(`${env.controlUrl}/sandbox/control/synced`, { method: 'POST' });
  return res.json();
}

describe('Podtrail against a real kube-apiserver', () => {
  it('the watch cache lists every pod in pages, syncs, and sees a crash as that pod’s MODIFIED', async () => {
    const cluster = connect(env.kubeconfig);
    const cache = new WatchCache({
      transport: cluster.transport,
      cluster: cluster.name,
      resource: resources.pods,
      random: () => 0,
      listNamespaces: async () => env.scenarios,
      pageSize: 5,
    });
    const events: { type: string; name?: string }[] = [];
    cache.subscribe((e) =>
      events.push({ type: e.type, name: 'object' in e ? e.object.metadata?.name : undefined }),
    );
    cache.start();
    try {
      await cache.whenSynced();
      await waitFor(() => cache.health().state === 'synced', 10_000, 'synced');
      // The same pods as the API server lists (other test files change pods meanwhile: compare
      // until both have seen the same moment).
      const apiNames = async () =>
        ((await admin('GET', '/api/v1/pods')).json().items as PodLike[])
          .map((p) => p.metadata?.name)
          .sort();
      const cacheNames = () =>
        cache
          .list()
          .map((p) => p.metadata?.name)
          .sort();
      let names = await apiNames();
      for (let i = 0; i < 50 && JSON.stringify(cacheNames()) !== JSON.stringify(names); i++) {
        await new Promise((r) => setTimeout(r, 100));
        names = await apiNames();
      }
      expect(cacheNames()).toEqual(names);
      const before = events.length;
      // image-tag-missing's old ReplicaSet keeps two pods running, and no other test crashes them.
      const { crashed } = await control('crash', { namespace: 'image-tag-missing' });
      expect(crashed).toHaveLength(1);
      await waitFor(
        () => events.slice(before).some((e) => e.type === 'modified' && e.name === crashed[0]),
        10_000,
        'the crash',
      );
      // The kubelet restarts the container at once (a second status write): compare once the
      // cache has caught up with what the API server says.
      const restarts = async () => {
        const pod = cache.list().find((p) => p.metadata?.name === crashed[0]) as
          PodLike | undefined;
        const res = await admin('GET', `/api/v1/namespaces/image-tag-missing/pods/${crashed[0]}`);
        const real = res.status === 200 ? res.json() : undefined;
        return [
          pod?.status?.containerStatuses?.[0]?.restartCount,
          real?.status?.containerStatuses?.[0]?.restartCount as number | undefined,
        ];
      };
      let [cached, served] = await restarts();
      for (let i = 0; i < 50 && cached !== served; i++) {
        await new Promise((r) => setTimeout(r, 100));
        [cached, served] = await restarts();
      }
      // The cache says what the API server says about the crashed pod (gone from both, or the
      // same restart count).
      expect(cached).toBe(served);
    } finally {
      cache.stop();
    }
  });

  it('fifty viewers of the pods share one watch on the API server', async () => {
    const cluster = connect(env.kubeconfig);
    const before = await openWatches('pods', 'cluster');
    const registry = new CacheRegistry({ clusters: [cluster], graceMs: 0 });
    const leases = Array.from({ length: 50 }, () =>
      registry.acquire({ cluster: cluster.name, resource: 'pods' }),
    );
    expect(new Set(leases.map((l) => l.cache)).size).toBe(1);
    await leases[0]!.cache.whenSynced();
    await new Promise((r) => setTimeout(r, 500));
    expect((await openWatches('pods', 'cluster')) - before).toBe(1);
    for (const lease of leases) lease.release();
  });

  it('the recorder stores the previous log of every crashed container, read through pods/log', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'podtrail-real-history-'));
    dirs.push(dataDir);
    const cluster = connect(env.kubeconfig);
    const access = new K8sAccess({ clusters: [cluster], graceMs: 0 });
    const store = await openSqlStore({ dataDir, databaseUrl: '' });
    await migrate(store);
    const recorder = new Recorder({ access, store, cluster: cluster.name, heartbeatMs: 200 });
    await recorder.start();
    try {
      const lease = access.caches.acquire({ cluster: cluster.name, resource: 'pods' });
      await lease.cache.whenSynced();
      const previous = () =>
        (lease.cache.list() as unknown as PodLike[]).flatMap((p) =>
          (p.status?.containerStatuses ?? []).flatMap((s) =>
            s.lastState?.terminated?.containerID ? [s.lastState.terminated.containerID] : [],
          ),
        );
      await waitFor(() => previous().length > 4, 10_000, 'crashed pods');
      let heads = new Map<string, string | null>();
      for (let i = 0; i < 100; i++) {
        await recorder.flush();
        const rows = await store.query<{ container_id: string; log_head: string | null }>(
          'SELECT container_id, log_head FROM terminations',
        );
        heads = new Map(rows.map((r) => [r.container_id, r.log_head]));
        if (previous().every((id) => heads.get(id))) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      lease.release();
      expect(previous().filter((id) => !heads.get(id))).toEqual([]);
      expect(recorder.logHeadFailures).toBe(0);
      // What it stored is what the API server's pods/log proxy answers for --previous.
      const reader = new HistoryReader(store);
      const pods = (await admin('GET', '/api/v1/namespaces/delete-resets-backoff/pods')).json();
      const pod = pods.items.find((p: PodLike) =>
        p.status?.containerStatuses?.some((c) => c.lastState?.terminated),
      );
      const log = await admin(
        'GET',
        `/api/v1/namespaces/delete-resets-backoff/pods/${pod.metadata.name}/log?previous=true`,
      );
      const id = pod.status.containerStatuses[0].lastState.terminated.containerID as string;
      expect(log.status).toBe(200);
      expect(log.text.startsWith(heads.get(id)!.split('\n')[0]!)).toBe(true);
      expect(await reader.gaps(cluster.name, 0)).toEqual(expect.any(Array));
    } finally {
      await recorder.stop();
      access.stop();
      await store.close();
    }
  }, 120_000);

  it('under RBAC, a 403 on one namespace degrades that namespace only', async () => {
    // A read-only ClusterRole bound per namespace (RoleBindings), everywhere but oom-no-limit.
    const role = await admin('POST', '/apis/rbac.authorization.k8s.io/v1/clusterroles', {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRole',
      metadata: { name: 'podtrail-contract-reader' },
      rules: [
        {
          apiGroups: [''],
          resources: ['pods', 'pods/log', 'events'],
          verbs: ['get', 'list', 'watch'],
        },
      ],
    });
    expect([201, 409]).toContain(role.status);
    const allowed = env.scenarios.filter((ns) => ns !== 'oom-no-limit');
    for (const ns of allowed) {
      const rb = await admin(
        'POST',
        `/apis/rbac.authorization.k8s.io/v1/namespaces/${ns}/rolebindings`,
        {
          apiVersion: 'rbac.authorization.k8s.io/v1',
          kind: 'RoleBinding',
          metadata: { name: 'podtrail-contract-reader' },
          roleRef: {
            apiGroup: 'rbac.authorization.k8s.io',
            kind: 'ClusterRole',
            name: 'podtrail-contract-reader',
          },
          subjects: [
            { apiGroup: 'rbac.authorization.k8s.io', kind: 'User', name: 'podtrail-restricted' },
          ],
        },
      );
      expect([201, 409]).toContain(rb.status);
    }
    const cluster = connect(env.restrictedKubeconfig);
    const cache = new WatchCache({
      transport: cluster.transport,
      cluster: cluster.name,
      resource: resources.pods,
      random: () => 0,
      listNamespaces: async () => env.scenarios,
      namespaceRefreshMs: 200,
    });
    cache.start();
    try {
      await waitFor(
        () => cache.health().forbidden.length === 1 && cache.health().state === 'synced',
        15_000,
        'degraded',
      );
      expect(cache.health().forbidden[0]).toMatchObject({
        namespace: 'oom-no-limit',
        message: expect.stringContaining(
          'pods is forbidden: User "podtrail-restricted" cannot list resource "pods" in API group "" in the namespace "oom-no-limit"',
        ),
      });
      const namespaces = [...new Set(cache.list().map((p) => p.metadata?.namespace))].sort();
      expect(namespaces).toEqual([...allowed].sort());
    } finally {
      cache.stop();
    }
  });
});
