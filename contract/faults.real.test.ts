/**
 * The API server's own faults against a real kube-apiserver 1.37 (issue 9): 403 on one namespace
 * and back through real RBAC, a watch answered "too old resource version" after an etcd
 * compaction, a hung server (SIGSTOP/SIGCONT of the kube-apiserver process), and another cluster
 * at the same address (a fresh etcd: new kube-system UID, lower resourceVersion). Each test
 * asserts what a person is shown (the cache's health, the contact state) and that every
 * container termination the API server reported reaches the cache.
 *
 * These faults stop, restart and replace the server, so this file runs its own control plane
 * (not the `real` project's shared one), and writes its pods and their terminations itself —
 * through the status subresource, as a kubelet does — so nothing else moves the resourceVersion.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  K8sAccess,
  loadClusters,
  resources,
  WatchCache,
  type ClusterConnection,
  type KubeObject,
} from '../lib/k8s';
import {
  ensureServiceAccount,
  RESTRICTED_USER,
  startRealApiServer,
  type RealApiServer,
} from './apiserver';

/** What these tests read of a pod. */
interface PodLike extends KubeObject {
  status?: {
    containerStatuses?: Array<{
      restartCount?: number;
      lastState?: { terminated?: { containerID?: string } };
    }>;
  };
}

const NAMESPACES = ['fault-a', 'fault-b'];
const RBAC = 'rbac.authorization.k8s.io';

