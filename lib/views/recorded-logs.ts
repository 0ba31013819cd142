// The previous-log heads the recorder captured, for views that diagnose many pods at once.
import { diagnosePod, type PodLike } from '../diagnosis';
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

/**
 * Captured previous-log heads by pod uid, then container. Views that diagnose many pods (the board,
 * a workload) read no logs from the API server — that would cost a request per crashing pod per
 * update — but the head of the previous log the recorder captured at each termination.
 */
export async function recordedLogs(runtime: Runtime, snapshot: ClusterSnapshot) {
  const history = await runtime.history;
  const uids = snapshot.pods
    .filter(hasTerminated)
    .flatMap((p) => (p.metadata.uid ? [p.metadata.uid] : []));
  if (!history || uids.length === 0) return new Map<string, Record<string, string>>();
  return history.reader
    .latestLogHeads(snapshot.cluster, uids)
    .catch(() => new Map<string, Record<string, string>>());
}

/** diagnosePod with the captured log heads as each container's (truncated) previous log. */
export function diagnoseWithHeads(
  snapshot: ClusterSnapshot,
  pod: PodLike,
  heads: Record<string, string> | undefined,
  now: number,
) {
  const input = cacheInput(snapshot, pod, now);
  if (!heads) return diagnosePod(input);
  const logs = Object.fromEntries(
    Object.entries(heads).map(([container, head]) => [
      container,
      { previous: head, previousTruncated: true },
    ]),
  );
  return diagnosePod({ ...input, logs });
}
