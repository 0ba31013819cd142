// Every cluster and the health of its watches; the process health /api/health answers.
import { snapshotCluster } from './cluster-snapshot';
import { getRuntime, type Runtime } from './runtime';
import type { ClusterHealth } from './types';

/** The health of every configured cluster (starting its caches if needed). */
export async function listClusterHealth(runtime: Runtime = getRuntime()): Promise<ClusterHealth[]> {
  const snapshots = await Promise.all(
    runtime.access.clusters.map((c) => snapshotCluster(runtime.access, c.name, { waitMs: 2_000 })),
  );
  return snapshots.map((s) => s.health);
}

/** What /api/health answers: clusters by context name only, never a URL or a file path. */
export interface ProcessHealth {
  /** True when at least one cluster answers (its watches are synced or merely stale). */
  ok: boolean;
  clusters: Array<{ name: string; state: ClusterHealth['state'] }>;
  history: string;
  recorders: number;
  /**
   * This replica's recorder per cluster: recording (no leader election), leader or standby (on
   * the Lease named), off (no history).
   */
  recording: RecorderRole[];
  /** Why nothing is served, in words without paths. */
  problem?: string;
}

/** What this replica's recorder of one cluster does. */
export interface RecorderRole {
  cluster: string;
  role: 'recording' | 'leader' | 'standby' | 'off';
  /** The Lease (`namespace/name`) and the holder it names, under leader election. */
  lease?: string;
  holder?: string;
}

/** Each cluster's recorder role in this replica. */
export function recorderRoles(runtime: Runtime = getRuntime()): RecorderRole[] {
  return runtime.access.clusters.map(({ name }) => {
    const elector = runtime.elections.get(name);
    if (!elector)
      return { cluster: name, role: runtime.recorders.length > 0 ? 'recording' : 'off' };
    const { role, holder } = elector.state();
    return { cluster: name, role: role === 'stopped' ? 'off' : role, lease: elector.lease, holder };
  });
}

const reachable = new Set<ClusterHealth['state']>(['synced', 'stale']);

/** The process health: ok only when a cluster is reachable. */
export async function processHealth(runtime: Runtime = getRuntime()): Promise<ProcessHealth> {
  const [clusters, history] = await Promise.all([listClusterHealth(runtime), runtime.history]);
  const ok = clusters.some((c) => reachable.has(c.state));
  const problem = runtime.configError
    ? runtime.configError
    : clusters.length === 0
      ? 'No cluster configured. Set KUBECONFIG or run in a pod with a service account.'
      : ok
        ? undefined
        : 'No cluster is reachable yet; see /api/clusters for each one.';
  return {
    ok,
    clusters: clusters.map((c) => ({ name: c.cluster, state: c.state })),
    history: history ? history.store.engine : 'disabled',
    recorders: runtime.recorders.length,
    recording: recorderRoles(runtime),
    problem,
  };
}
