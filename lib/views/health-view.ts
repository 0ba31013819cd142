// Every cluster and the health of its watches.
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
