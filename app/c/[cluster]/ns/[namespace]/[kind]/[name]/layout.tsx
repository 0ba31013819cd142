import { headers } from 'next/headers';
import type { ReactNode } from 'react';
import { checkNamespaceAccess, requireWorkload } from '@/lib/views';
import { viewerOf } from '@/app/api/_lib/viewer';
import { notFoundBeforeStreaming } from '@/app/c/_lib/not-found';
import { workloadRef, type WorkloadParams } from './load-workload';

/** A real HTTP 404 for an unknown workload, decided before the page's loading boundary streams. */
export default async function WorkloadLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: WorkloadParams;
}) {
  const ref = await workloadRef(params);
  // Access first: someone kept out of the namespace must not learn what exists there.
  const viewer = viewerOf(await headers());
  await notFoundBeforeStreaming(async () => {
    await checkNamespaceAccess(viewer, ref);
    await requireWorkload(ref);
  });
  return children;
}
