import { cache } from 'react';
import { headers } from 'next/headers';
import { checkNamespaceAccess, getPodView, type PodView } from '@/lib/views';
import { viewerOf } from '@/app/api/_lib/viewer';
import { viewOrFailure, type Loaded } from '@/components/ui/load-failure';
import { loadOrNotFound } from '@/app/c/_lib/not-found';
import { decodedParams } from '@/app/c/_lib/route-params';

/** The pod page's params as Next.js passes them. */
export type PodParams = Promise<{ cluster: string; namespace: string; pod: string }>;

/** Loads a pod view once per request (metadata and page share it); 404 → the not-found page. */
export const loadPod = cache(
  (cluster: string, namespace: string, name: string): Promise<Loaded<PodView>> =>
    loadOrNotFound(async () => {
      await checkNamespaceAccess(viewerOf(await headers()), { cluster, namespace });
      return getPodView({ cluster, namespace, name });
    }),
);

/** Decodes the route params. */
export async function podRef(params: PodParams) {
  const { cluster, namespace, pod } = await decodedParams(params);
  return { cluster, namespace, name: pod };
}

/** The route's decoded params with its view, or the page that says why it could not be loaded. */
export async function loadPodRoute(params: PodParams) {
  const ref = await podRef(params);
  const loaded = await loadPod(ref.cluster, ref.namespace, ref.name);
  return { ref, ...viewOrFailure(loaded, `pod ${ref.namespace}/${ref.name}`, ref.cluster) };
}
