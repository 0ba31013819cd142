// Views computed once per change and shared by every viewer. A view is keyed by what it shows
// (board filters, one pod) and by the revision of the caches it reads (plus the recorder's log
// heads); every request and live stream at that revision gets the same promise, so a view costs
// one computation — and each per-pod read behind it (logs, metrics, registry) one request —
// however many people look. The board functions themselves stay in board-view.ts / pod-view.ts.
import { getBoardView as computeBoardView, type BoardFilters } from './board-view';
import { getPodView as computePodView, type PodRef } from './pod-view';
import { getRuntime, type Runtime } from './runtime';
import type { BoardView, PodView } from './types';

/** How long a view is served unchanged at most (its clocks — "next retry in" — move on). */
const maxAgeMs = 2_000;
/**
 * An HTTP request takes a view being computed, or one begun this recently, even if a change came
 * in since: on a busy cluster changes come faster than a big board computes, and starting a
 * computation per request would queue them all behind each other.
 */
const requestReuseMs = 1_000;

interface Entry {
  revision: string;
  at: number;
  value: Promise<unknown>;
  /** Still computing: a request joins it rather than start a second computation. */
  pending: boolean;
}

/** A memo of views of one runtime: single-flight per key and revision, short-lived. */
export class ViewMemo {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly now: () => number) {}

  /** The view under `key` at `revision`, computing it only when nobody has (or is). */
  get<T>(
    key: string,
    revision: string,
    compute: () => Promise<T>,
    options: { reuseWithinMs?: number } = {},
  ): Promise<T> {
    const now = this.now();
    for (const [k, e] of this.entries)
      if (!e.pending && now - e.at >= maxAgeMs) this.entries.delete(k);
    const hit = this.entries.get(key);
    const reuse = options.reuseWithinMs;
    const fresh =
      hit &&
      (hit.revision === revision || (reuse !== undefined && (hit.pending || now - hit.at < reuse)));
    if (hit && fresh) return hit.value as Promise<T>;
    const value = compute();
    const entry: Entry = { revision, at: now, value, pending: true };
    this.entries.set(key, entry);
    value.then(
      () => (entry.pending = false),
      () => {
        if (this.entries.get(key) === entry) this.entries.delete(key);
      },
    );
    return value;
  }
}

interface Shared {
  memo: ViewMemo;
  logHeads: number;
}

const shared = new WeakMap<Runtime, Shared>();

function sharedOf(runtime: Runtime): Shared {
  let state = shared.get(runtime);
  if (!state) {
    const made: Shared = { memo: new ViewMemo(() => runtime.access.scheduler.now()), logHeads: 0 };
    runtime.logHeadListeners.add(() => (made.logHeads += 1));
    shared.set(runtime, made);
    state = made;
  }
  return state;
}

function revisionOf(runtime: Runtime, clusters: string[], logHeads: number): string {
  return `${clusters.map((c) => runtime.access.caches.revision(c)).join(',')}|${logHeads}`;
}

/** How a caller waits: a live stream wants the change it was told about, a request any recent view. */
export interface ShareOptions {
  /** Live streams recompute after a change and must not join a computation begun before it. */
  live?: boolean;
}

/** The board for the given filters, shared by every viewer at the caches' revision. */
export function getBoardView(
  filters: BoardFilters = {},
  runtime: Runtime = getRuntime(),
  options: ShareOptions = {},
): Promise<BoardView> {
  const state = sharedOf(runtime);
  const clusters = runtime.access.clusters
    .map((c) => c.name)
    .filter((name) => !filters.cluster || name === filters.cluster);
  const key = `board:${filters.cluster ?? ''}/${filters.namespace ?? ''}/${filters.severity ?? ''}`;
  return state.memo.get(
    key,
    revisionOf(runtime, clusters, state.logHeads),
    () => computeBoardView(filters, runtime),
    { reuseWithinMs: options.live ? undefined : requestReuseMs },
  );
}

/** One pod's view, shared by every viewer of that pod at the caches' revision. */
export function getPodView(
  ref: PodRef,
  runtime: Runtime = getRuntime(),
  options: ShareOptions = {},
): Promise<PodView> {
  const state = sharedOf(runtime);
  const known = runtime.access.caches.cluster(ref.cluster) ? [ref.cluster] : [];
  return state.memo.get(
    `pod:${ref.cluster}/${ref.namespace}/${ref.name}`,
    revisionOf(runtime, known, state.logHeads),
    () => computePodView(ref, runtime),
    { reuseWithinMs: options.live ? undefined : requestReuseMs },
  );
}
