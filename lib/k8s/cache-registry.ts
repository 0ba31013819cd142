// Hands out watch caches keyed cluster / resource / namespace / selector: one shared cache per key
// for every viewer, started on the first subscriber and stopped a grace period after the last.
import type { ClusterConnection } from './clusters';
import { ClusterContactMonitor, type ClusterContact } from './cluster-contact';
import type { KubeObject } from './kube-object';
import { resources, type ResourceName, type WatchedObject } from './resources';
import { systemScheduler, type Scheduler, type TimerHandle } from './scheduler';
import { WatchCache } from './watch-cache';

/** Which cache to acquire. */
export interface CacheKey<R extends ResourceName = ResourceName> {
  cluster: string;
  resource: R;
  namespace?: string;
  labelSelector?: string;
}

/** A hold on a shared cache; release() when done. */
export interface CacheLease<T extends KubeObject> {
  cache: WatchCache<T>;
  release(): void;
}

/** Options of the registry. */
export interface CacheRegistryOptions {
  clusters: ClusterConnection[];
  scheduler?: Scheduler;
  /** How long a cache lives after its last lease is released. Default 60 s. */
  graceMs?: number;
  watchdogMs?: number;
  pageSize?: number;
  /** Contact probe period while answered (default 10 s) and its timeout (default 5 s). */
  probeIntervalMs?: number;
  probeTimeoutMs?: number;
}

interface Entry {
  cache: WatchCache;
  holders: number;
  stopTimer?: TimerHandle;
}

function keyOf(key: CacheKey): string {
  return [key.cluster, key.resource, key.namespace ?? '', key.labelSelector ?? ''].join('/');
}

/** The registry of shared watch caches of every cluster. */
export class CacheRegistry {
  private readonly entries = new Map<string, Entry>();
  private readonly monitors = new Map<string, ClusterContactMonitor>();
  private readonly scheduler: Scheduler;
  /** Bumped whenever a cache is created or dropped, so revision() never repeats a value. */
  private membership = 0;

  constructor(private readonly options: CacheRegistryOptions) {
    this.scheduler = options.scheduler ?? systemScheduler;
  }

  /** The clusters this registry reaches. */
  get clusters(): ClusterConnection[] {
    return this.options.clusters;
  }

  /** One cluster by name, or undefined. */
  cluster(name: string): ClusterConnection | undefined {
    return this.options.clusters.find((c) => c.name === name);
  }

  /** What is known about reaching a cluster (probed while any of its caches runs). */
  contact(cluster: string): ClusterContact {
    return this.monitors.get(cluster)?.get() ?? { state: 'unknown' };
  }

  /** Takes a hold on the cache for `key`, creating and starting it on first use. */
  acquire<R extends ResourceName>(key: CacheKey<R>): CacheLease<WatchedObject<R>> {
    const id = keyOf(key);
    let entry = this.entries.get(id);
    if (!entry) {
      const monitor = this.monitor(key.cluster);
      entry = { cache: this.create(key, monitor), holders: 0 };
      this.entries.set(id, entry);
      entry.cache.setContactLoss(lossOf(monitor.get()));
      this.membership += 1;
      entry.cache.start();
    }
    const held = entry;
    held.holders += 1;
    this.scheduler.clearTimeout(held.stopTimer);
    held.stopTimer = undefined;
    let released = false;
    return {
      // The one cast of the cache boundary: the entry under this key was created for
      // key.resource, so it holds that resource's objects (WatchedObjects).
      cache: held.cache as unknown as WatchCache<WatchedObject<R>>,
      release: () => {
        if (released) return;
        released = true;
        this.release(id, held);
      },
    };
  }

  /** The running caches (for health). */
  running(cluster?: string): WatchCache[] {
    return [...this.entries.entries()]
      .filter(([id]) => cluster === undefined || id.startsWith(`${cluster}/`))
      .map(([, e]) => e.cache);
  }

