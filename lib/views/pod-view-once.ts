// One pod read once through the API, without watches: what the kubectl plugin shows. The lists
// of the pod's namespace stand in for the watch caches, and from there it is the pod page's own
// code (cacheInput, gatherLogs, enrichInput, diagnosePod), so both say the same thing.
import { diagnosePod } from '../diagnosis';
import type { PodLike } from '../diagnosis';
import { K8sError, resources, type ResourceName, type Transport, type WatchedObject } from '../k8s';
import { cacheInput, enrichInput, gatherLogs } from './assemble-input';
import type { ClusterSnapshot } from './cluster-snapshot';
import { NotFoundError } from './errors';
import type { PodRef } from './pod-view';
import type { Runtime } from './runtime';
import type { PodView } from './types';

function namespacedPath(resource: ResourceName, namespace: string): string {
  const r = resources[resource];
  const base = r.group === '' ? '/api/v1' : `/apis/${r.group}/${r.version}`;
  return `${base}/namespaces/${encodeURIComponent(namespace)}/${r.name}`;
}

/** A namespace's list of one resource with kind set; [] when it may not be read (403). */
async function listIn<R extends ResourceName>(
  transport: Transport,
  resource: R,
  namespace: string,
): Promise<Array<WatchedObject<R>>> {
  try {
    const list = await transport.getJson<{ items?: Array<WatchedObject<R>> }>(
      namespacedPath(resource, namespace),
      { scope: { namespace, resource } },
    );
    // A list's items carry no kind (the list has it); the diagnosis reads owners' kinds.
    return (list.items ?? []).map((o) => ({ ...o, kind: o.kind ?? resources[resource].kind }));
  } catch (error) {
    if (error instanceof K8sError && error.status === 403) return [];
    throw error;
  }
}

/** The namespace's objects as a snapshot (one list per resource type, no watch). */
async function listNamespace(
  transport: Transport,
  cluster: string,
  namespace: string,
): Promise<ClusterSnapshot> {
  const kinds = ['replicasets', 'deployments', 'statefulsets', 'daemonsets', 'jobs'] as const;
  const [pods, events, limitRanges, workloads] = await Promise.all([
    listIn(transport, 'pods', namespace),
    listIn(transport, 'events', namespace),
    listIn(transport, 'limitranges', namespace),
    Promise.all(kinds.map((r) => listIn(transport, r, namespace))),
  ]);
  return {
    cluster,
    pods,
    events,
    limitRanges,
    workloads: workloads.flat(),
    health: { cluster, state: 'synced', resources: [] },
  };
}

/** The pod view of a pod read once (GET pod, namespace lists, logs); NotFoundError on 404. */
export async function readPodViewOnce(ref: PodRef, runtime: Runtime): Promise<PodView> {
  const connection = runtime.access.clusters.find((c) => c.name === ref.cluster);
  if (!connection) throw new NotFoundError(`Unknown cluster "${ref.cluster}".`);
  const path = `${namespacedPath('pods', ref.namespace)}/${encodeURIComponent(ref.name)}`;
  let pod: PodLike;
  try {
    pod = await connection.transport.getJson<PodLike>(path, {
      scope: { namespace: ref.namespace, resource: 'pods' },
    });
  } catch (error) {
    if (error instanceof K8sError && error.status === 404)
      throw new NotFoundError(
        `Pod ${ref.namespace}/${ref.name} is not in cluster "${ref.cluster}".`,
      );
    throw error;
  }
  const now = runtime.access.scheduler.now();
  const snapshot = await listNamespace(connection.transport, ref.cluster, ref.namespace);
  const logs = await gatherLogs(runtime, ref.cluster, pod);
  const input = await enrichInput(runtime, cacheInput(snapshot, pod, now), logs, {
    logs: true,
    history: true,
    registry: true,
    metrics: true,
  });
  return {
    cluster: ref.cluster,
    diagnosis: diagnosePod(input),
    logs,
    health: snapshot.health,
    fromHistory: false,
  };
}
