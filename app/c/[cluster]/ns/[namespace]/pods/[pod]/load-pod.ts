import { notFound } from 'next/navigation';
import { cache } from 'react';
import { headers } from 'next/headers';
import { checkNamespaceAccess, getPodView, type PodView } from '@/lib/views';
import { viewerOf } from '@/app/api/_lib/viewer';
import { viewOrFailure, type Loaded } from '@/components/ui/load-failure';

/** The pod page's params as Next.js passes them. */
export type PodParams = Promise<{ cluster: string; namespace: string; pod: string }>;

function isNotFound(error: unknown): boolean {
  return (
    typeof error === 'object' && error !== null && (error as { status?: unknown }).status === 404
  );
}

/** Loads a pod view once per request (metadata and page share it); 404 → the not-found page. */
export const loadPod = cache(
  async (cluster: string, namespace: string, name: string): Promise<Loaded<PodView>> => {
    try {
      await checkNamespaceAccess(viewerOf(await headers()), { cluster, namespace });
      return { ok: true, view: await getPodView({ cluster, namespace, name }) };
    } catch (error) {
      if (isNotFound(error)) notFound();
      return { ok: false, message: error instanceof Error ? error.message : String(error) };
    }
  },
);

/** Decodes the route params. */
export async function podRef(params: PodParams) {
  const p = await params;
  return {
    cluster: decodeURIComponent(p.cluster),
    namespace: decodeURIComponent(p.namespace),
    name: decodeURIComponent(p.pod),
  };
}

/** The route's decoded params with its view, or the page that says why it could not be loaded. */
export async function loadPodRoute(params: PodParams) {
  const ref = await podRef(params);
  const loaded = await loadPod(ref.cluster, ref.namespace, ref.name);
  return { ref, ...viewOrFailure(loaded, `pod ${ref.namespace}/${ref.name}`, ref.cluster) };
}
