// One shared, watch-fed cache of one resource type of one cluster (optionally one namespace or
// selector). Runs one list/watch loop for all namespaces; when that is forbidden (403) it falls
// back to one loop per namespace, so a forbidden namespace degrades only itself, and goes back to
// the one cluster-wide loop as soon as a cluster-wide list is allowed again.
import { combineShards, reduceShard, type CacheHealth, type ShardState } from './cache-health';
import type { K8sError } from './k8s-error';
import type { KubeObject } from './kube-object';
import { ListWatchLoop, type WatchScope } from './list-watch-loop';
import { ObjectStore, type StoreChange } from './object-store';
import { collectionPath } from './resources';
import { systemScheduler, type Scheduler, type TimerHandle } from './scheduler';
import { stripObject } from './strip';

/** What a cache tells its subscribers, in order. */
export type CacheEvent<T> =
  StoreChange<T> | { type: 'synced'; namespace?: string } | { type: 'health'; health: CacheHealth };

/** Receives cache events. */
export type CacheListener<T> = (event: CacheEvent<T>) => void;

/** Options of a watch cache: what its list/watch loops read, and how the cache runs them. */
export interface WatchCacheOptions extends WatchScope {
  scheduler?: Scheduler;
  /** Namespaces to watch one by one when the cluster-wide watch is forbidden. */
  listNamespaces?: () => Promise<string[]>;
  /** How often namespaces are re-read while watching namespace by namespace. Default 60 s. */
  namespaceRefreshMs?: number;
  /** Called for each unparsable watch line (they are counted and logged too). */
  onBadLine?: (line: string) => void;
  /** Called with the time of every answer from the API server (list, event, bookmark). */
  onContact?: (at: number) => void;
}

/** The API server stopped answering (from the cluster's contact monitor). */
export interface ContactLoss {
  since: number;
  message: string;
}

const allScope = '*';

/** A watch cache: data plus connection health, started on start(), stopped on stop(). */
export class WatchCache<T extends KubeObject = KubeObject> {
  private readonly store = new ObjectStore<T>();
  private readonly listeners = new Set<CacheListener<T>>();
  private readonly loops = new Map<string, ListWatchLoop<T>>();
  private readonly shards = new Map<string, ShardState>();
  private readonly scheduler: Scheduler;
  private lastHealth: CacheHealth;
  private syncWaiters: Array<() => void> = [];
  private running = false;
  private namespaceTimer: TimerHandle | undefined;
  private contactLoss: ContactLoss | undefined;
  /** Unparsable watch lines seen. */
  badLines = 0;
  /** Counts every event told to subscribers: views computed at one revision can be shared. */
  revision = 0;

  constructor(private readonly options: WatchCacheOptions) {
    this.scheduler = options.scheduler ?? systemScheduler;
    this.lastHealth = combineShards(options.resource.name, [], this.scheduler.now());
  }

  /** Starts listing and watching. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.startShard(this.options.namespace ?? allScope);
  }

  /** Stops every loop; the data stays readable. */
  stop(): void {
    this.running = false;
    this.scheduler.clearTimeout(this.namespaceTimer);
    for (const loop of this.loops.values()) loop.stop();
    this.loops.clear();
  }

  /** Lists every scope again now (the cluster behind the address changed). */
  relist(): void {
    for (const loop of this.loops.values()) loop.relist();
  }

  /**
   * Marks the data stale while the API server does not answer (a hung server keeps watches open
   * and silent, so the loops alone would not notice for a long time); undefined clears it.
   */
  setContactLoss(loss: ContactLoss | undefined): void {
    if (loss?.since === this.contactLoss?.since && loss?.message === this.contactLoss?.message)
      return;
    this.contactLoss = loss;
    this.refreshHealth();
  }

  /** Subscribes to changes; returns the unsubscribe function. */
  subscribe(listener: CacheListener<T>): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Every object now in the cache. */
  list(): T[] {
    return this.store.values();
  }

  /** One object by uid. */
  get(uid: string): T | undefined {
    return this.store.get(uid);
  }

  /** The connection state now. */
  health(): CacheHealth {
    return this.lastHealth;
  }

