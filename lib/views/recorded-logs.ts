// What the recorder kept that views diagnosing many pods at once need: the previous-log heads it
// captured and the pods replaced while crash-looping (so a reset back-off and the restarts of the
// replaced pods are on the board, not only on the pod page).
import { diagnosePod, type HistoryInput, type PodLike } from '../diagnosis';
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
}

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
): Promise<RecordedFacts> {
  const empty: RecordedFacts = { heads: new Map(), deleted: { pods: [], terminations: [] } };
  const history = await runtime.history;
  if (!history) return empty;
  const uids = snapshot.pods
    .filter(hasTerminated)
    .flatMap((p) => (p.metadata.uid ? [p.metadata.uid] : []));
  const owners = [...new Set(snapshot.pods.flatMap((p) => controllerName(p) ?? []))];
  const [heads, deleted] = await Promise.all([
    uids.length === 0
      ? empty.heads
      : history.reader.latestLogHeads(snapshot.cluster, uids).catch(() => empty.heads),
    history.reader.deletedPodHistory(snapshot.cluster, owners).catch(() => empty.deleted),
  ]);
  return { heads, deleted };
}

/** diagnosePod with the captured log heads as previous logs and the pods it replaced. */
export function diagnoseWithHeads(
  snapshot: ClusterSnapshot,
  pod: PodLike,
  facts: RecordedFacts,
  now: number,
) {
  const input = cacheInput(snapshot, pod, now);
  const owner = controllerName(pod);
  const pods = facts.deleted.pods.filter((p) => owner !== undefined && p.ownerName === owner);
  const uids = new Set(pods.map((p) => p.uid));
  const history = pods.length
    ? { pods, terminations: facts.deleted.terminations.filter((t) => uids.has(t.podUid)) }
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
  return diagnosePod({ ...input, ...(logs ? { logs } : {}), ...(history ? { history } : {}) });
}
