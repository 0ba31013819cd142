// Reads the shared caches of one cluster for one view: acquires the leases (starting caches on
// first use), waits briefly for the first sync, copies what the view needs, and releases.
import type { EventLike, LimitRangeLike, PodLike, WorkloadLike } from '../diagnosis';
import type {
  CacheHealth,
  CacheLease,
  ClusterContact,
  K8sAccess,
  KubeObject,
  ResourceName,
} from '../k8s';
import type { ClusterHealth, ResourceHealth } from './types';

/** What one cluster's caches hold now, as plain data. */
export interface ClusterSnapshot {
  cluster: string;
  pods: PodLike[];
  events: EventLike[];
  workloads: WorkloadLike[];
  limitRanges: LimitRangeLike[];
  health: ClusterHealth;
}

const rank: Record<ResourceHealth['state'], number> = {
  synced: 0,
  connecting: 1,
  stale: 2,
  error: 3,
  forbidden: 4,
};

/** The health of a cluster from its caches' health. */
export function clusterHealthOf(
  cluster: string,
  healths: CacheHealth[],
  contact: ClusterContact = { state: 'unknown' },
): ClusterHealth {
  const resources: ResourceHealth[] = healths.map(({ forbidden: _f, ...h }) => h);
  const forbidden = healths.flatMap((h) =>
    h.forbidden.map((f) => ({
      namespace: f.namespace,
      resource: h.resource,
      message: f.message,
      since: f.since,
    })),
  );
  for (const h of healths) {
    if (h.state === 'forbidden')
      forbidden.push({
        namespace: undefined,
        resource: h.resource,
        message: h.message ?? 'forbidden',
        since: h.since,
      });
  }
  // A forbidden resource type does not make the whole cluster look down.
  const states = resources.map((r) => (r.state === 'forbidden' ? 'synced' : r.state));
  const state = states.reduce<ResourceHealth['state']>(
    (worst, s) => (rank[s] > rank[worst] ? s : worst),
    resources.length === 0 ? 'connecting' : 'synced',
  );
  const lastContactAt = Math.max(
    contact.lastContactAt ?? 0,
    ...healths.map((h) => h.lastEventAt ?? 0),
  );
  const unreachable =
    contact.state === 'unreachable'
      ? {
          since: contact.unreachableSince ?? lastContactAt,
          message: contact.message ?? 'no answer',
        }
      : undefined;
  return {
    cluster,
    state: unreachable && state === 'synced' ? 'stale' : state,
    resources,
    forbidden: forbidden.length > 0 ? forbidden : undefined,
    ...(lastContactAt > 0 ? { lastContactAt } : {}),
    ...(unreachable ? { unreachable } : {}),
    ...(contact.identityChange ? { identityChange: contact.identityChange } : {}),
  };
}

/** Holds on the caches of every resource the views read, each typed by its resource. */
function acquireViewCaches(access: K8sAccess, cluster: string) {
  const lease = <R extends ResourceName>(resource: R) =>
    access.caches.acquire({ cluster, resource });
  return {
    pods: lease('pods'),
    events: lease('events'),
    replicasets: lease('replicasets'),
    deployments: lease('deployments'),
    statefulsets: lease('statefulsets'),
    daemonsets: lease('daemonsets'),
    jobs: lease('jobs'),
    limitranges: lease('limitranges'),
    namespaces: lease('namespaces'),
  };
}

/** Snapshots one cluster's caches (waiting up to waitMs for a first sync). */
export async function snapshotCluster(
  access: K8sAccess,
  cluster: string,
  options: { namespace?: string; waitMs?: number } = {},
): Promise<ClusterSnapshot> {
  const caches = acquireViewCaches(access, cluster);
  const leases = Object.values(caches);
  try {
    await Promise.all(leases.map((l) => l.cache.whenSynced(options.waitMs ?? 5_000)));
    const ns = options.namespace;
    const take = <T extends KubeObject>(lease: CacheLease<T>): T[] => {
      const items = lease.cache.list();
      return ns
        ? items.filter((o) => !o.metadata?.namespace || o.metadata.namespace === ns)
        : items;
    };
    return {
      cluster,
      pods: take(caches.pods),
      events: take(caches.events),
      workloads: [
        ...withKind(take(caches.replicasets), 'ReplicaSet'),
        ...withKind(take(caches.deployments), 'Deployment'),
        ...withKind(take(caches.statefulsets), 'StatefulSet'),
        ...withKind(take(caches.daemonsets), 'DaemonSet'),
        ...withKind(take(caches.jobs), 'Job'),
      ],
      limitRanges: take(caches.limitranges),
      health: clusterHealthOf(
        cluster,
        leases.map((l) => l.cache.health()),
        access.contact(cluster),
      ),
    };
  } finally {
    for (const lease of leases) lease.release();
  }
}

/** List items come without kind; put it back so diagnosis can tell owners apart. */
function withKind<T extends KubeObject>(items: T[], kind: string): T[] {
  return items.map((o) => (o.kind ? o : { ...o, kind }));
}
