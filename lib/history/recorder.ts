// Records one cluster's history from the shared watch caches: pods (creation, deletion, owner),
// every container termination (with the head of its log), events with their count series,
// ReplicaSet revisions, the gaps when nobody watched, and the memory of crash-looping pods over
// time (memory-samples.ts). Writes go through one queue, in order.
import {
  completedOnce,
  type ContainerStatusLike,
  type EventLike,
  type PodLike,
  type WorkloadLike,
} from '../diagnosis';
import type {
  CacheEvent,
  CacheLease,
  K8sAccess,
  KubeObject,
  Scheduler,
  TimerHandle,
  WatchedObject,
} from '../k8s';
import { terminationsOf, type TerminationRow } from './extract';
import { HistoryWriter } from './history-writer';
import { LogHeadCapture } from './log-head-capture';
import {
  insertMemorySamples,
  MAX_NAMESPACE_LISTS,
  namespacesToSample,
  SAMPLE_EVERY_MS,
  SAMPLES_KEEP_MS,
  samplesToKeep,
} from './memory-samples';
import { applyRetention } from './retention';
import { SessionTracker } from './session-tracker';
import type { SqlStore } from './sql-store';

/** Options of a recorder. */
export interface RecorderOptions {
  access: K8sAccess;
  store: SqlStore;
  cluster: string;
  /** Fetch and keep the first lines of the log at each termination. Default true. */
  captureLogHeads?: boolean;
  /** Log-head fetches at a time (default 4). */
  logHeadConcurrency?: number;
  /** Delete history older than this. Default 14 days (PODTRAIL_RETENTION_DAYS). */
  retentionMs?: number;
  heartbeatMs?: number;
  /** How often memory of crash-looping pods is sampled from metrics.k8s.io; 0 = never. Default 20 s. */
  memorySampleMs?: number;
}

/** The resources the recorder watches. */
type Watched = 'pods' | 'events' | 'replicasets';

/** Told which pod (uid) got a newly captured log head. */
export type LogHeadListener = (podUid: string) => void;

/** Records one cluster's history while started. */
export class Recorder {
  private readonly writer: HistoryWriter;
  private readonly sessions: SessionTracker;
  private readonly scheduler: Scheduler;
  private readonly leases: Array<{ release(): void }> = [];
  /** The pods cache, for the log-head capture's "is this run still the latest" check. */
  private pods?: CacheLease<WatchedObject<'pods'>>;
  private readonly unsubscribes: Array<() => void> = [];
  private queue: Promise<void> = Promise.resolve();
  private heartbeat: TimerHandle | undefined;
  private memoryTimer: TimerHandle | undefined;
  private readonly disconnectedSince = new Map<string, { at: number; message?: string }>();
  private readonly logHeads: LogHeadCapture;
  private readonly logHeadListeners = new Set<LogHeadListener>();
  private stopped = false;
  private reconciled: Promise<void> = Promise.resolve();
  /** Write failures (logged), for health. */
  failures = 0;
  /** Log heads that could not be fetched (each recorded on its termination, never retried). */
  logHeadFailures = 0;

  constructor(private readonly options: RecorderOptions) {
    this.writer = new HistoryWriter(options.store, options.cluster);
    this.sessions = new SessionTracker(options.store, options.cluster);
    this.scheduler = options.access.scheduler;
    this.logHeads = new LogHeadCapture({
      concurrency: options.logHeadConcurrency,
      read: (request) => options.access.logReader(options.cluster).read(request, { fresh: true }),
      isCurrent: (row) => this.isLatestRun(row),
      onCaptured: (row, head) =>
        this.enqueue(async () => {
          await this.writer.setLogHead(row, head);
          for (const listener of this.logHeadListeners) listener(row.podUid);
        }),
      onFailed: (row, reason) => {
        this.logHeadFailures += 1;
        this.enqueue(() => this.writer.setLogHeadError(row, reason));
      },
    });
  }

  /** Calls the listener after each log head is stored; returns the unsubscribe. */
  onLogHead(listener: LogHeadListener): () => void {
    this.logHeadListeners.add(listener);
    return () => this.logHeadListeners.delete(listener);
  }

