// Live updates for every viewer of one scope (the board, or one pod) from the shared watch
// caches: one subscription and one recomputation per scope however many viewers listen.
import type { Severity } from '../diagnosis';
import type {
  CacheEvent,
  CacheLease,
  KubeObject,
  ResourceName,
  Scheduler,
  TimerHandle,
} from '../k8s';
import { getRuntime, type AlertListener, type Runtime } from './runtime';
import { getBoardView, getPodView } from './shared-views';
import type { LiveMessage } from './types';

/** What a viewer follows. */
export type LiveScope =
  | { type: 'board'; cluster?: string; namespace?: string; severity?: Severity }
  | { type: 'pod'; cluster: string; namespace: string; pod: string };

/** Receives live messages. */
export type LiveListener = (message: LiveMessage) => void;

const liveResources: ResourceName[] = ['pods', 'events', 'replicasets'];
/** Collapse bursts of watch events into one recomputation (well under the 1 s budget). */
const debounceMs = 50;
/** At most one board recomputation per this interval on a busy cluster (a pod view: no limit). */
const boardIntervalMs = 250;
/**
 * …and, on a big cluster where one takes long, no more often than every this many times its own
 * duration: a board that always recomputes would leave no CPU to answer requests (10,000 pods,
 * ~200 ms a computation → one begun every 600 ms at most: a third of a core).
 */
const boardCostFactor = 3;
/** The pacing never waits longer than this (a slow first computation waits for the first sync). */
const boardMaxIntervalMs = 2_000;

class LiveHub {
  readonly listeners = new Set<LiveListener>();
  private leases: CacheLease<KubeObject>[] = [];
  private unsubscribes: Array<() => void> = [];
  private timer: TimerHandle | undefined;
  private lastRunAt = 0;
  private lastDurationMs = 0;
  private running = false;
  private again = false;
  last: LiveMessage | undefined;

  /** Timers and the clock come from the scheduler the caches use (fake in tests). */
  private readonly scheduler: Scheduler;

  constructor(
    private readonly scope: LiveScope,
    private readonly runtime: Runtime,
  ) {
    this.scheduler = runtime.access.scheduler;
  }

  start(): void {
    const clusters = this.runtime.access.clusters.filter(
      (c) => !this.scope.cluster || c.name === this.scope.cluster,
    );
    for (const cluster of clusters) {
      for (const resource of liveResources) {
        const lease = this.runtime.access.caches.acquire({ cluster: cluster.name, resource });
        this.leases.push(lease);
        this.unsubscribes.push(lease.cache.subscribe((event) => this.onCacheEvent(event)));
      }
    }
    // The board diagnoses crashes from the recorder's log heads, which arrive after the crash
    // (and, for pods crash-looping before Podtrail started, after the first list): redraw then.
    if (this.scope.type === 'board') {
      const names = new Set(clusters.map((c) => c.name));
      const listener = (cluster: string) => {
        if (names.has(cluster)) this.schedule();
      };
      const listeners = this.runtime.logHeadListeners;
      listeners.add(listener);
      this.unsubscribes.push(() => listeners.delete(listener));
    }
    // A pod page draws the alerts about its pod: redraw when one arrives for its namespace.
    if (this.scope.type === 'pod') {
      const { cluster, namespace } = this.scope;
      const listener: AlertListener = (alertCluster, alertNamespace) => {
        if (alertNamespace === namespace && (!alertCluster || alertCluster === cluster))
          this.schedule();
      };
      const listeners = this.runtime.alertListeners;
      listeners.add(listener);
      this.unsubscribes.push(() => listeners.delete(listener));
    }
    this.schedule();
  }

  stop(): void {
    this.scheduler.clearTimeout(this.timer);
    for (const unsubscribe of this.unsubscribes.splice(0)) unsubscribe();
    for (const lease of this.leases.splice(0)) lease.release();
  }

  private onCacheEvent(event: CacheEvent<KubeObject>): void {
    if (event.type === 'added' || event.type === 'modified' || event.type === 'deleted') {
      const ns = event.object.metadata?.namespace;
      if (this.scope.namespace && ns && ns !== this.scope.namespace) return;
    }
    this.schedule();
  }

  private schedule(): void {
    if (this.timer) return;
    const interval =
      this.scope.type === 'board'
        ? Math.min(
            boardMaxIntervalMs,
            Math.max(boardIntervalMs, boardCostFactor * this.lastDurationMs),
          )
        : 0;
    const wait = Math.max(debounceMs, this.lastRunAt + interval - this.scheduler.now());
    this.timer = this.scheduler.setTimeout(() => {
      this.timer = undefined;
      this.lastRunAt = this.scheduler.now();
      void this.recompute();
    }, wait);
  }

  private async recompute(): Promise<void> {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = true;
    const began = this.scheduler.now();
    try {
      const message = await this.compute();
      // The first computation waits for the caches' first sync: not what a recomputation costs.
      if (this.last) this.lastDurationMs = this.scheduler.now() - began;
      this.last = message;
      for (const listener of this.listeners) listener(message);
    } catch (error) {
      console.error('podtrail: live view failed', error);
    } finally {
      this.running = false;
      if (this.again) {
        this.again = false;
        this.schedule();
      }
    }
  }

  private async compute(): Promise<LiveMessage> {
    const scope = this.scope;
    if (scope.type === 'board') {
      const { cluster, namespace, severity } = scope;
      return {
        type: 'board',
        data: await getBoardView({ cluster, namespace, severity }, this.runtime, { live: true }),
      };
    }
    const ref = { cluster: scope.cluster, namespace: scope.namespace, name: scope.pod };
    return { type: 'pod', data: await getPodView(ref, this.runtime, { live: true }) };
  }
}

// On globalThis, like the runtime: a production build holds more than one copy of this module
// (route handlers, instrumentation), and shutdown must reach the hubs the routes opened.
const hubsKey = Symbol.for('podtrail.liveHubs');
const hubs: Map<string, LiveHub> = ((globalThis as { [hubsKey]?: Map<string, LiveHub> })[
  hubsKey
] ??= new Map<string, LiveHub>());

/**
 * Tells every live viewer the server is going away (a `reconnect` message; their streams then
 * end) and stops every hub. Returns how many viewers were told.
 */
export function closeLive(reason: string): number {
  let told = 0;
  for (const [key, hub] of [...hubs]) {
    for (const listener of [...hub.listeners]) {
      told += 1;
      try {
        listener({ type: 'reconnect', reason });
      } catch (error) {
        console.error('podtrail: live listener failed', error);
      }
    }
    hub.listeners.clear();
    hubs.delete(key);
    hub.stop();
  }
  return told;
}

/** Follows a scope; the listener gets the current view at once (if known) and every change. */
export function subscribeLive(
  scope: LiveScope,
  listener: LiveListener,
  runtime: Runtime = getRuntime(),
): () => void {
  const key = JSON.stringify(scope);
  let hub = hubs.get(key);
  if (!hub) {
    hub = new LiveHub(scope, runtime);
    hubs.set(key, hub);
    hub.start();
  } else if (hub.last) listener(hub.last);
  const current = hub;
  current.listeners.add(listener);
  return () => {
    current.listeners.delete(listener);
    if (current.listeners.size === 0 && hubs.get(key) === current) {
      hubs.delete(key);
      current.stop();
    }
  };
}
