// One workload's rollout history: ReplicaSet revisions (live and recorded) with what changed in
// the pod template, rollbacks, the pods of each revision (deleted ones too) and their digests.
import {
  diffPodTemplates,
  kubectlStatus,
  revisionOf,
  sortFindings,
  toMs,
  type Finding,
  type PodLike,
  type WorkloadLike,
} from '../diagnosis';
import type { StoredPod, StoredReplicaSet } from '../history';
import { snapshotCluster, type ClusterSnapshot } from './cluster-snapshot';
import { NotFoundError } from './errors';
import { podsOwnedBy, replicaSetsOf } from './owners';
import { diagnoseWithHeads, recordedLogs } from './recorded-logs';
import { getRuntime, type Runtime } from './runtime';
import type { Revision, WorkloadPodRow, WorkloadView } from './types';

/** Names one workload. */
export interface WorkloadRef {
  cluster: string;
  namespace: string;
  kind: string;
  name: string;
}

type Template = NonNullable<WorkloadLike['spec']>['template'];

interface RevisionSource {
  uid: string;
  name: string;
  revision: number;
  revisions: number[];
  createdAt?: number;
  template?: Template;
  replicas: number;
}

function fromLive(rs: WorkloadLike, stored?: StoredReplicaSet): RevisionSource {
  const status = rs.status as { replicas?: number } | undefined;
  return {
    uid: rs.metadata.uid ?? '',
    name: rs.metadata.name ?? '',
    revision: revisionOf(rs) ?? 0,
    revisions: [
      ...(rs.metadata.annotations?.['deployment.kubernetes.io/revision-history'] ?? '')
        .split(',')
        .filter(Boolean)
        .map(Number),
      ...(stored?.revisions ?? []),
    ],
    createdAt: toMs(rs.metadata.creationTimestamp),
    template: rs.spec?.template,
    replicas: status?.replicas ?? 0,
  };
}

function revisionsOf(sources: RevisionSource[], crashedUids: Set<string>): Revision[] {
  const sorted = [...sources].sort((a, b) => a.revision - b.revision);
  return sorted.map((source, index) => {
    const previous = sorted[index - 1];
    const images = (source.template?.spec?.containers ?? []).flatMap((c) =>
      c.image ? [c.image] : [],
    );
    return {
      revision: source.revision,
      replicaSet: source.name,
      createdAt: source.createdAt,
      images,
      replicas: source.replicas,
      changes: previous ? diffPodTemplates(previous.template?.spec, source.template?.spec) : [],
      rolledBackTo: source.revisions.length > 1 || undefined,
      crashed: crashedUids.has(source.uid) || undefined,
    };
  });
}

function podRow(pod: PodLike, revisionByRs: Map<string, number>): WorkloadPodRow {
  const statuses = pod.status?.containerStatuses ?? [];
  const ownerUid = pod.metadata.ownerReferences?.[0]?.uid;
  return {
    name: pod.metadata.name ?? '',
    uid: pod.metadata.uid,
    nodeName: pod.spec?.nodeName,
    // kubectl's STATUS (CrashLoopBackOff), not the phase (Running while crash-looping).
    status: kubectlStatus(pod),
    restarts: statuses.reduce((sum, s) => sum + (s.restartCount ?? 0), 0),
    createdAt: toMs(pod.metadata.creationTimestamp),
    imageDigests: Object.fromEntries(
      statuses.flatMap((s) => (s.imageID ? [[s.name, s.imageID.split('@')[1] ?? s.imageID]] : [])),
    ),
    revision: ownerUid ? revisionByRs.get(ownerUid) : undefined,
  };
}

function deletedRows(
  stored: StoredPod[],
  live: Set<string>,
  revisionByRs: Map<string, number>,
): WorkloadPodRow[] {
  return stored
    .filter((p) => !live.has(p.uid))
    .map((p) => {
      const row = p.lastObject ? podRow(p.lastObject, revisionByRs) : undefined;
      return {
        ...(row ?? { name: p.name, uid: p.uid, restarts: 0, imageDigests: {} }),
        status: 'Deleted',
        deletedAt: p.deletedAt,
        nodeName: p.nodeName,
        createdAt: p.createdAt,
      };
    });
}

