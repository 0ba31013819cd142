// Deployment revisions from ReplicaSets: `deployment.kubernetes.io/revision` numbers the
// revision; a rollback (kubectl rollout undo) reuses the old ReplicaSet, gives it the newest
// number and records its old numbers in `deployment.kubernetes.io/revision-history`
// (pkg/controller/deployment/util/deployment_util.go SetNewReplicaSetAnnotations).
import type { DiagnosisInput, WorkloadLike } from './types';

const REVISION = 'deployment.kubernetes.io/revision';
const REVISION_HISTORY = 'deployment.kubernetes.io/revision-history';

/** The revision number of a ReplicaSet: a whole number from 1 up (the controller starts at 1). */
export function revisionOf(rs: WorkloadLike): number | undefined {
  const n = Number(rs.metadata.annotations?.[REVISION]);
  return Number.isSafeInteger(n) && n > 0 ? n : undefined;
}

/** Earlier revision numbers a reused ReplicaSet had (non-empty after a rollback to it). */
export function revisionHistoryOf(rs: WorkloadLike): number[] {
  const raw = rs.metadata.annotations?.[REVISION_HISTORY];
  return raw
    ? raw
        .split(',')
        .map(Number)
        .filter((n) => Number.isFinite(n))
    : [];
}

/** All known ReplicaSets of the workload (owners and revisions), newest revision first, deduped by name. */
export function replicaSets(input: DiagnosisInput): WorkloadLike[] {
  const all = [...(input.owners ?? []), ...(input.revisions ?? [])].filter(
    (w) => w.kind === 'ReplicaSet',
  );
  const byName = new Map<string, WorkloadLike>();
  for (const rs of all) byName.set(rs.metadata.name ?? rs.metadata.uid ?? '', rs);
  return [...byName.values()].sort((a, b) => (revisionOf(b) ?? 0) - (revisionOf(a) ?? 0));
}

/** The ReplicaSet that owns the pod, if given. */
export function ownReplicaSet(input: DiagnosisInput): WorkloadLike | undefined {
  const ref = input.pod.metadata.ownerReferences?.find((o) => o.kind === 'ReplicaSet');
  if (!ref) return undefined;
  return replicaSets(input).find(
    (rs) => rs.metadata.name === ref.name || rs.metadata.uid === ref.uid,
  );
}

/** The revision just before the given one (the one the pod's template replaced). */
export function previousRevision(
  input: DiagnosisInput,
  current: WorkloadLike,
): WorkloadLike | undefined {
  const n = revisionOf(current);
  if (n === undefined) return undefined;
  return replicaSets(input).find((rs) => rs !== current && (revisionOf(rs) ?? 0) < n);
}