  /** Opens the session (recording the downtime gap) and subscribes to the caches. */
  async start(): Promise<void> {
    const now = this.scheduler.now();
    const gap = await this.sessions.open(now);
    if (gap) await this.writer.insertGap(gap.from, gap.to, 'Podtrail was not running');
    this.pods = this.hold('pods');
    this.hold('events');
    this.hold('replicasets');
    this.scheduleHeartbeat();
    this.scheduleMemorySample();
    this.reconciled = this.reconcileAfterSync(gap?.from ?? now);
  }

  /** Holds the cache of one resource, records what it has and subscribes to its changes. */
  private hold<R extends Watched>(resource: R): CacheLease<WatchedObject<R>> {
    const lease = this.options.access.caches.acquire({ cluster: this.options.cluster, resource });
    this.leases.push(lease);
    for (const object of lease.cache.list()) this.onEvent(resource, { type: 'added', object });
    this.unsubscribes.push(lease.cache.subscribe((event) => this.onEvent(resource, event)));
    return lease;
  }

  /** Pods deleted while Podtrail was down: gone from the first list, so mark them deleted. */
  private async reconcileAfterSync(lastAliveAt: number): Promise<void> {
    const pods = this.pods?.cache;
    if (!pods || !(await pods.whenSynced(60_000)) || this.stopped) return;
    const live = pods.list().flatMap((p) => (p.metadata?.uid ? [p.metadata.uid] : []));
    const unreadable = pods.health().forbidden.flatMap((f) => (f.namespace ? [f.namespace] : []));
    if (pods.health().state === 'forbidden') return;
    this.enqueue(() => this.writer.markMissingPodsDeleted(live, unreadable, lastAliveAt));
  }

  /** Unsubscribes and waits for pending writes. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.logHeads.stop();
    this.scheduler.clearTimeout(this.heartbeat);
    this.scheduler.clearTimeout(this.memoryTimer);
    for (const unsubscribe of this.unsubscribes.splice(0)) unsubscribe();
    for (const lease of this.leases.splice(0)) lease.release();
    this.pods = undefined;
    await this.queue;
    await this.sessions.beat(this.scheduler.now()).catch(() => undefined);
  }

  /** Resolves when start-up reconciliation, writes and log-head fetches so far are done. */
  async flush(): Promise<void> {
    await this.reconciled;
    await this.queue;
    await this.logHeads.whenIdle();
    await this.queue;
  }

  /** When the write queue last gave the event loop back. */
  private sliceStart = performance.now();

  private enqueue(task: () => Promise<void>): void {
    if (this.stopped) return;
    this.queue = this.queue
      .then(() => this.breathe())
      .then(task)
      .catch((error: unknown) => {
        this.failures += 1;
        console.error('podtrail: history write failed', error);
      });
  }

  /**
   * PGlite answers in the same tick, so a long queue of writes (the first list of a big cluster:
   * every pod, event and ReplicaSet) would run as one chain of microtasks and hold the event loop
   * — requests, streams, probes — until it drains (15 s at 10,000 pods). Every ~10 ms the queue
   * gives the loop back once.
   */
  private async breathe(): Promise<void> {
    if (performance.now() - this.sliceStart < 10) return;
    await new Promise((resolve) => setImmediate(resolve));
    this.sliceStart = performance.now();
  }

  private onEvent(resource: Watched, event: CacheEvent<KubeObject>): void {
    const now = this.scheduler.now();
    if (event.type === 'synced') return;
    if (event.type === 'health')
      return this.onHealth(resource, event.health.state, event.health.message);
    const object = event.object as unknown;
    if (resource === 'pods') this.enqueue(() => this.recordPod(object as PodLike, event.type, now));
    else if (resource === 'events')
      this.enqueue(() => this.writer.upsertEvent(object as EventLike));
    else {
      const rs = object as WorkloadLike;
      this.enqueue(() =>
        this.writer.upsertReplicaSet(rs, now, { deleted: event.type === 'deleted' }),
      );
    }
  }

