import { notFound } from 'next/navigation';
import { cache } from 'react';
import { getWorkloadView } from '@/lib/views';

/** The workload page's params as Next.js passes them. */
export type WorkloadParams = Promise<{
  cluster: string;
  namespace: string;
  kind: string;
  name: string;
}>;

function isNotFound(error: unknown): boolean {
  return (
    typeof error === 'object' && error !== null && (error as { status?: unknown }).status === 404
  );
}

/** Loads a workload view once per request; 404 → the not-found page. */
export const loadWorkload = cache(
  async (cluster: string, namespace: string, kind: string, name: string) => {
    try {
      return await getWorkloadView({ cluster, namespace, kind, name });
    } catch (error) {
      if (isNotFound(error)) notFound();
      throw error;
    }
  },
);

/** Decodes the route params. */
export async function workloadRef(params: WorkloadParams) {
  const p = await params;
  return {
    cluster: decodeURIComponent(p.cluster),
    namespace: decodeURIComponent(p.namespace),
    kind: decodeURIComponent(p.kind),
    name: decodeURIComponent(p.name),
  };
}