  /** Resolves when every readable shard has listed once, or after timeoutMs. */
  whenSynced(timeoutMs = 10_000): Promise<boolean> {
    if (this.isSynced()) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = this.scheduler.setTimeout(() => resolve(this.isSynced()), timeoutMs);
      this.syncWaiters.push(() => {
        this.scheduler.clearTimeout(timer);
        resolve(true);
      });
    });
  }

  private isSynced(): boolean {
    const state = this.lastHealth.state;
    return state === 'synced' || state === 'stale' || state === 'forbidden' || this.hasListed;
  }

  private hasListed = false;

  private startShard(scope: string): void {
    this.shards.set(scope, { state: 'connecting', since: this.scheduler.now() });
    const loop = new ListWatchLoop<T>({
      ...this.options,
      namespace: scope === allScope ? undefined : scope,
      scheduler: this.scheduler,
      prepare: stripObject,
      sink: {
        relisted: (items) => this.onRelisted(scope, items),
        event: (type, object) => {
          this.heard(scope, 'alive');
          this.emitChange(this.store.apply(scope, type, object));
        },
        alive: () => this.heard(scope, 'alive'),
        connected: () => this.heard(scope, 'connected'),
        failed: (error) => this.onFailed(scope, error),
        badLine: (line) => {
          this.badLines += 1;
          if (this.badLines <= 10) {
            const what = `${this.options.cluster}/${this.options.resource.name}`;
            console.warn(`podtrail: unparsable watch line from ${what}: ${line.slice(0, 200)}`);
          }
          this.options.onBadLine?.(line);
        },
      },
    });
    this.loops.set(scope, loop);
    loop.start();
  }

  private heard(scope: string, type: 'alive' | 'connected'): void {
    const at = this.scheduler.now();
    this.options.onContact?.(at);
    this.dispatch(scope, { type, at });
  }

  private onRelisted(scope: string, items: T[]): void {
    const namespace = scope === allScope ? undefined : scope;
    for (const change of this.store.replace(scope, items, namespace)) this.emitChange(change);
    if (scope === allScope) this.retireNamespaceShards();
    this.emit({ type: 'synced', namespace: scope === allScope ? undefined : scope });
    this.hasListed = true;
    const waiters = this.syncWaiters;
    this.syncWaiters = [];
    for (const wake of waiters) wake();
  }

  private onFailed(scope: string, error: K8sError): void {
    const at = this.scheduler.now();
    this.dispatch(scope, { type: 'failed', at, error, hadData: this.hasListed });
    const perNamespace = scope === allScope && this.options.resource.namespaced;
    if (error.isForbidden && perNamespace && this.options.listNamespaces && this.running) {
      void this.splitByNamespace();
    }
  }

  /** Replaces the forbidden cluster-wide loop with one loop per namespace. */
  private async splitByNamespace(): Promise<void> {
    const namespaces = await this.options.listNamespaces?.().catch(() => undefined);
    // Without namespaces the cluster-wide loop keeps retrying with backoff.
    if (!this.running || !namespaces?.length || !this.loops.has(allScope)) return;
    this.loops.get(allScope)?.stop();
    this.loops.delete(allScope);
    this.shards.delete(allScope);
    for (const namespace of namespaces) if (!this.loops.has(namespace)) this.startShard(namespace);
    this.refreshHealth();
    this.scheduler.clearTimeout(this.namespaceTimer);
    this.scheduleNamespaceRefresh();
  }

  /**
   * While split, every namespaceRefreshMs: back to one cluster-wide loop if a cluster-wide list is
   * allowed again, else follow namespaces created or deleted since.
   */
  private scheduleNamespaceRefresh(): void {
    this.namespaceTimer = this.scheduler.setTimeout(async () => {
      if (await this.clusterWideAllowed()) {
        if (this.running && !this.loops.has(allScope)) this.startShard(allScope);
        return;
      }
      const namespaces = await this.options.listNamespaces?.().catch(() => undefined);
      if (!this.running) return;
      if (namespaces?.length) this.reconcileShards(new Set(namespaces));
      this.scheduleNamespaceRefresh();
    }, this.options.namespaceRefreshMs ?? 30_000);
  }

  /** One cheap cluster-wide list (limit=1): is it allowed now? */
  private async clusterWideAllowed(): Promise<boolean> {
    const { transport, resource, labelSelector, fieldSelector } = this.options;
    try {
      await transport.getJson(collectionPath(resource), {
        query: { limit: 1, labelSelector, fieldSelector },
        timeoutMs: 5_000,
      });
      return true;
    } catch {
      return false;
    }
  }

  /**
   * The cluster-wide loop has listed: it owns every readable object now, so the per-namespace
   * loops stop; what only they still held (deleted meanwhile) goes.
   */
  private retireNamespaceShards(): void {
    let retired = false;
    for (const [scope, loop] of this.loops) {
      if (scope === allScope) continue;
      loop.stop();
      this.loops.delete(scope);
      this.shards.delete(scope);
      for (const change of this.store.dropShard(scope)) this.emitChange(change);
      retired = true;
    }
    if (!retired) return;
    this.scheduler.clearTimeout(this.namespaceTimer);
    this.refreshHealth();
  }

  private reconcileShards(namespaces: Set<string>): void {
    for (const namespace of namespaces) if (!this.loops.has(namespace)) this.startShard(namespace);
    for (const [scope, loop] of this.loops) {
      if (namespaces.has(scope)) continue;
      loop.stop();
      this.loops.delete(scope);
      this.shards.delete(scope);
      for (const change of this.store.replace(scope, [], scope)) this.emitChange(change);
    }
    this.refreshHealth();
  }

  private dispatch(scope: string, action: Parameters<typeof reduceShard>[1]): void {
    const prev = this.shards.get(scope);
    if (!prev) return;
    const next = reduceShard(prev, action);
    if (next === prev) return;
    this.shards.set(scope, next);
    this.refreshHealth();
  }

  private refreshHealth(): void {
    const shards = [...this.shards].map(([scope, state]) => ({
      namespace: scope === allScope ? undefined : scope,
      state,
    }));
    const combined = combineShards(this.options.resource.name, shards, this.scheduler.now());
    const loss = this.contactLoss;
    const next =
      loss && (combined.state === 'synced' || combined.state === 'connecting')
        ? {
            ...combined,
            state: this.hasListed ? ('stale' as const) : ('error' as const),
            since: loss.since,
            message: loss.message,
          }
        : combined;
    const prev = this.lastHealth;
    this.lastHealth = next;
    const changed =
      prev.state !== next.state ||
      prev.message !== next.message ||
      JSON.stringify(prev.forbidden) !== JSON.stringify(next.forbidden);
    if (changed) this.emit({ type: 'health', health: next });
  }

  private emitChange(change: StoreChange<T> | undefined): void {
    if (change) this.emit(change);
  }

  private emit(event: CacheEvent<T>): void {
    this.revision += 1;
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch (error) {
        console.error('podtrail: cache listener failed', error);
      }
    }
  }
}
