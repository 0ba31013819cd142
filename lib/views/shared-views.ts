// Views computed once per change and shared by every viewer. A view is keyed by what it shows
// (board filters, one pod) and by the revision of the caches it reads (plus the recorder's log
// heads); every request and live stream at that revision gets the same promise, so a view costs
// one computation — and each per-pod read behind it (logs, metrics, registry) one request —
// however many people look. The board functions themselves stay in board-view.ts / pod-view.ts.
import { getBoardView as computeBoardView, type BoardFilters } from './board-view';
import { getPodView as computePodView, type PodRef } from './pod-view';
import { getRuntime, type Runtime } from './runtime';
import { ViewMemo } from './view-memo';
import type { BoardView, PodView } from './types';

/**
 * An HTTP request takes the last view finished this recently (plus three times what it cost),
 * even if a change came in since (the change starts a computation in the background for the next
 * caller): on a busy cluster changes come faster than a big board computes, and a request waiting
 * for each recomputation would take as long as the computation itself. The view says when it was
 * made, and a page's live stream brings the newer one at once.
 */
const requestReuseMs = 3_000;

interface Shared {
  memo: ViewMemo;
  logHeads: number;
  /** Alert deliveries so far: a pod view shows its alerts, so one is a new revision of it. */
  alerts: number;
}

const shared = new WeakMap<Runtime, Shared>();

function sharedOf(runtime: Runtime): Shared {
  let state = shared.get(runtime);
  if (!state) {
    const made: Shared = {
      memo: new ViewMemo(() => runtime.access.scheduler.now()),
      logHeads: 0,
      alerts: 0,
    };
    runtime.logHeadListeners.add(() => (made.logHeads += 1));
    runtime.alertListeners.add(() => (made.alerts += 1));
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
    `${revisionOf(runtime, known, state.logHeads)}|${state.alerts}`,
    () => computePodView(ref, runtime),
    { reuseWithinMs: options.live ? undefined : requestReuseMs },
  );
}
