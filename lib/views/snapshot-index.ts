// Lookups over one cluster snapshot, built once per snapshot: the events of a pod, a workload by
// uid, the pods and ReplicaSets an owner controls. The board asks these for every pod; scanning
// the arrays each time is O(pods × (pods + events)), minutes at 10,000 pods. Each answer is the
// same, in the same order, as the scans in owners.ts (eventsOfPod, ownerChain, podsOwnedBy,
// replicaSetsOf) would give.
import type { EventLike, LimitRangeLike, PodLike, WorkloadLike } from '../diagnosis';
import type { ClusterSnapshot } from './cluster-snapshot';
import { ownerChain } from './owners';

/** The lookups of one snapshot. */
export interface SnapshotIndex {
  /** Events about a pod: by uid, or by namespace/name for events without one (in list order). */
  eventsOfPod(pod: PodLike): EventLike[];
  /** The first workload with this uid. */
  workload(uid: string): WorkloadLike | undefined;
  /** Pods with an ownerReference to this uid, in list order. */
  podsOwnedBy(uid: string): PodLike[];
  /** ReplicaSets with an ownerReference to this uid, in list order. */
  replicaSetsOf(uid: string): WorkloadLike[];
  /** LimitRanges of a namespace. */
  limitRanges(namespace: string | undefined): LimitRangeLike[];
  /**
   * A pod's owner chain (ownerChain's answer) and its Deployment's ReplicaSets (undefined without
   * a Deployment; [] for one without uid), shared by every pod of the same owner.
   */
  ownersOf(meta: PodLike['metadata']): OwnerFacts;
}

/** What cacheInput takes from a pod's owners. */
export interface OwnerFacts {
  owners: WorkloadLike[];
  revisions: WorkloadLike[] | undefined;
}

const built = new WeakMap<ClusterSnapshot, SnapshotIndex>();

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

type Positioned = { at: number; event: EventLike };

function indexEvents(events: EventLike[]) {
  const byUid = new Map<string, Positioned[]>();
  const byName = new Map<string, Positioned[]>();
  const withUidByName = new Map<string, Positioned[]>();
  events.forEach((event, at) => {
    const o = event.involvedObject;
    if (!o || (o.kind && o.kind !== 'Pod')) return;
    const name = `${o.namespace ?? ''}/${o.name ?? ''}`;
    if (o.uid) {
      push(byUid, o.uid, { at, event });
      push(withUidByName, name, { at, event });
    } else push(byName, name, { at, event });
  });
  return (pod: PodLike): EventLike[] => {
    const uid = pod.metadata.uid;
    // The common case: every event names its pod's uid.
    if (uid && byName.size === 0) return byUid.get(uid)?.map((p) => p.event) ?? [];
    const name = `${pod.metadata.namespace ?? ''}/${pod.metadata.name ?? ''}`;
    // A pod without a uid matches every event by name, as eventsOfPod does.
    const first = uid ? (byUid.get(uid) ?? []) : (withUidByName.get(name) ?? []);
    const second = byName.get(name) ?? [];
    if (second.length === 0) return first.map((p) => p.event);
    if (first.length === 0) return second.map((p) => p.event);
    return [...first, ...second].sort((a, b) => a.at - b.at).map((p) => p.event);
  };
}

// Files an object under each distinct uid its ownerReferences name (usually exactly one).
function pushByOwner<V extends { metadata: PodLike['metadata'] }>(
  map: Map<string, V[]>,
  value: V,
): void {
  const refs = value.metadata.ownerReferences ?? [];
  for (let i = 0; i < refs.length; i++) {
    const uid = (refs[i] as { uid: string }).uid;
    let seen = false;
    for (let j = 0; j < i && !seen; j++) seen = refs[j]?.uid === uid;
    if (!seen) push(map, uid, value);
  }
}

// The owner facts of every pod whose controller (or first owner) is `uid`, computed once.
function ownerFacts(
  lookup: (uid: string) => WorkloadLike | undefined,
  replicaSetsOf: (uid: string) => WorkloadLike[],
) {
  const byOwner = new Map<string, OwnerFacts>();
  const none = (): OwnerFacts => ({ owners: [], revisions: undefined });
  return (meta: PodLike['metadata']): OwnerFacts => {
    const refs = meta.ownerReferences ?? [];
    const ref = refs.find((r) => r.controller) ?? refs[0];
    if (!ref) return none();
    let facts = byOwner.get(ref.uid);
    if (!facts) {
      const owner = lookup(ref.uid);
      const owners = owner ? [owner, ...ownerChain(owner.metadata, lookup).slice(0, 3)] : [];
      const deployment = owners.find((o) => o.kind === 'Deployment');
      const revisions = deployment?.metadata.uid
        ? replicaSetsOf(deployment.metadata.uid)
        : deployment
          ? []
          : undefined;
      byOwner.set(ref.uid, (facts = { owners, revisions }));
    }
    return facts;
  };
}

function build(snapshot: ClusterSnapshot): SnapshotIndex {
  const workloads = new Map<string, WorkloadLike>();
  const replicaSets = new Map<string, WorkloadLike[]>();
  for (const w of snapshot.workloads) {
    if (w.metadata.uid && !workloads.has(w.metadata.uid)) workloads.set(w.metadata.uid, w);
    if (w.kind === 'ReplicaSet') pushByOwner(replicaSets, w);
  }
  const pods = new Map<string, PodLike[]>();
  for (const p of snapshot.pods) pushByOwner(pods, p);
  const limitRanges = new Map<string | undefined, LimitRangeLike[]>();
  for (const l of snapshot.limitRanges) push(limitRanges, l.metadata?.namespace, l);
  const eventsOfPod = indexEvents(snapshot.events);
  const workload = (uid: string) => workloads.get(uid);
  const replicaSetsOf = (uid: string) => replicaSets.get(uid) ?? [];
  return {
    eventsOfPod,
    workload,
    podsOwnedBy: (uid) => pods.get(uid) ?? [],
    replicaSetsOf,
    limitRanges: (namespace) => limitRanges.get(namespace) ?? [],
    ownersOf: ownerFacts(workload, replicaSetsOf),
  };
}

/** The lookups of a snapshot (built on first use, then kept as long as the snapshot). */
export function snapshotIndex(snapshot: ClusterSnapshot): SnapshotIndex {
  let index = built.get(snapshot);
  if (!index) built.set(snapshot, (index = build(snapshot)));
  return index;
}
