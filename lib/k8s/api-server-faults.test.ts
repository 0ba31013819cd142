// The API server's own faults, against the sandbox over real HTTP: restarted from an older state
// (a lower resourceVersion), replaced by another cluster, hung (SIGSTOP, TCP open). Each test
// asserts what a person would be shown (the cache's health) and that a container termination
// the API server reports after the fault reaches the cache.
import { afterEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../sandbox';
import type { KubeObject } from './kube-object';
import { K8sAccess } from './k8s-access';
import { resources } from './resources';
import { WatchCache } from './watch-cache';
import { startSandboxCluster, waitFor, type SandboxCluster } from './test-support/sandbox-cluster';
import { startSandboxProcess, type SandboxProcess } from './test-support/sandbox-process';

interface PodLike extends KubeObject {
  status?: {
    containerStatuses?: Array<{
      restartCount?: number;
      lastState?: { terminated?: { containerID?: string } };
    }>;
  };
}

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function accessTo(env: { cluster: SandboxCluster['cluster'] }, probeIntervalMs = 200) {
  const access = new K8sAccess({ clusters: [env.cluster], probeIntervalMs, probeTimeoutMs: 1_000 });
  cleanups.push(() => access.stop());
  const lease = access.caches.acquire({ cluster: env.cluster.name, resource: 'pods' });
  return { access, cache: lease.cache };
}

/** The restart count and last termination's container ID of each pod, by pod name. */
function lastTerminations(pods: PodLike[]): Record<string, string | undefined> {
  return Object.fromEntries(
    pods
      .map((p): [string, string | undefined] => {
        const status = p.status?.containerStatuses?.[0];
        const id = status?.lastState?.terminated?.containerID;
        return [p.metadata?.name ?? '', id && `${status?.restartCount ?? 0} ${id}`];
      })
      .sort(([a], [b]) => a.localeCompare(b)),
  );
}

async function restartOnSamePort(env: SandboxCluster, seed?: number): Promise<Sandbox> {
  const port = env.sandbox.port;
  await env.sandbox.stop();
  const next = await startSandbox({ port, scenarios: ['oom-no-limit'], seed });
  cleanups.push(() => next.stop());
  return next;
}

describe('API server restarted with a lower resourceVersion', () => {
  it('lists again and sees the crashes the restarted server reports', async () => {
    const env = await startSandboxCluster({ scenarios: ['oom-no-limit'] });
    cleanups.push(() => env.stop());
    const { access, cache } = accessTo(env);
    await waitFor(() => cache.health().state === 'synced', 10_000, 'first sync');
    // Crash after crash moves the old server's resourceVersion well past where a fresh start
    // will be (a restored cluster starts from its backup's, lower, resourceVersion).
    const [pod] = env.sandbox.control.crash('oom-no-limit');
    for (let i = 0; i < 20; i++) env.sandbox.control.crash('oom-no-limit', pod);
    await untilCacheMatches(cache.list.bind(cache), env.sandbox.url);
    const oldRv = await currentRv(env.sandbox.url);
    await waitFor(
      () => access.contact(env.cluster.name).resourceVersion === oldRv,
      5_000,
      'probed the old server',
    );

    const restarted = await restartOnSamePort(env);
    // The restarted server answers the resumed watch with silence (as kube-apiserver does); the
    // contact probe sees its resourceVersion go back, and the cache lists again.
    await waitFor(() => access.contact(env.cluster.name).rewind !== undefined, 10_000, 'rewind');
    expect(access.contact(env.cluster.name).rewind).toMatchObject({ from: oldRv });
    const [crashed] = restarted.control.crash('oom-no-limit', pod);
    expect(crashed).toBe(pod);
    // It shows exactly what the new server has, including the crash reported after the restart.
    await untilCacheMatches(cache.list.bind(cache), restarted.url);
    await waitFor(() => cache.health().state === 'synced', 10_000, 'synced again');
  });

  it('drops the old cluster’s objects when another cluster answers at the same address', async () => {
    const env = await startSandboxCluster({ scenarios: ['oom-no-limit'] });
    cleanups.push(() => env.stop());
    const { access, cache } = accessTo(env);
    await waitFor(() => cache.health().state === 'synced', 10_000, 'first sync');
    await waitFor(() => access.contact(env.cluster.name).identity !== undefined, 5_000, 'identity');
    const oldUids = new Set(cache.list().map((p) => p.metadata?.uid));
    const oldIdentity = access.contact(env.cluster.name).identity;

    const other = await restartOnSamePort(env, 7);
    const newUids = (await podsOf(other.url)).map((p) => p.metadata?.uid).sort();
    await waitFor(
      () =>
        JSON.stringify(
          cache
            .list()
            .map((p) => p.metadata?.uid)
            .sort(),
        ) === JSON.stringify(newUids),
      20_000,
      'only the new cluster’s pods',
    );
    expect(cache.list().some((p) => oldUids.has(p.metadata?.uid))).toBe(false);
    expect(access.contact(env.cluster.name).identityChange).toMatchObject({ from: oldIdentity });
  });
});

describe('403 on one namespace, and back', () => {
  it('marks only that namespace "no access since T", then returns to one cluster-wide watch', async () => {
    const env = await startSandboxCluster({ scenarios: ['oom-no-limit', 'delete-resets-backoff'] });
    cleanups.push(() => env.stop());
    const namespaces = async () => {
      const list = (await (await fetch(`${env.sandbox.url}/api/v1/namespaces`)).json()) as {
        items: KubeObject[];
      };
      return list.items.map((n) => n.metadata?.name ?? '');
    };
    const cache = new WatchCache<PodLike>({
      transport: env.cluster.transport,
      cluster: env.cluster.name,
      resource: resources.pods,
      listNamespaces: namespaces,
      namespaceRefreshMs: 300,
      random: () => 0,
    });
    cleanups.push(() => cache.stop());
    cache.start();
    await waitFor(() => cache.health().state === 'synced', 10_000, 'first sync');
    await waitFor(() => env.sandbox.stats().openWatches === 1, 5_000, 'one watch');
    const podsBefore = cache.list().length;

    const forbiddenAt = Date.now();
    env.sandbox.control.forbid('oom-no-limit');
    env.sandbox.control.dropWatches();
    await waitFor(() => cache.health().forbidden.length === 1, 15_000, 'forbidden namespace');
    const [mark] = cache.health().forbidden;
    expect(mark).toMatchObject({ namespace: 'oom-no-limit' });
    expect(mark!.since).toBeGreaterThanOrEqual(forbiddenAt);
    // The rest stays live, one watch per readable namespace; the forbidden namespace's pods are
    // kept (marked by the forbidden entry), not dropped as if deleted.
    expect(cache.health().state).toBe('synced');
    expect(cache.list()).toHaveLength(podsBefore);
    const readable = (await namespaces()).length - 1;
    await waitFor(() => env.sandbox.stats().openWatches === readable, 5_000, 'one per namespace');

    env.sandbox.control.allow('oom-no-limit');
    await waitFor(() => cache.health().forbidden.length === 0, 15_000, 'access back');
    await waitFor(() => env.sandbox.stats().openWatches === 1, 10_000, 'one cluster-wide watch');
    env.sandbox.control.crash('oom-no-limit');
    await untilCacheMatches(cache.list.bind(cache), env.sandbox.url);
    expect(cache.health().state).toBe('synced');
  });
});

describe('hung API server (process stopped, connections open)', () => {
  it('is shown stale within 30 s, serves the cache meanwhile, and recovers after SIGCONT', async () => {
    const proc: SandboxProcess = await startSandboxProcess({ scenarios: ['oom-no-limit'] });
    cleanups.push(() => proc.stop());
    // Default probe period and timeout: what the dashboard runs with.
    const access = new K8sAccess({ clusters: [proc.cluster] });
    cleanups.push(() => access.stop());
    const cache = access.caches.acquire({
      cluster: proc.cluster.name,
      resource: 'pods',
    }).cache;
    await waitFor(() => cache.health().state === 'synced', 15_000, 'first sync');
    const podsBefore = cache.list().length;

    process.kill(proc.pid, 'SIGSTOP');
    const stoppedAt = Date.now();
    await waitFor(() => cache.health().state === 'stale', 30_000, 'stale within 30 s');
    const health = cache.health();
    expect(health.message).toMatch(/API server not answering/);
    expect(health.message).not.toMatch(/127\.0\.0\.1|http:/);
    expect(health.since).toBeGreaterThanOrEqual(stoppedAt - 1_000);
    expect(access.contact(proc.cluster.name).state).toBe('unreachable');
    // The data stays readable (marked stale), nothing waits on the hung server.
    expect(cache.list()).toHaveLength(podsBefore);

    process.kill(proc.pid, 'SIGCONT');
    await waitFor(() => cache.health().state === 'synced', 20_000, 'synced after SIGCONT');
    expect(access.contact(proc.cluster.name).state).toBe('ok');
    const result = (await proc.control('crash', { namespace: 'oom-no-limit' })) as {
      crashed: string[];
    };
    const crashed = result.crashed[0] ?? '';
    expect(crashed).toBeTruthy();
    await untilCacheMatches(cache.list.bind(cache), proc.url);
  }, 90_000);
});

/** Waits until the cache holds the server's restart counts and last terminations. */
async function untilCacheMatches(list: () => PodLike[], url: string): Promise<void> {
  let server = '';
  for (let tries = 0; tries < 100; tries++) {
    server = JSON.stringify(lastTerminations(await podsOf(url)));
    if (JSON.stringify(lastTerminations(list())) === server) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  expect(JSON.stringify(lastTerminations(list()))).toBe(server);
}

async function currentRv(url: string): Promise<string | undefined> {
  const response = await fetch(`${url}/api/v1/pods?limit=1`);
  return ((await response.json()) as { metadata: { resourceVersion?: string } }).metadata
    .resourceVersion;
}

async function podsOf(url: string): Promise<PodLike[]> {
  const response = await fetch(`${url}/api/v1/pods`);
  return ((await response.json()) as { items: PodLike[] }).items;
}
