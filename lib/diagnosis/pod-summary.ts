// The pod header: identity, kubectl STATUS, restarts, owner and top-level workload.
import { kubectlStatus } from './pod-status';
import { toMs } from './time';
import type { DiagnosisInput, PodSummary, WorkloadLike } from './types';

function controllerOf(meta: {
  ownerReferences?: Array<{ kind: string; name: string; controller?: boolean }>;
}) {
  const refs = meta.ownerReferences ?? [];
  return refs.find((r) => r.controller) ?? refs[0];
}

/** The top-level workload: the owner's owner when the owner is a ReplicaSet (or Job of a CronJob). */
export function topWorkload(
  owner: { kind: string; name: string } | undefined,
  owners: WorkloadLike[] | undefined,
): { kind: string; name: string } | undefined {
  if (!owner) return undefined;
  const ownerObj = owners?.find((o) => o.kind === owner.kind && o.metadata.name === owner.name);
  const parent = ownerObj ? controllerOf(ownerObj.metadata) : undefined;
  if (parent) return { kind: parent.kind, name: parent.name };
  if (owner.kind === 'ReplicaSet') {
    // pod-template-hash suffix: web-7c9f6d8b5 → Deployment web (the usual shape).
    const m = /^(.+)-[a-z0-9]{5,10}$/.exec(owner.name);
    if (m?.[1]) return { kind: 'Deployment', name: m[1] };
  }
  return owner;
}

/** Summarises the pod for headers and the board. */
export function summarizePod(input: DiagnosisInput): PodSummary {
  const { metadata, spec, status } = input.pod;
  const ref = controllerOf(metadata);
  const owner = ref ? { kind: ref.kind, name: ref.name } : undefined;
  const restarts = [
    ...(status?.containerStatuses ?? []),
    ...(status?.initContainerStatuses ?? []),
  ].reduce((sum, c) => sum + (c.restartCount ?? 0), 0);
  return {
    cluster: input.cluster,
    namespace: metadata.namespace ?? 'default',
    name: metadata.name ?? '',
    uid: metadata.uid,
    phase: status?.phase,
    status: kubectlStatus(input.pod),
    restarts,
    nodeName: spec?.nodeName,
    createdAt: toMs(metadata.creationTimestamp),
    owner,
    workload: topWorkload(owner, input.owners),
  };
}
