import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import { requirePod } from '@/lib/views';
import { podRef, type PodParams } from './load-pod';

function isNotFound(error: unknown): boolean {
  return (
    typeof error === 'object' && error !== null && (error as { status?: unknown }).status === 404
  );
}

/**
 * Answers a real HTTP 404 for a pod nobody knows: the check runs here, outside the page's loading
 * boundary, before anything is streamed (a notFound() inside the streamed page comes after the
 * 200 status has been sent). Other failures are the page's to explain.
 */
export default async function PodLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: PodParams;
}) {
  const ref = await podRef(params);
  try {
    await requirePod(ref);
  } catch (error) {
    if (isNotFound(error)) notFound();
  }
  return children;
}