async function revisionSources(
  runtime: Runtime,
  ref: WorkloadRef,
  workload: WorkloadLike,
  snapshot: ClusterSnapshot,
): Promise<RevisionSource[]> {
  if (workload.kind !== 'Deployment') return [];
  const history = await runtime.history;
  const liveRs = replicaSetsOf(workload, snapshot.workloads);
  const storedRs = history
    ? await history.reader.replicaSetsOf(ref.cluster, ref.namespace, ref.name)
    : [];
  const stored = (uid?: string) => storedRs.find((s) => s.uid === uid);
  const gone = storedRs.filter((s) => !liveRs.some((rs) => rs.metadata.uid === s.uid));
  return [
    ...liveRs.map((rs) => fromLive(rs, stored(rs.metadata.uid))),
    ...gone.map((s) => ({ ...s, revision: s.revision ?? 0, replicas: 0 })),
  ];
}

/** Owners (ReplicaSet uids) whose pods crashed: live restart counts plus recorded exits. */
async function crashedOwners(
  runtime: Runtime,
  ref: WorkloadRef,
  pods: PodLike[],
  sources: RevisionSource[],
): Promise<Set<string>> {
  const restarted = pods.filter((p) =>
    (p.status?.containerStatuses ?? []).some((s) => (s.restartCount ?? 0) > 0),
  );
  const crashed = new Set(
    restarted.flatMap((p) => p.metadata.ownerReferences?.map((r) => r.uid) ?? []),
  );
  const history = await runtime.history;
  const names = sources.map((s) => s.name);
  const recorded = history
    ? await history.reader.ownersWithFailures(ref.cluster, ref.namespace, names)
    : [];
  for (const source of sources) if (recorded.includes(source.name)) crashed.add(source.uid);
  return crashed;
}

/** Findings over the workload's pods, with the recorder's log heads as the board uses them. */
async function findingsOf(
  runtime: Runtime,
  snapshot: ClusterSnapshot,
  pods: PodLike[],
  now: number,
): Promise<Finding[]> {
  const facts = await recordedLogs(runtime, snapshot, now);
  const findings = new Map<string, Finding>();
  for (const pod of pods) {
    const diagnosis = diagnoseWithHeads(snapshot, pod, facts, now);
    for (const f of diagnosis.findings) if (!findings.has(f.id)) findings.set(f.id, f);
  }
  return sortFindings([...findings.values()]);
}

function findWorkload(snapshot: ClusterSnapshot, ref: WorkloadRef): WorkloadLike {
  const workload = snapshot.workloads.find(
    (w) => w.kind.toLowerCase() === ref.kind.toLowerCase() && w.metadata.name === ref.name,
  );
  if (!workload) {
    const where = `${ref.kind} ${ref.namespace}/${ref.name}`;
    throw new NotFoundError(`${where} is not in cluster "${ref.cluster}".`);
  }
  return workload;
}

/** Throws NotFoundError naming the workload when the cluster does not have it (cheap: caches only). */
export async function requireWorkload(
  ref: WorkloadRef,
  runtime: Runtime = getRuntime(),
): Promise<void> {
  const snapshot = await snapshotCluster(runtime.access, ref.cluster, { namespace: ref.namespace });
  findWorkload(snapshot, ref);
}

/** The workload view; throws NotFoundError when the workload is unknown. */
export async function getWorkloadView(
  ref: WorkloadRef,
  runtime: Runtime = getRuntime(),
): Promise<WorkloadView> {
  const now = runtime.access.scheduler.now();
  const snapshot = await snapshotCluster(runtime.access, ref.cluster, { namespace: ref.namespace });
  const workload = findWorkload(snapshot, ref);
  const sources = await revisionSources(runtime, ref, workload, snapshot);
  const pods = podsOwnedBy(
    snapshot.pods,
    new Set([workload.metadata.uid ?? '', ...sources.map((s) => s.uid)]),
  );
  const revisionByRs = new Map(sources.map((s) => [s.uid, s.revision]));
  const history = await runtime.history;
  const ownerNames = [ref.name, ...sources.map((s) => s.name)];
  const storedPods = history
    ? await history.reader.podsOfOwner(ref.cluster, ref.namespace, ownerNames)
    : [];
  const liveUids = new Set(pods.map((p) => p.metadata.uid ?? ''));
  return {
    cluster: ref.cluster,
    namespace: ref.namespace,
    kind: workload.kind,
    name: ref.name,
    revisions: revisionsOf(sources, await crashedOwners(runtime, ref, pods, sources)),
    pods: [
      ...pods.map((p) => podRow(p, revisionByRs)),
      ...deletedRows(storedPods, liveUids, revisionByRs),
    ],
    findings: await findingsOf(runtime, snapshot, pods, now),
    health: snapshot.health,
    generatedAt: now,
  };
}
