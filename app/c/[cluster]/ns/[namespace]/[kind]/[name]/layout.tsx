import type { ReactNode } from 'react';
import { requireWorkload } from '@/lib/views';
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
  await notFoundBeforeStreaming(() => requireWorkload(ref));
  return children;
}
