import type { ReactNode } from 'react';
import { requirePod } from '@/lib/views';
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
  await notFoundBeforeStreaming(() => requirePod(ref));
  return children;
}
