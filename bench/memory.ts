// Bytes per cached pod: the heap a Podtrail pods cache (stripped objects) holds for a cluster's
// pods, against holding the objects as listed (what an informer keeping whole objects holds).
// Runs in the bench process under the react-server condition, with --expose-gc.
import { K8sAccess, loadClusters } from '../lib/k8s';

function heapAfterGc(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  for (let i = 0; i < 3; i++) gc?.();
  return process.memoryUsage().heapUsed;
}

/** One list page; a busy machine can drop a connection, so a page is tried 3 times. */
async function page(url: string): Promise<{ items: unknown[]; metadata: { continue?: string } }> {
  for (let attempt = 1; ; attempt++) {
    try {
      return (await (await fetch(url)).json()) as Awaited<ReturnType<typeof page>>;
    } catch (error) {
      if (attempt === 3) throw error;
      await new Promise((r) => setTimeout(r, 1_000));
    }
  }
}

async function listRaw(server: string): Promise<unknown[]> {
  const items: unknown[] = [];
  let next = '';
  do {
    const listed = await page(
      `${server}/api/v1/pods?limit=500${next ? `&continue=${encodeURIComponent(next)}` : ''}`,
    );
    items.push(...listed.items);
    next = listed.metadata.continue ?? '';
  } while (next);
  return items;
}

/** Heap bytes per pod: Podtrail's cache, and the objects as listed. */
export async function bytesPerCachedPod(
  kubeconfig: string,
  server: string,
): Promise<{ podtrail: number; raw: number; pods: number }> {
  const before = heapAfterGc();
  const access = new K8sAccess({ clusters: loadClusters({ kubeconfig }) });
  const lease = access.caches.acquire({ cluster: 'sandbox', resource: 'pods' });
  await lease.cache.whenSynced(600_000);
  const pods = lease.cache.list().length;
  const podtrailBytes = heapAfterGc() - before;
  lease.release();
  access.stop();
  const base = heapAfterGc();
  const raw = await listRaw(server);
  const rawBytes = heapAfterGc() - base;
  const count = raw.length;
  return { podtrail: podtrailBytes / pods, raw: rawBytes / count, pods };
}
