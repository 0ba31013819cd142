import { afterEach, describe, expect, it } from 'vitest';
import { resources } from './resources';
import { startSandboxCluster, waitFor, type SandboxCluster } from './test-support/sandbox-cluster';
import { WatchCache, type CacheEvent } from './watch-cache';
import type { KubeObject } from './kube-object';

let running: SandboxCluster | undefined;
const caches: WatchCache[] = [];
afterEach(async () => {
  for (const cache of caches.splice(0)) cache.stop();
  await running?.stop();
  running = undefined;
});

function podCache(
  env: SandboxCluster,
  options: { namespace?: string; watchdogMs?: number; pageSize?: number } = {},
) {
  const cache = new WatchCache({
    transport: env.cluster.transport,
    cluster: env.cluster.name,
    resource: resources.pods,
    random: () => 0,
    listNamespaces: async () => ['delete-resets-backoff', 'oom-no-limit'],
    namespaceRefreshMs: 200,
    ...options,
  });
  const events: CacheEvent<KubeObject>[] = [];
  cache.subscribe((event) => events.push(event));
  caches.push(cache);
  return { cache, events };
}

type Owner = { name: string };

const summary = (e: CacheEvent<KubeObject>) =>
  e.type === 'health'
    ? `health:${e.health.state}`
    : e.type === 'synced'
      ? 'synced'
      : `${e.type}:${e.object.metadata?.name}`;

