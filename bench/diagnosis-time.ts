// Diagnosis of every pod of a cluster: the board computed from synced caches (every pod
// diagnosed, rows merged), in the bench process. Baseline: the naive design's same answer,
// listing pods and events first.
import { loadClusters } from '../lib/k8s';
import { computeBoardView, createRuntime, stopRuntime, type Runtime } from '../lib/views';
import { percentile } from './figures';

const resources = [
  'pods',
  'events',
  'replicasets',
  'deployments',
  'statefulsets',
  'daemonsets',
  'jobs',
  'limitranges',
  'namespaces',
] as const;

/** Acquires the caches the board reads and waits until all are synced; release each lease after. */
export async function syncBoardCaches(runtime: Runtime) {
  const leases = resources.map((resource) =>
    runtime.access.caches.acquire({ cluster: 'sandbox', resource }),
  );
  await Promise.all(leases.map((l) => l.cache.whenSynced(600_000)));
  return leases;
}

/**
 * The first computation of the board (every pod diagnosed), the p50 of `rounds` more after it
 * (healthy pods whose inputs did not change keep their verdict), and the pod count.
 */
export async function timeDiagnosis(
  kubeconfig: string,
  rounds = 5,
): Promise<{ coldMs: number; ms: number; naiveMs: number | null; pods: number }> {
  const runtime = createRuntime({ clusters: loadClusters({ kubeconfig }), history: false });
  const leases = await syncBoardCaches(runtime);
  try {
    const pods = leases[0]?.cache.list().length ?? 0;
    const times: number[] = [];
    for (let i = 0; i <= rounds; i++) {
      const t = performance.now();
      await computeBoardView({}, runtime);
      times.push(performance.now() - t);
    }
    const [coldMs = 0, ...warm] = times;
    return { coldMs, ms: percentile(warm, 50), naiveMs: null, pods };
  } finally {
    for (const lease of leases) lease.release();
    await stopRuntime(runtime);
  }
}
