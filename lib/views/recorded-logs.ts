// What the recorder kept that views diagnosing many pods at once need: the previous-log heads it
// captured and the pods replaced while crash-looping (so a reset back-off and the restarts of the
// replaced pods are on the board, not only on the pod page).
import {
  completedOnce,
  diagnosePod,
  type ContainerStatusLike,
  type DiagnosisInput,
  type HistoryInput,
  type PodLike,
  type RecordedPod,
  type RecordedTermination,
} from '../diagnosis';
import { cacheInput } from './assemble-input';
import type { ClusterSnapshot } from './cluster-snapshot';
import type { Runtime } from './runtime';

/** Whether a container has a run the recorder may have kept a log head of. */
function hasTerminatedRun(s: ContainerStatusLike): boolean {
  return (s.restartCount ?? 0) > 0 || Boolean(s.lastState?.terminated || s.state?.terminated);
}

/**
 * Whether the pod has a run worth its captured log head: any container's, except an init
 * container that completed once with exit 0 — what every pod with an init container shows, which
 * would have the board ask the store for nearly every pod's heads.
 */
export function hasTerminated(pod: PodLike): boolean {
  return (
    (pod.status?.initContainerStatuses ?? []).some(
      (s) => hasTerminatedRun(s) && !completedOnce(s),
    ) || (pod.status?.containerStatuses ?? []).some(hasTerminatedRun)
  );
}

/** The recorded facts of many pods: log heads by pod uid and container, and deleted pods. */
export interface RecordedFacts {
  heads: Map<string, Record<string, string>>;
  deleted: Required<Pick<HistoryInput, 'pods' | 'terminations'>>;
  /** Live pods' terminations of the last hour (the kiosk's restarts per workload). */
  recent: RecordedTermination[];
}

/** How far back the board's restart counts per workload look. */
export const RECENT_WINDOW_MS = 3600_000;

function controllerName(pod: PodLike): string | undefined {
  const refs = pod.metadata.ownerReferences ?? [];
  return (refs.find((r) => r.controller) ?? refs[0])?.name;
}

/**
 * Captured previous-log heads and deleted pods of the snapshot's owners. Views that diagnose many
 * pods (the board, a workload) read no logs from the API server — that would cost a request per
 * crashing pod per update — but what the recorder captured at each termination.
 */
export async function recordedLogs(
  runtime: Runtime,
  snapshot: ClusterSnapshot,
  now: number,
): Promise<RecordedFacts> {
  const empty: RecordedFacts = {
    heads: new Map(),
    deleted: { pods: [], terminations: [] },
    recent: [],
  };
  const history = await runtime.history;
  if (!history) return empty;
  const uids = snapshot.pods
    .filter(hasTerminated)
    .flatMap((p) => (p.metadata.uid ? [p.metadata.uid] : []));
  const owners = [...new Set(snapshot.pods.flatMap((p) => controllerName(p) ?? []))];
  const since = now - RECENT_WINDOW_MS;
  const [heads, deleted, recent] = await Promise.all([
    uids.length === 0
      ? empty.heads
      : history.reader.latestLogHeads(snapshot.cluster, uids).catch(() => empty.heads),
    history.reader.deletedPodHistory(snapshot.cluster, owners).catch(() => empty.deleted),
    history.reader.recentTerminations(snapshot.cluster, uids, since).catch(() => empty.recent),
  ]);
  return { heads, deleted, recent };
}

/** The recorded facts by owner and pod, in the order recorded (one pass, not one per pod). */
interface FactsIndex {
  /** Deleted pods by owner name. */
  deletedOf: Map<string, RecordedPod[]>;
  /** Terminations of the deleted pods, by their owner's name. */
  replacedRunsOf: Map<string, RecordedTermination[]>;
  /** Recent terminations by live pod uid. */
  recentOf: Map<string, RecordedTermination[]>;
}

const indexes = new WeakMap<RecordedFacts, FactsIndex>();

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function indexOf(facts: RecordedFacts): FactsIndex {
  let index = indexes.get(facts);
  if (index) return index;
  index = { deletedOf: new Map(), replacedRunsOf: new Map(), recentOf: new Map() };
  const ownerOf = new Map<string, string>();
  for (const p of facts.deleted.pods) {
    if (p.ownerName === undefined) continue;
    push(index.deletedOf, p.ownerName, p);
    ownerOf.set(p.uid, p.ownerName);
  }
  for (const t of facts.deleted.terminations) {
    const owner = ownerOf.get(t.podUid);
    if (owner !== undefined) push(index.replacedRunsOf, owner, t);
  }
  for (const t of facts.recent) push(index.recentOf, t.podUid, t);
  indexes.set(facts, index);
  return index;
}

/** A pod's cache input with the captured log heads as previous logs and the pods it replaced. */
export function inputWithHeads(
  snapshot: ClusterSnapshot,
  pod: PodLike,
  facts: RecordedFacts,
  now: number,
): DiagnosisInput {
  const input = cacheInput(snapshot, pod, now);
  const { deleted, recent, heads: allHeads } = facts;
  // Without history (or nothing recorded) the board's input is the cache's.
  if (deleted.pods.length + recent.length + allHeads.size === 0) return input;
  const owner = controllerName(pod);
  const index = indexOf(facts);
  const pods = (owner !== undefined && index.deletedOf.get(owner)) || [];
  const replacedRuns = (owner !== undefined && index.replacedRunsOf.get(owner)) || [];
  const own = index.recentOf.get(pod.metadata.uid ?? '') ?? [];
  const history =
    pods.length || own.length
      ? { pods: [...pods], terminations: [...replacedRuns, ...own] }
      : undefined;
  const heads = facts.heads.get(pod.metadata.uid ?? '');
  const logs = heads
    ? Object.fromEntries(
        Object.entries(heads).map(([container, head]) => [
          container,
          { previous: head, previousTruncated: true },
        ]),
      )
    : undefined;
  return { ...input, ...(logs ? { logs } : {}), ...(history ? { history } : {}) };
}

/** diagnosePod with the captured log heads as previous logs and the pods it replaced. */
export function diagnoseWithHeads(
  snapshot: ClusterSnapshot,
  pod: PodLike,
  facts: RecordedFacts,
  now: number,
) {
  return diagnosePod(inputWithHeads(snapshot, pod, facts, now));
}
