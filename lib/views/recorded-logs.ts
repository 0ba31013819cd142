// What the recorder kept that views diagnosing many pods at once need: the previous-log heads it
// captured and the pods replaced while crash-looping (so a reset back-off and the restarts of the
// replaced pods are on the board, not only on the pod page).
import {
  diagnosePod,
  type DiagnosisInput,
  type HistoryInput,
  type PodLike,
  type RecordedTermination,
} from '../diagnosis';
import { cacheInput } from './assemble-input';
import type { ClusterSnapshot } from './cluster-snapshot';
import type { Runtime } from './runtime';

function hasTerminated(pod: PodLike): boolean {
  const statuses = [
    ...(pod.status?.initContainerStatuses ?? []),
    ...(pod.status?.containerStatuses ?? []),
  ];
  return statuses.some(
    (s) => (s.restartCount ?? 0) > 0 || s.lastState?.terminated || s.state?.terminated,
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

interface FactsIndex {
  /** Deleted pods of an owner and their terminations (each in recorded order), by owner name. */
  deletedOf(owner: string): {
    pods: RecordedFacts['deleted']['pods'];
    terminations: RecordedTermination[];
  };
  /** A live pod's recent terminations, in recorded order. */
  recentOf(uid: string | undefined): RecordedTermination[];
}

const indexes = new WeakMap<RecordedFacts, FactsIndex>();

// The board asks for every pod: grouped once per computation instead of a scan per pod.
function indexFacts(facts: RecordedFacts): FactsIndex {
  let index = indexes.get(facts);
  if (index) return index;
  const recent = new Map<string, RecordedTermination[]>();
  for (const t of facts.recent) {
    const list = recent.get(t.podUid);
    if (list) list.push(t);
    else recent.set(t.podUid, [t]);
  }
  const byOwner = new Map<string, ReturnType<FactsIndex['deletedOf']>>();
  index = {
    deletedOf: (owner) => {
      let found = byOwner.get(owner);
      if (!found) {
        const pods = facts.deleted.pods.filter((p) => p.ownerName === owner);
        const uids = new Set(pods.map((p) => p.uid));
        const terminations = facts.deleted.terminations.filter((t) => uids.has(t.podUid));
        byOwner.set(owner, (found = { pods, terminations }));
      }
      return found;
    },
    recentOf: (uid) => (uid === undefined ? [] : (recent.get(uid) ?? [])),
  };
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
  const index = indexFacts(facts);
  const owner = controllerName(pod);
  const deletedOfOwner = owner === undefined ? undefined : index.deletedOf(owner);
  const pods = deletedOfOwner?.pods ?? [];
  const own = index.recentOf(pod.metadata.uid);
  const history =
    pods.length || own.length
      ? { pods, terminations: [...(deletedOfOwner?.terminations ?? []), ...own] }
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
