import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import { requireWorkload } from '@/lib/views';
import { workloadRef, type WorkloadParams } from './load-workload';

function isNotFound(error: unknown): boolean {
  return (
    typeof error === 'object' && error !== null && (error as { status?: unknown }).status === 404
  );
}

/** A real HTTP 404 for an unknown workload, decided before the page's loading boundary streams. */
export default async function WorkloadLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: WorkloadParams;
}) {
  const ref = await workloadRef(params);
  try {
    await requireWorkload(ref);
  } catch (error) {
    if (isNotFound(error)) notFound();
  }
  return children;
}