  private async recordPod(pod: PodLike, type: 'added' | 'modified' | 'deleted', now: number) {
    if (!pod.metadata.uid) return;
    if (type === 'deleted') await this.writer.deletePod(pod, now);
    else await this.writer.upsertPod(pod, now);
    const rows = terminationsOf(pod, now);
    const initDone = new Set(
      (pod.status?.initContainerStatuses ?? []).filter(completedOnce).map((s) => s.name),
    );
    for (const row of rows) {
      await this.writer.insertTermination(row, now);
      // A completed init container's log says nothing about a crash: reading it would cost a
      // request per pod at the first list of a cluster whose pods have init containers.
      const worthAHead = !(initDone.has(row.container) && row.exitCode === 0);
      if (type !== 'deleted' && worthAHead) await this.requestLogHead(row);
    }
    this.logHeads.retain(pod.metadata.uid, type === 'deleted' ? [] : rows);
  }

  /**
   * Every run the status shows as terminated gets its log head fetched once — also runs that
   * ended before Podtrail started (the first list) or whose fetch was lost to a restart of it.
   */
  private async requestLogHead(row: TerminationRow): Promise<void> {
    if (this.options.captureLogHeads === false || this.logHeads.has(row)) return;
    if (await this.writer.hasLogHead(row)) this.logHeads.markKnown(row);
    else this.logHeads.request(row);
  }

  /** Whether the cached pod still shows this run where the log endpoint finds it. */
  private isLatestRun(row: TerminationRow): boolean {
    const pod = this.pods?.cache.get(row.podUid);
    if (!pod) return false;
    const statuses: ContainerStatusLike[] = [
      ...(pod.status?.initContainerStatuses ?? []),
      ...(pod.status?.containerStatuses ?? []),
    ];
    const status = statuses.find((s) => s.name === row.container);
    const run = row.previousLog ? status?.lastState?.terminated : status?.state?.terminated;
    return (run?.containerID ?? '') === row.containerID;
  }

  /** A watch that drops and comes back leaves a gap on the timeline. */
  private onHealth(resource: string, state: string, message?: string): void {
    const now = this.scheduler.now();
    const open = this.disconnectedSince.get(resource);
    if ((state === 'stale' || state === 'error') && !open) {
      this.disconnectedSince.set(resource, { at: now, message });
    } else if (state === 'synced' && open) {
      this.disconnectedSince.delete(resource);
      const reason = `${resource} watch disconnected${open.message ? `: ${open.message}` : ''}`;
      this.enqueue(() => this.writer.insertGap(open.at, now, reason));
    }
  }

  private scheduleHeartbeat(): void {
    this.heartbeat = this.scheduler.setTimeout(() => {
      const now = this.scheduler.now();
      this.enqueue(() => this.sessions.beat(now));
      const retention = this.options.retentionMs ?? retentionFromEnv();
      this.enqueue(() =>
        applyRetention(this.options.store, now - retention, now - SAMPLES_KEEP_MS),
      );
      this.scheduleHeartbeat();
    }, this.options.heartbeatMs ?? 30_000);
  }

  private scheduleMemorySample(): void {
    const every = this.options.memorySampleMs ?? SAMPLE_EVERY_MS;
    if (every <= 0) return;
    this.memoryTimer = this.scheduler.setTimeout(() => {
      void this.sampleMemory().finally(() => {
        if (!this.stopped) this.scheduleMemorySample();
      });
    }, every);
  }

  /**
   * One round: the PodMetrics of the namespaces with a crash-looping pod (one cluster-wide list
   * when there are more than a few, so the requests do not grow with them); keeps what matters.
   */
  async sampleMemory(): Promise<void> {
    const pods = this.pods?.cache.list() ?? [];
    const now = this.scheduler.now();
    const namespaces = namespacesToSample(pods, now);
    if (namespaces.length === 0) return;
    const reader = this.options.access.metricsReader(this.options.cluster);
    const usage = await reader
      .podsUsage(namespaces, { maxLists: MAX_NAMESPACE_LISTS })
      .catch(() => undefined);
    if (!usage) return; // not served (or failing): nothing to keep this round
    const rows = samplesToKeep(pods, usage, now);
    if (rows.length > 0)
      this.enqueue(() => insertMemorySamples(this.options.store, this.options.cluster, rows));
  }
}

/** The retention window from PODTRAIL_RETENTION_DAYS (default 14 days). */
export function retentionFromEnv(env: Record<string, string | undefined> = process.env): number {
  const days = Number(env.PODTRAIL_RETENTION_DAYS) || 14;
  return days * 24 * 3600_000;
}
