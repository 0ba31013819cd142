// Fetches the head of a terminated run's log once per termination: bounded concurrency, a bounded
// queue, deduped by containerID, and every failure reported once and never retried in a loop.
// The kubelet keeps only the latest terminated container's log (`--previous`), so a fetch must
// happen while that run is still the container's lastState; `isCurrent` is asked just before.
import type { PodLog, PodLogRequest } from '../k8s';
import { headOfLog } from '../k8s';
import type { TerminationRow } from './extract';

/** What a capture needs from its owner (the recorder). */
export interface LogHeadCaptureOptions {
  read(request: PodLogRequest): Promise<PodLog>;
  /** Whether the run is still the one the log endpoint answers for (lastState or state). */
  isCurrent(row: TerminationRow): boolean;
  /** Called with the head of the run's log. */
  onCaptured(row: TerminationRow, head: string): void;
  /** Called once when the log could not be fetched; the termination is not tried again. */
  onFailed(row: TerminationRow, reason: string): void;
  /** Fetches at a time (default 4). */
  concurrency?: number;
  /** Queued fetches beyond which new ones fail at once (default 1000). */
  maxQueued?: number;
  /** Bytes asked of the API server per log (default 8 KiB). */
  limitBytes?: number;
}

/** The key a termination is fetched once under: its containerID, else pod/container/run. */
export function logHeadKey(row: TerminationRow): string {
  return row.containerID || `${row.podUid}/${row.container}#${row.restartCount}`;
}

/** A queue of log-head fetches, each termination at most once. */
export class LogHeadCapture {
  /** Keys seen, per pod uid: only runs its status still shows, so memory stays bounded. */
  private readonly known = new Map<string, Set<string>>();
  private readonly queued: TerminationRow[] = [];
  private active = 0;
  private idle: Array<() => void> = [];
  private stopped = false;

  constructor(private readonly options: LogHeadCaptureOptions) {}

  /** Whether this termination was captured, tried or queued already. */
  has(row: TerminationRow): boolean {
    return this.known.get(row.podUid)?.has(logHeadKey(row)) ?? false;
  }

  /** Remembers a termination whose head is already stored (so it is never fetched). */
  markKnown(row: TerminationRow): void {
    const keys = this.known.get(row.podUid) ?? new Set<string>();
    this.known.set(row.podUid, keys.add(logHeadKey(row)));
  }

  /**
   * Forgets the pod's runs its status no longer shows (a containerID never comes back), or the
   * whole pod when `rows` is empty because it was deleted.
   */
  retain(podUid: string, rows: TerminationRow[]): void {
    const keep = new Set(rows.map(logHeadKey));
    const keys = this.known.get(podUid);
    for (const key of keys ?? []) if (!keep.has(key)) keys?.delete(key);
    if (keys?.size === 0) this.known.delete(podUid);
  }

  /** Queues a fetch unless this termination was seen before; true when queued. */
  request(row: TerminationRow): boolean {
    if (this.stopped || this.has(row)) return false;
    this.markKnown(row);
    if (this.queued.length >= (this.options.maxQueued ?? 1000)) {
      this.options.onFailed(row, 'log-head queue full');
      return false;
    }
    this.queued.push(row);
    this.pump();
    return true;
  }

  /** Resolves when nothing is queued or in flight. */
  whenIdle(): Promise<void> {
    if (this.active === 0 && this.queued.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idle.push(resolve));
  }

  /** Drops what is queued; fetches in flight finish but report nothing. */
  stop(): void {
    this.stopped = true;
    this.queued.length = 0;
    if (this.active === 0) this.settle();
  }

  private pump(): void {
    const limit = this.options.concurrency ?? 4;
    while (!this.stopped && this.active < limit && this.queued.length > 0) {
      const row = this.queued.shift() as TerminationRow;
      this.active += 1;
      void this.fetch(row).finally(() => {
        this.active -= 1;
        this.pump();
        if (this.active === 0 && this.queued.length === 0) this.settle();
      });
    }
  }

  private settle(): void {
    for (const resolve of this.idle.splice(0)) resolve();
  }

  private async fetch(row: TerminationRow): Promise<void> {
    const fail = (reason: string) => {
      if (!this.stopped) this.options.onFailed(row, reason);
    };
    if (!this.options.isCurrent(row)) return fail('superseded before its log was fetched');
    let log: PodLog;
    try {
      log = await this.options.read({
        namespace: row.namespace,
        pod: row.podName,
        container: row.container,
        previous: row.previousLog,
        limitBytes: this.options.limitBytes ?? 8192,
      });
    } catch (error) {
      return fail(error instanceof Error ? error.message : String(error));
    }
    if (log.error !== undefined) return fail(log.error);
    // A restart during the fetch makes `--previous` name a newer run: keep nothing rather than
    // file one run's log under another.
    if (!this.options.isCurrent(row)) return fail('superseded while its log was fetched');
    if (!this.stopped) this.options.onCaptured(row, headOfLog(log.text ?? ''));
  }
}