  /**
   * A value that changes whenever anything a view of `cluster` reads changes (an object, a sync,
   * a connection state), so a view computed at one revision can be shared until the next.
   */
  revision(cluster: string): string {
    let sum = 0;
    for (const [id, entry] of this.entries)
      if (id.startsWith(`${cluster}/`)) sum += entry.cache.revision;
    return `${this.membership}.${sum}`;
  }

  /** Stops every cache and contact probe now. */
  stopAll(): void {
    for (const monitor of this.monitors.values()) monitor.stop();
    this.monitors.clear();
    for (const entry of this.entries.values()) {
      this.scheduler.clearTimeout(entry.stopTimer);
      entry.cache.stop();
    }
    this.entries.clear();
    this.membership += 1;
  }

  private release(id: string, entry: Entry): void {
    entry.holders -= 1;
    if (entry.holders > 0) return;
    entry.stopTimer = this.scheduler.setTimeout(() => {
      if (entry.holders > 0 || this.entries.get(id) !== entry) return;
      entry.cache.stop();
      this.entries.delete(id);
      this.membership += 1;
    }, this.options.graceMs ?? 60_000);
  }

  /** The cluster's contact monitor, started with its first cache. */
  private monitor(name: string): ClusterContactMonitor {
    const existing = this.monitors.get(name);
    if (existing) return existing;
    const cluster = this.cluster(name);
    if (!cluster) throw new Error(`unknown cluster "${name}"`);
    const monitor = new ClusterContactMonitor({
      transport: cluster.transport,
      cluster: name,
      scheduler: this.scheduler,
      intervalMs: this.options.probeIntervalMs,
      timeoutMs: this.options.probeTimeoutMs,
      onChange: (contact) => {
        for (const cache of this.running(name)) cache.setContactLoss(lossOf(contact));
      },
      onIdentityChange: ({ from, to }) => {
        console.warn(
          `podtrail: cluster ${name} is another cluster now (kube-system uid ${from} → ${to}); listing everything again`,
        );
        for (const cache of this.running(name)) cache.relist();
      },
      onRewind: ({ from, to }) => {
        console.warn(
          `podtrail: cluster ${name} went back from resourceVersion ${from} to ${to} (restored from an older state); listing everything again`,
        );
        for (const cache of this.running(name)) cache.relist();
      },
    });
    this.monitors.set(name, monitor);
    monitor.start();
    return monitor;
  }

  private create(key: CacheKey, monitor: ClusterContactMonitor): WatchCache {
    const cluster = this.cluster(key.cluster);
    if (!cluster) throw new Error(`unknown cluster "${key.cluster}"`);
    return new WatchCache({
      onContact: (at) => monitor.heard(at),
      transport: cluster.transport,
      cluster: key.cluster,
      resource: resources[key.resource],
      namespace: key.namespace,
      labelSelector: key.labelSelector,
      scheduler: this.scheduler,
      watchdogMs: this.options.watchdogMs,
      pageSize: this.options.pageSize,
      listNamespaces: () => this.listNamespaces(cluster),
    });
  }

  /**
   * Namespaces to watch one by one: the configured ones, else from the namespaces cache, else the
   * context's namespace.
   */
  private async listNamespaces(cluster: ClusterConnection): Promise<string[]> {
    if (cluster.namespaces?.length) return cluster.namespaces;
    const lease = this.acquire({ cluster: cluster.name, resource: 'namespaces' });
    try {
      await lease.cache.whenSynced(10_000);
      const names = lease.cache
        .list()
        .flatMap((ns) => (ns.metadata?.name ? [ns.metadata.name] : []));
      if (names.length > 0) return names;
      return cluster.defaultNamespace ? [cluster.defaultNamespace] : ['default'];
    } finally {
      lease.release();
    }
  }
}

function lossOf(contact: ClusterContact) {
  if (contact.state !== 'unreachable') return undefined;
  return {
    since: contact.unreachableSince ?? contact.lastContactAt ?? 0,
    message: `API server not answering: ${contact.message ?? 'no answer'}`,
  };
}
