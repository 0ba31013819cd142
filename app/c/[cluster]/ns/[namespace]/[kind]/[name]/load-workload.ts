import { notFound } from 'next/navigation';
import { cache } from 'react';
import { headers } from 'next/headers';
import { checkNamespaceAccess, getWorkloadView, type WorkloadView } from '@/lib/views';
import { viewerOf } from '@/app/api/_lib/viewer';
import { viewOrFailure, type Loaded } from '@/components/ui/load-failure';

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

/** Loads a workload view once per request; 404 → the not-found page, else a message. */
export const loadWorkload = cache(
  async (
    cluster: string,
    namespace: string,
    kind: string,
    name: string,
  ): Promise<Loaded<WorkloadView>> => {
    try {
      await checkNamespaceAccess(viewerOf(await headers()), { cluster, namespace });
      return { ok: true, view: await getWorkloadView({ cluster, namespace, kind, name }) };
    } catch (error) {
      if (isNotFound(error)) notFound();
      return { ok: false, message: error instanceof Error ? error.message : String(error) };
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

/** The route's decoded params with its view, or the page that says why it could not be loaded. */
export async function loadWorkloadRoute(params: WorkloadParams) {
  const ref = await workloadRef(params);
  const loaded = await loadWorkload(ref.cluster, ref.namespace, ref.kind, ref.name);
  return { ref, ...viewOrFailure(loaded, `${ref.kind} ${ref.namespace}/${ref.name}`, ref.cluster) };
}
