// Which earlier pods a pod replaced. A controller (ReplicaSet, StatefulSet, …) creates a
// replacement as soon as a pod is deleted (a terminating pod no longer counts as a replica), so
// a deleted pod of the same owner whose deletion was requested around this pod's creation is the
// one it replaced. Pods of the same owner that merely ran beside it are not its past: their
// crashes are not on its timeline and do not reset its back-off (the kubelet's back-off key holds
// the pod UID — kuberuntime helpers.go GetStableKey).
import { toMs } from './time';
import type { PodLike, RecordedPod } from './types';

/** How far apart a deletion and the replacement's creation may be (grace period plus controller lag). */
export const REPLACEMENT_WINDOW_MS = 90_000;

/** The pod whose history is read, as the replacement chain needs it. */
export interface PodIdentity {
  uid?: string;
  createdAt?: number;
  ownerKind?: string;
  ownerName?: string;
}

function goneAt(pod: RecordedPod): number | undefined {
  return pod.deletionRequestedAt ?? pod.deletedAt;
}

function sameOwner(a: PodIdentity, b: PodIdentity): boolean {
  return (
    !!a.ownerName && a.ownerName === b.ownerName && (a.ownerKind ?? '') === (b.ownerKind ?? '')
  );
}

/** Pairs every pod of one owner with the deleted pod it replaced (uid → replaced pod). */
function pairReplacements(pods: RecordedPod[]): Map<string, RecordedPod> {
  const byCreation = [...pods].sort((a, b) => a.createdAt - b.createdAt);
  const taken = new Set<string>();
  const pairs = new Map<string, RecordedPod>();
  for (const pod of byCreation) {
    let best: RecordedPod | undefined;
    for (const old of byCreation) {
      const gone = goneAt(old);
      if (old.uid === pod.uid || taken.has(old.uid) || gone === undefined) continue;
      if (old.createdAt >= pod.createdAt) continue;
      const distance = Math.abs(pod.createdAt - gone);
      if (distance > REPLACEMENT_WINDOW_MS) continue;
      if (!best || distance < Math.abs(pod.createdAt - (goneAt(best) ?? 0))) best = old;
    }
    if (best) {
      taken.add(best.uid);
      pairs.set(pod.uid, best);
    }
  }
  return pairs;
}

/** The pods this one replaced, newest first (it replaced A, which had replaced B, …). */
export function replacedPods(self: PodIdentity, pods: RecordedPod[]): RecordedPod[] {
  if (!self.uid || !self.ownerName) return [];
  const own = pods.filter((p) => sameOwner(p, self) && p.uid !== self.uid);
  const me: RecordedPod = {
    uid: self.uid,
    name: '',
    createdAt: self.createdAt ?? pods.find((p) => p.uid === self.uid)?.createdAt ?? Infinity,
    ownerKind: self.ownerKind,
    ownerName: self.ownerName,
  };
  const pairs = pairReplacements([...own, me]);
  const chain: RecordedPod[] = [];
  const seen = new Set<string>([me.uid]);
  for (let prev = pairs.get(me.uid); prev && !seen.has(prev.uid); prev = pairs.get(prev.uid)) {
    seen.add(prev.uid);
    chain.push(prev);
  }
  return chain;
}

/** A live or stored pod object as a PodIdentity (its controller is its owner). */
export function podIdentity(pod: PodLike): PodIdentity {
  const refs = pod.metadata.ownerReferences ?? [];
  const owner = refs.find((r) => r.controller) ?? refs[0];
  return {
    uid: pod.metadata.uid,
    createdAt: toMs(pod.metadata.creationTimestamp),
    ownerKind: owner?.kind,
    ownerName: owner?.name,
  };
}
