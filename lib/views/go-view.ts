// Resolves a /go link (built by an Alertmanager template from alert labels) to where the on-call
// person should land: the pod page while the pod exists, the workload page when the pod is gone
// but its workload is there, else what history knows (the caller answers 404 with it).
import { AlertStore, targetOfLabels, type AlertMark, type AlertTarget } from '../alerts';
import type { PodLike, WorkloadLike } from '../diagnosis';
import { snapshotCluster, type ClusterSnapshot } from './cluster-snapshot';
import { BadInputError } from './errors';
import { ownerChain, topWorkload } from './owners';
import { getRuntime, type Runtime } from './runtime';

/** A pod history remembers, for the not-found page. */
export interface RememberedPod {
  cluster: string;
  namespace: string;
  name: string;
  createdAt: number;
  deletedAt?: number;
  owner?: { kind: string; name: string };
}

/** Where a /go link leads. */
export type GoDestination =
  | { to: 'pod'; cluster: string; namespace: string; pod: string; container?: string }
  | { to: 'workload'; cluster: string; namespace: string; kind: string; name: string }
  | {
      to: 'not-found';
      message: string;
      target: AlertTarget;
      pods: RememberedPod[];
      alerts: AlertMark[];
    };

const livePod = (s: ClusterSnapshot, ns: string, name: string): PodLike | undefined =>
  s.pods.find((p) => p.metadata.namespace === ns && p.metadata.name === name);

const liveWorkload = (s: ClusterSnapshot, ns: string, kind: string, name: string) =>
  s.workloads.find(
    (w: WorkloadLike) => w.kind === kind && w.metadata.namespace === ns && w.metadata.name === name,
  );

/** The workload of a pod that is gone: from the alert's labels, else from its recorded owner. */
function workloadOfGonePod(
  target: AlertTarget,
  stored: { lastObject?: PodLike } | undefined,
  snapshot: ClusterSnapshot,
): { kind: string; name: string } | undefined {
  if (target.workload) return target.workload;
  const pod = stored?.lastObject;
  if (!pod) return undefined;
  const top = topWorkload(pod, ownerChain(pod.metadata, snapshot.workloads));
  // A ReplicaSet that is gone too: its Deployment is its name less the pod-template-hash.
  const hash = pod.metadata.labels?.['pod-template-hash'];
  if (top?.kind === 'ReplicaSet' && hash && top.name.endsWith(`-${hash}`))
    return { kind: 'Deployment', name: top.name.slice(0, -hash.length - 1) };
  return top;
}

/** Resolves /go query parameters (alert label names) to a destination. */
export async function resolveGoLink(
  query: Record<string, string | undefined>,
  runtime: Runtime = getRuntime(),
): Promise<GoDestination> {
  const target = targetOfLabels(query);
  const { namespace, pod } = target;
  if (!namespace || (!pod && !target.workload))
    throw new BadInputError(
      'A /go link needs namespace and pod, or namespace and a workload label (deployment, statefulset, daemonset, job_name).',
    );
  const known = runtime.access.clusters.map((c) => c.name);
  const clusters = target.cluster ? known.filter((c) => c === target.cluster) : known;
  const history = await runtime.history;
  const pods: RememberedPod[] = [];
  for (const cluster of clusters) {
    const snapshot = await snapshotCluster(runtime.access, cluster, { namespace });
    if (pod && livePod(snapshot, namespace, pod))
      return { to: 'pod', cluster, namespace, pod, container: target.container };
    const stored = pod ? await history?.reader.findPod(cluster, namespace, pod) : undefined;
    const workload = workloadOfGonePod(target, stored, snapshot);
    if (workload && liveWorkload(snapshot, namespace, workload.kind, workload.name))
      return { to: 'workload', cluster, namespace, ...workload };
    if (stored)
      pods.push({
        cluster,
        namespace,
        name: stored.name,
        createdAt: stored.createdAt,
        deletedAt: stored.deletedAt,
        owner: workload,
      });
  }
  const alerts = history ? await alertsAbout(new AlertStore(history.store), clusters, target) : [];
  const what = pod
    ? `Pod ${namespace}/${pod}`
    : `${target.workload?.kind} ${namespace}/${target.workload?.name}`;
  const where = target.cluster
    ? clusters.length === 0
      ? `cluster "${target.cluster}" is not one Podtrail reads (known: ${known.join(', ') || 'none'})`
      : `it is not in cluster "${target.cluster}"`
    : `it is in none of the clusters Podtrail reads (${known.join(', ') || 'none'})`;
  return { to: 'not-found', message: `${what} was not found: ${where}.`, target, pods, alerts };
}

async function alertsAbout(
  store: AlertStore,
  clusters: string[],
  target: AlertTarget,
): Promise<AlertMark[]> {
  const ns = target.namespace ?? '';
  const lists = await Promise.all(
    clusters.map((c) =>
      target.pod
        ? store.forPod(c, ns, target.pod, target.workload ? [target.workload.name] : [])
        : store.forWorkload(c, ns, target.workload?.name ?? ''),
    ),
  );
  const seen = new Set<string>();
  return lists.flat().filter((a) => {
    const key = `${a.fingerprint}@${a.startsAt}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
}
