import { headers } from 'next/headers';
import type { ReactNode } from 'react';
import { checkNamespaceAccess, requirePod } from '@/lib/views';
import { viewerOf } from '@/app/api/_lib/viewer';
import { notFoundBeforeStreaming } from '@/app/c/_lib/not-found';
import { podRef, type PodParams } from './load-pod';

/** A real HTTP 404 for a pod nobody knows, decided before the page's loading boundary streams. */
export default async function PodLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: PodParams;
}) {
  const ref = await podRef(params);
  // Access first: someone kept out of the namespace must not learn which pods exist there (the
  // page then says "No access to namespace X").
  const viewer = viewerOf(await headers());
  await notFoundBeforeStreaming(async () => {
    await checkNamespaceAccess(viewer, ref);
    await requirePod(ref);
  });
  return children;
}
