// Lookups over one cluster snapshot, built once per snapshot: the events of a pod, a workload by
// uid, the pods and ReplicaSets an owner controls. The board asks these for every pod; scanning
// the arrays each time is O(pods × (pods + events)), minutes at 10,000 pods. Each answer is the
// same, in the same order, as the scans in owners.ts (eventsOfPod, ownerChain, podsOwnedBy,
// replicaSetsOf) would give.
import type { EventLike, LimitRangeLike, PodLike, WorkloadLike } from '../diagnosis';
import type { ClusterSnapshot } from './cluster-snapshot';

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
    const name = `${pod.metadata.namespace ?? ''}/${pod.metadata.name ?? ''}`;
    const uid = pod.metadata.uid;
    // A pod without a uid matches every event by name, as eventsOfPod does.
    const first = uid ? (byUid.get(uid) ?? []) : (withUidByName.get(name) ?? []);
    const second = byName.get(name) ?? [];
    if (second.length === 0) return first.map((p) => p.event);
    if (first.length === 0) return second.map((p) => p.event);
    return [...first, ...second].sort((a, b) => a.at - b.at).map((p) => p.event);
  };
}

function build(snapshot: ClusterSnapshot): SnapshotIndex {
  const workloads = new Map<string, WorkloadLike>();
  const replicaSets = new Map<string, WorkloadLike[]>();
  for (const w of snapshot.workloads) {
    if (w.metadata.uid && !workloads.has(w.metadata.uid)) workloads.set(w.metadata.uid, w);
    if (w.kind !== 'ReplicaSet') continue;
    const owners = new Set((w.metadata.ownerReferences ?? []).map((r) => r.uid));
    for (const uid of owners) push(replicaSets, uid, w);
  }
  const pods = new Map<string, PodLike[]>();
  for (const p of snapshot.pods) {
    const owners = new Set((p.metadata.ownerReferences ?? []).map((r) => r.uid));
    for (const uid of owners) push(pods, uid, p);
  }
  const limitRanges = new Map<string | undefined, LimitRangeLike[]>();
  for (const l of snapshot.limitRanges) push(limitRanges, l.metadata?.namespace, l);
  const eventsOfPod = indexEvents(snapshot.events);
  return {
    eventsOfPod,
    workload: (uid) => workloads.get(uid),
    podsOwnedBy: (uid) => pods.get(uid) ?? [],
    replicaSetsOf: (uid) => replicaSets.get(uid) ?? [],
    limitRanges: (namespace) => limitRanges.get(namespace) ?? [],
  };
}

/** The lookups of a snapshot (built on first use, then kept as long as the snapshot). */
export function snapshotIndex(snapshot: ClusterSnapshot): SnapshotIndex {
  let index = built.get(snapshot);
  if (!index) built.set(snapshot, (index = build(snapshot)));
  return index;
}
