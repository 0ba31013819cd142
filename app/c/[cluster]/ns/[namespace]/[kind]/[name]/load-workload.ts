import { cache } from 'react';
import { headers } from 'next/headers';
import { checkNamespaceAccess, getWorkloadView, type WorkloadView } from '@/lib/views';
import { viewerOf } from '@/app/api/_lib/viewer';
import { viewOrFailure, type Loaded } from '@/components/ui/load-failure';
import { loadOrNotFound } from '@/app/c/_lib/not-found';
import { decodedParams } from '@/app/c/_lib/route-params';

/** The workload page's params as Next.js passes them. */
export type WorkloadParams = Promise<{
  cluster: string;
  namespace: string;
  kind: string;
  name: string;
}>;

/** Loads a workload view once per request; 404 → the not-found page, else a message. */
export const loadWorkload = cache(
  async (
    cluster: string,
    namespace: string,
    kind: string,
    name: string,
  ): Promise<Loaded<WorkloadView>> =>
    loadOrNotFound(async () => {
      await checkNamespaceAccess(viewerOf(await headers()), { cluster, namespace });
      return getWorkloadView({ cluster, namespace, kind, name });
    }),
);

/** Decodes the route params. */
export function workloadRef(params: WorkloadParams) {
  return decodedParams(params);
}

/** The route's decoded params with its view, or the page that says why it could not be loaded. */
export async function loadWorkloadRoute(params: WorkloadParams) {
  const ref = await workloadRef(params);
  const loaded = await loadWorkload(ref.cluster, ref.namespace, ref.kind, ref.name);
  return { ref, ...viewOrFailure(loaded, `${ref.kind} ${ref.namespace}/${ref.name}`, ref.cluster) };
}
