// Walks ownerReferences through the cached workloads (by uid): Pod → ReplicaSet → Deployment.
import type { PodLike, WorkloadLike } from '../diagnosis';

/** The owner chain of an object, nearest first (workloads, or a lookup of a workload by uid). */
export function ownerChain(
  meta: PodLike['metadata'],
  workloads: WorkloadLike[] | ((uid: string) => WorkloadLike | undefined),
): WorkloadLike[] {
  const find =
    typeof workloads === 'function'
      ? workloads
      : (uid: string) => workloads.find((w) => w.metadata.uid === uid);
  const chain: WorkloadLike[] = [];
  let current = meta;
  for (let depth = 0; depth < 4; depth += 1) {
    const ref =
      (current.ownerReferences ?? []).find((r) => r.controller) ?? current.ownerReferences?.[0];
    if (!ref) break;
    const owner = find(ref.uid);
    if (!owner) break;
    chain.push(owner);
    current = owner.metadata;
  }
  return chain;
}

/** The top-level workload of a pod ({kind, name}), from the chain or the first ownerReference. */
export function topWorkload(
  pod: PodLike,
  chain: WorkloadLike[],
): { kind: string; name: string } | undefined {
  const top = chain[chain.length - 1];
  if (top?.metadata.name) return { kind: top.kind, name: top.metadata.name };
  const ref = pod.metadata.ownerReferences?.[0];
  return ref ? { kind: ref.kind, name: ref.name } : undefined;
}

/** ReplicaSets owned by a Deployment (its revisions). */
export function replicaSetsOf(deployment: WorkloadLike, workloads: WorkloadLike[]): WorkloadLike[] {
  return workloads.filter(
    (w) =>
      w.kind === 'ReplicaSet' &&
      (w.metadata.ownerReferences ?? []).some((r) => r.uid === deployment.metadata.uid),
  );
}

/** Pods controlled by any of the given owner uids. */
export function podsOwnedBy(pods: PodLike[], ownerUids: Set<string>): PodLike[] {
  return pods.filter((p) => (p.metadata.ownerReferences ?? []).some((r) => ownerUids.has(r.uid)));
}

/** Events about one pod (by uid, or by name in its namespace). */
export function eventsOfPod<
  E extends { involvedObject?: { kind?: string; name?: string; uid?: string; namespace?: string } },
>(events: E[], pod: PodLike): E[] {
  return events.filter((e) => {
    const o = e.involvedObject;
    if (!o || (o.kind && o.kind !== 'Pod')) return false;
    if (o.uid && pod.metadata.uid) return o.uid === pod.metadata.uid;
    return o.name === pod.metadata.name && o.namespace === pod.metadata.namespace;
  });
}