describe('WatchCache against the sandbox', () => {
  it('emits every listed pod, then synced, then the synced health, in that order', async () => {
    running = await startSandboxCluster();
    const { cache, events } = podCache(running, { pageSize: 1 });
    cache.start();
    await cache.whenSynced();
    await waitFor(() => cache.health().state === 'synced');
    const names = cache.list().map((p) => `added:${p.metadata?.name}`);
    expect(names.length).toBeGreaterThan(1);
    expect(events.map(summary)).toEqual([...names, 'synced', 'health:synced']);
    // One page per pod: the LIST is paged with limit/continue.
    expect(running.sandbox.stats().requests.list).toBe(names.length);
  });

  it('keeps listed pods without managedFields, page by page, equal containers held once', async () => {
    running = await startSandboxCluster({
      scenarios: [],
      speed: 0,
      scale: { pods: 40, namespaces: 2, nodes: 2 },
    });
    const { cache } = podCache(running, { pageSize: 7 });
    cache.start();
    await waitFor(() => cache.health().state === 'synced');
    const pods = cache.list() as Array<
      KubeObject & { spec?: { containers?: unknown }; metadata?: { ownerReferences?: Owner[] } }
    >;
    expect(pods.length).toBeGreaterThanOrEqual(40);
    expect(pods.filter((p) => p.metadata?.managedFields !== undefined)).toEqual([]);
    // Pods of one ReplicaSet point at one containers array.
    const byOwner = new Map<string, Set<unknown>>();
    for (const pod of pods) {
      const owner = pod.metadata?.ownerReferences?.[0]?.name ?? '';
      byOwner.set(owner, (byOwner.get(owner) ?? new Set()).add(pod.spec?.containers));
    }
    expect(byOwner.size).toBeGreaterThan(1);
    for (const [owner, containers] of byOwner) expect(containers.size, owner).toBe(1);
  });

  it('sees a crash as modifications of that pod only, keyed by uid', async () => {
    running = await startSandboxCluster({ scenarios: ['oom-no-limit'] });
    const { cache, events } = podCache(running);
    cache.start();
    await waitFor(() => cache.health().state === 'synced');
    const before = events.length;
    const [crashed] = running.sandbox.control.crash('oom-no-limit');
    await waitFor(() => events.length > before, 5_000, 'crash event');
    await new Promise((r) => setTimeout(r, 300));
    const after = events.slice(before);
    expect(after.every((e) => e.type === 'modified' && e.object.metadata?.name === crashed)).toBe(
      true,
    );
  });

  it('reconnects after the sandbox drops every watch and keeps following changes', async () => {
    running = await startSandboxCluster({ scenarios: ['oom-no-limit'] });
    const { cache, events } = podCache(running);
    cache.start();
    await waitFor(() => cache.health().state === 'synced');
    // Synced follows the list; the watch request may reach the server a moment later.
    await waitFor(() => running!.sandbox.stats().openWatches === 1, 5_000, 'watch');
    const { list, watch } = running.sandbox.stats().requests;
    expect(running.sandbox.control.dropWatches()).toBe(1);
    await waitFor(() => running!.sandbox.stats().openWatches === 1, 5_000, 'rewatch');
    expect(running.sandbox.stats().requests).toMatchObject({ list, watch: watch + 1 });
    const before = events.length;
    running.sandbox.control.crash('oom-no-limit');
    await waitFor(
      () => events.slice(before).some((e) => e.type === 'modified'),
      5_000,
      'event after reconnect',
    );
  });

  it('turns stale while the API server is down and synced again when it is back', async () => {
    running = await startSandboxCluster({ scenarios: ['oom-no-limit'] });
    const { cache, events } = podCache(running);
    cache.start();
    await waitFor(() => cache.health().state === 'synced');
    const port = running.sandbox.port;
    await running.stop();
    await waitFor(() => cache.health().state === 'stale', 5_000, 'stale');
    expect(cache.health().message).toMatch(/ECONNREFUSED|NetworkError|WatchClosed/);
    expect(cache.list().length).toBeGreaterThan(0);
    const back = await startSandboxCluster({ scenarios: ['oom-no-limit'], port });
    running = back;
    await waitFor(() => cache.health().state === 'synced', 15_000, 'synced again');
    const states = events.flatMap((e) => (e.type === 'health' ? [e.health.state] : []));
    expect(states).toEqual(['synced', 'stale', 'synced']);
  });

  it('relists on 410 Gone without duplicating what it already holds', async () => {
    running = await startSandboxCluster({ scenarios: ['oom-no-limit'] });
    const { cache, events } = podCache(running);
    cache.start();
    await waitFor(() => cache.health().state === 'synced');
    const size = cache.list().length;
    const lists = running.sandbox.stats().requests.list;
    // All in one tick, so the cache cannot rewatch in between: its resourceVersion is now gone.
    running.sandbox.control.dropWatches();
    running.sandbox.control.crash('oom-no-limit');
    running.sandbox.control.compact();
    await waitFor(() => running!.sandbox.stats().requests.list === lists + 1, 8_000, 'relist');
    await waitFor(
      () => events.filter((e) => e.type === 'synced').length === 2,
      5_000,
      'second sync',
    );
    expect(cache.list()).toHaveLength(size);
    expect(events.filter((e) => e.type === 'added')).toHaveLength(size);
    expect(events.filter((e) => e.type === 'deleted')).toHaveLength(0);
    expect(cache.health().state).toBe('synced');
  });

  it('degrades only the forbidden namespace when cluster-wide reads are forbidden', async () => {
    running = await startSandboxCluster();
    running.sandbox.control.forbid('oom-no-limit');
    const { cache } = podCache(running);
    cache.start();
    await waitFor(
      () => cache.health().forbidden.length === 1 && cache.health().state === 'synced',
      8_000,
      'degraded',
    );
    expect(cache.health().forbidden[0]).toMatchObject({
      namespace: 'oom-no-limit',
      message: expect.stringContaining('forbidden'),
    });
    const namespaces = () => [...new Set(cache.list().map((p) => p.metadata?.namespace))].sort();
    expect(namespaces()).toEqual(['delete-resets-backoff']);
    running.sandbox.control.allow('oom-no-limit');
    await waitFor(() => cache.health().forbidden.length === 0, 15_000, 'recovery');
    // Back to one cluster-wide watch: every namespace's pods, the allowed one's among them.
    await waitFor(
      () => namespaces().includes('oom-no-limit'),
      5_000,
      'pods of the allowed namespace',
    );
    expect(namespaces()).toEqual(expect.arrayContaining(['delete-resets-backoff', 'oom-no-limit']));
  });

  // A real API server answers a watch from a resourceVersion it has not reached (restored from an
  // older state) with silence: a silent stream is resumed from a fresh list, not the same version.
  it('lists again and rewatches when a stream stays silent longer than the watchdog', async () => {
    running = await startSandboxCluster({
      scenarios: ['oom-no-limit'],
      bookmarkIntervalMs: 600_000,
    });
    const cache = new WatchCache({
      transport: running.cluster.transport,
      cluster: 'sandbox',
      resource: resources.limitranges,
      watchdogMs: 700,
      random: () => 0,
    });
    caches.push(cache);
    cache.start();
    await waitFor(() => cache.health().state === 'synced');
    const watches = running.sandbox.stats().requests.watch;
    expect(running.sandbox.stats().requests.list).toBe(1);
    await waitFor(
      () => running!.sandbox.stats().requests.watch >= watches + 1,
      5_000,
      'watchdog restart',
    );
    expect(running.sandbox.stats().requests.list).toBe(2);
  });
});