let cp: RealApiServer;
let dir: string;
const cleanups: Array<() => Promise<void> | void> = [];

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'podtrail-faults-'));
  cp = await startRealApiServer({ kubeconfigPath: path.join(dir, 'admin') });
  await createPods();
}, 120_000);
beforeEach(() => {
  reported.length = 0;
});
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});
afterAll(async () => {
  await cp?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** Polls `check` (which may ask the server) until it holds, or fails naming `what`. */
async function until(
  check: () => boolean | Promise<boolean>,
  timeoutMs: number,
  what: string,
): Promise<void> {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function ok(method: string, apiPath: string, body?: unknown, contentType?: string) {
  const res = await cp.request(method, apiPath, body, { contentType });
  if (res.status >= 300) throw new Error(`${method} ${apiPath}: ${res.status} ${res.body}`);
  return res.json() as PodLike & { metadata: { resourceVersion: string; uid: string } };
}

/** One pod per namespace (on a node no kubelet runs: nothing else writes them). */
async function createPods(): Promise<void> {
  for (const ns of NAMESPACES) {
    await ok('POST', '/api/v1/namespaces', { metadata: { name: ns } });
    await ensureServiceAccount(cp.request, ns);
    await ok('POST', `/api/v1/namespaces/${ns}/pods`, {
      metadata: { name: 'worker', labels: { app: 'worker' } },
      spec: { nodeName: 'fault-node', containers: [{ name: 'app', image: 'example.com/app:1' }] },
    });
  }
}

/** Every termination this test wrote (container IDs), in order. */
const reported: string[] = [];

/**
 * What a kubelet writes when a container is OOM-killed and the pod backs off: restartCount + 1
 * and the last termination, through the status subresource. Returns its resourceVersion.
 */
async function terminate(ns: string): Promise<string> {
  const pod = await ok('GET', `/api/v1/namespaces/${ns}/pods/worker`);
  const restartCount = (pod.status?.containerStatuses?.[0]?.restartCount ?? 0) + 1;
  const containerID = `containerd://${randomBytes(32).toString('hex')}`;
  const now = new Date();
  const startedAt = new Date(now.getTime() - 5_000).toISOString().replace(/\.\d+Z$/, 'Z');
  const finishedAt = now.toISOString().replace(/\.\d+Z$/, 'Z');
  const patched = await ok(
    'PATCH',
    `/api/v1/namespaces/${ns}/pods/worker/status`,
    {
      status: {
        phase: 'Running',
        containerStatuses: [
          {
            name: 'app',
            image: 'example.com/app:1',
            imageID: '',
            ready: false,
            started: false,
            restartCount,
            state: { waiting: { reason: 'CrashLoopBackOff', message: 'back-off 10s' } },
            lastState: {
              terminated: {
                exitCode: 137,
                reason: 'OOMKilled',
                startedAt,
                finishedAt,
                containerID,
              },
            },
          },
        ],
      },
    },
    'application/merge-patch+json',
  );
  reported.push(containerID);
  return patched.metadata.resourceVersion;
}

/** Restart count and last termination of each pod, by namespace/name. */
function terminations(pods: PodLike[]): string {
  return JSON.stringify(
    pods
      .map((p) => {
        const s = p.status?.containerStatuses?.[0];
        return `${p.metadata?.namespace}/${p.metadata?.name} ${p.metadata?.uid} ${s?.restartCount ?? 0} ${s?.lastState?.terminated?.containerID ?? '-'}`;
      })
      .sort(),
  );
}

async function serverPods(): Promise<PodLike[]> {
  const pods: PodLike[] = [];
  for (const ns of NAMESPACES) {
    const res = await cp.request('GET', `/api/v1/namespaces/${ns}/pods`);
    if (res.status === 200) pods.push(...(res.json() as { items: PodLike[] }).items);
  }
  return pods;
}

/** Waits until the cache holds exactly the server's pods, restart counts and last terminations. */
async function untilCacheMatches(list: () => PodLike[]): Promise<void> {
  let server = '';
  for (let tries = 0; tries < 150; tries++) {
    server = terminations(await serverPods());
    if (terminations(list()) === server) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  expect(terminations(list())).toBe(server);
}

/** Every termination a cache has shown (listed or streamed), by container ID. */
function seenBy(cache: WatchCache<PodLike>): Set<string> {
  const seen = new Set<string>();
  const add = (pod: PodLike) => {
    const id = pod.status?.containerStatuses?.[0]?.lastState?.terminated?.containerID;
    if (id) seen.add(id);
  };
  cache.list().forEach(add);
  const unsubscribe = cache.subscribe((event) => {
    if ('object' in event) add(event.object);
  });
  cleanups.push(unsubscribe);
  return seen;
}

function connect(kubeconfig: string): ClusterConnection {
  const [cluster] = loadClusters({ kubeconfig });
  if (!cluster) throw new Error(`${kubeconfig} has no context`);
  return cluster;
}

function podCache(access: K8sAccess): WatchCache<PodLike> {
  const lease = access.caches.acquire({ cluster: access.clusters[0]!.name, resource: 'pods' });
  cleanups.push(() => lease.release());
  return lease.cache as unknown as WatchCache<PodLike>;
}

/** A metric of kube-apiserver's own /metrics, summed over the series matching every label. */
async function metric(name: string, labels: Record<string, string>): Promise<number> {
  const text = (await cp.request('GET', '/metrics')).body;
  let sum = 0;
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`)) continue;
    if (Object.entries(labels).every(([k, v]) => line.includes(`${k}="${v}"`)))
      sum += Number(line.split(' ').at(-1));
  }
  return sum;
}

const podWatches = (scope: 'cluster' | 'namespace') =>
  metric('apiserver_longrunning_requests', { resource: 'pods', scope, verb: 'WATCH' });

describe('a real kube-apiserver’s faults', () => {
  it('403 on one namespace through RBAC: "no access since T" there only, one watch per namespace, then one cluster-wide watch again', async () => {
    // The restricted user reads pods cluster-wide (a ClusterRoleBinding) and in each namespace
    // (RoleBindings, what is left when the cluster-wide grant goes).
    await ok('POST', `/apis/${RBAC}/v1/clusterroles`, {
      metadata: { name: 'podtrail-fault-reader' },
      rules: [{ apiGroups: [''], resources: ['pods'], verbs: ['get', 'list', 'watch'] }],
    });
    const roleRef = { apiGroup: RBAC, kind: 'ClusterRole', name: 'podtrail-fault-reader' };
    const subjects = [{ apiGroup: RBAC, kind: 'User', name: RESTRICTED_USER }];
    const clusterBinding = { metadata: { name: 'podtrail-fault-reader' }, roleRef, subjects };
    const binding = { metadata: { name: 'podtrail-fault-reader' }, roleRef, subjects };
    await ok('POST', `/apis/${RBAC}/v1/clusterrolebindings`, clusterBinding);
    for (const ns of NAMESPACES)
      await ok('POST', `/apis/${RBAC}/v1/namespaces/${ns}/rolebindings`, binding);

    // kube-apiserver watches pods itself (one cluster-wide watch): count on top of its own.
    const own = { cluster: await podWatches('cluster'), namespace: await podWatches('namespace') };
    const cluster = connect(cp.writeKubeconfig(path.join(dir, 'restricted'), cp.restrictedToken));
    const cache = new WatchCache<PodLike>({
      transport: cluster.transport,
      cluster: cluster.name,
      resource: resources.pods,
      listNamespaces: async () => NAMESPACES,
      namespaceRefreshMs: 1_000,
      random: () => 0,
    });
    cleanups.push(() => cache.stop());
    cache.start();
    await until(() => cache.health().state === 'synced', 15_000, 'first sync');
    const seen = seenBy(cache);
    await until(
      async () => (await podWatches('cluster')) === own.cluster + 1,
      10_000,
      'one cluster watch',
    );

    // Access to fault-a goes (the cluster-wide grant with it). A real API server authorises a
    // watch when it starts; running watches end at their timeout (5–10 min for Podtrail's) — a
    // restart of kube-apiserver ends them now.
    const revokedAt = Date.now();
    await ok('DELETE', `/apis/${RBAC}/v1/clusterrolebindings/podtrail-fault-reader`);
    await ok('DELETE', `/apis/${RBAC}/v1/namespaces/fault-a/rolebindings/podtrail-fault-reader`);
    await cp.restartApiServer();
    const restartedAt = Date.now();
    await until(
      () => cache.health().forbidden.length === 1 && cache.health().state === 'synced',
      30_000,
      'fault-a forbidden, the rest live',
    );
    const markedAfterMs = Date.now() - restartedAt;
    const [mark] = cache.health().forbidden;
    expect(mark).toMatchObject({
      namespace: 'fault-a',
      message: expect.stringContaining(
        `pods is forbidden: User "${RESTRICTED_USER}" cannot list resource "pods" in API group "" in the namespace "fault-a"`,
      ),
    });
    expect(mark!.since).toBeGreaterThanOrEqual(revokedAt);
    expect(mark!.message).not.toMatch(/127\.0\.0\.1|https?:/);
    // fault-a's pod is kept (marked by the forbidden entry), not dropped as if deleted.
    expect(
      cache
        .list()
        .map((p) => p.metadata?.namespace)
        .sort(),
    ).toEqual(NAMESPACES);
    await until(
      async () => (await podWatches('namespace')) === own.namespace + 1,
      10_000,
      'fault-b watched',
    );
    expect(await podWatches('cluster')).toBe(own.cluster);
    // fault-b stays live: its next termination reaches the cache.
    await terminate('fault-b');
    await until(() => seen.has(reported.at(-1)!), 10_000, 'fault-b termination');

    // Access comes back: one cluster-wide watch again, no per-namespace ones.
    await ok('POST', `/apis/${RBAC}/v1/namespaces/fault-a/rolebindings`, binding);
    await ok('POST', `/apis/${RBAC}/v1/clusterrolebindings`, clusterBinding);
    const restoredAt = Date.now();
    await until(() => cache.health().forbidden.length === 0, 30_000, 'access back');
    const backAfterMs = Date.now() - restoredAt;
    await until(
      async () =>
        (await podWatches('cluster')) === own.cluster + 1 &&
        (await podWatches('namespace')) === own.namespace,
      15_000,
      'one cluster-wide watch',
    );
    await terminate('fault-a');
    await untilCacheMatches(() => cache.list());
    expect(cache.health().state).toBe('synced');
    expect(reported.filter((id) => !seen.has(id))).toEqual([]);
    console.log(
      `real 403: marked ${markedAfterMs} ms after the restarted server was ready; back ${backAfterMs} ms after the bindings returned`,
    );
  }, 120_000);

  it('a watch answered "too old resource version" after an etcd compaction lists again', async () => {
    const access = new K8sAccess({ clusters: [connect(cp.kubeconfigPath!)] });
    cleanups.push(() => access.stop());
    const cache = podCache(access);
    await until(() => cache.health().state === 'synced', 15_000, 'first sync');
    const seen = seenBy(cache);
    const rv = await terminate('fault-a');
    await until(() => seen.has(reported.at(-1)!), 10_000, 'the termination');

    // History moves on (writes the pod watch does not see), etcd forgets it, and the API
    // server restarts: Podtrail's watch resumes from a resourceVersion that is gone.
    for (let i = 0; i < 3; i++)
      await ok('POST', '/api/v1/namespaces/fault-b/configmaps', {
        metadata: { name: `history-${i}` },
      });
    await cp.compactEtcd();
    await cp.restartApiServer();
    const restartedAt = Date.now();
    await terminate('fault-b');
    await untilCacheMatches(() => cache.list());
    const relistedAfterMs = Date.now() - restartedAt;
    // What the real server answers a watch from that resourceVersion now.
    const gone = await cp.request(
      'GET',
      `/api/v1/pods?watch=1&resourceVersion=${rv}&timeoutSeconds=1`,
    );
    expect(gone.status).toBe(200);
    expect(JSON.parse(gone.body.split('\n')[0]!)).toMatchObject({
      type: 'ERROR',
      object: {
        kind: 'Status',
        status: 'Failure',
        reason: 'Expired',
        code: 410,
        message: expect.stringMatching(new RegExp(`^too old resource version: ${rv} \\(\\d+\\)$`)),
      },
    });
    // The cache listed again (on the restarted server, whose counters start at 0).
    expect(
      await metric('apiserver_request_total', { resource: 'pods', scope: 'cluster', verb: 'LIST' }),
    ).toBeGreaterThanOrEqual(1);
    await until(() => cache.health().state === 'synced', 10_000, 'synced');
    expect(reported.filter((id) => !seen.has(id))).toEqual([]);
    console.log(`real 410: cache equal to the server ${relistedAfterMs} ms after the restart`);
  }, 120_000);

  it('a hung kube-apiserver (SIGSTOP) is shown stale within 30 s, the cache stays readable, and SIGCONT brings it back', async () => {
    // The dashboard's own probe period and timeout.
    const access = new K8sAccess({ clusters: [connect(cp.kubeconfigPath!)] });
    cleanups.push(() => access.stop());
    const name = access.clusters[0]!.name;
    const cache = podCache(access);
    await until(() => cache.health().state === 'synced', 15_000, 'first sync');
    await until(() => access.contact(name).state === 'ok', 15_000, 'first probe');
    const seen = seenBy(cache);
    const podsBefore = terminations(cache.list());

    const pid = cp.apiserverPid();
    process.kill(pid, 'SIGSTOP');
    const stoppedAt = Date.now();
    let resumed = false;
    cleanups.push(() => {
      if (!resumed) process.kill(pid, 'SIGCONT');
    });
    await until(() => cache.health().state === 'stale', 30_000, 'stale within 30 s');
    const staleAfterMs = Date.now() - stoppedAt;
    const health = cache.health();
    expect(health.message).toMatch(/^API server not answering: /);
    expect(health.message).not.toMatch(/127\.0\.0\.1|https?:|:\d{4,5}/);
    expect(health.since).toBeGreaterThanOrEqual(stoppedAt - 1_000);
    expect(access.contact(name)).toMatchObject({ state: 'unreachable' });
    expect(access.contact(name).unreachableSince).toBeGreaterThanOrEqual(stoppedAt - 1_000);
    // The data stays readable, marked stale; nothing waits on the hung server.
    expect(terminations(cache.list())).toBe(podsBefore);
    // A kubelet reports a termination meanwhile: its write waits for the server too.
    const written = terminate('fault-a');

    process.kill(pid, 'SIGCONT');
    resumed = true;
    const resumedAt = Date.now();
    await written;
    await until(() => cache.health().state === 'synced', 30_000, 'synced after SIGCONT');
    const syncedAfterMs = Date.now() - resumedAt;
    expect(access.contact(name).state).toBe('ok');
    await untilCacheMatches(() => cache.list());
    await terminate('fault-b');
    await untilCacheMatches(() => cache.list());
    expect(reported.filter((id) => !seen.has(id))).toEqual([]);
    console.log(
      `real hang: stale after ${staleAfterMs} ms, synced ${syncedAfterMs} ms after SIGCONT`,
    );
  }, 120_000);

  it('another cluster at the same address (fresh etcd): identity change reported, objects listed again, the old pods gone', async () => {
    const access = new K8sAccess({ clusters: [connect(cp.kubeconfigPath!)] });
    cleanups.push(() => access.stop());
    const name = access.clusters[0]!.name;
    const cache = podCache(access);
    await until(() => cache.health().state === 'synced', 15_000, 'first sync');
    await until(() => access.contact(name).identity !== undefined, 15_000, 'identity');
    const seen = seenBy(cache);
    const oldIdentity = access.contact(name).identity;
    const oldUids = new Set(cache.list().map((p) => p.metadata?.uid));
    expect(oldUids.size).toBe(NAMESPACES.length);

    const replacedAt = Date.now();
    await cp.replaceCluster();
    const newIdentity = (await ok('GET', '/api/v1/namespaces/kube-system')).metadata.uid;
    expect(newIdentity).not.toBe(oldIdentity);
    await createPods();
    await terminate('fault-a');
    await untilCacheMatches(() => cache.list());
    const relistedAfterMs = Date.now() - replacedAt;
    expect(cache.list().filter((p) => oldUids.has(p.metadata?.uid))).toEqual([]);
    await until(() => access.contact(name).identityChange !== undefined, 15_000, 'reported');
    const change = access.contact(name).identityChange!;
    expect(change).toMatchObject({ from: oldIdentity, to: newIdentity });
    expect(change.at).toBeGreaterThanOrEqual(replacedAt);
    expect(reported.filter((id) => !seen.has(id))).toEqual([]);
    console.log(
      `real replaced cluster: cache equal to the new server ${relistedAfterMs} ms after the replacement began`,
    );
  }, 120_000);
});
