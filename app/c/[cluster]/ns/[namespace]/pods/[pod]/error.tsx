'use client';

import { RouteError } from '@/components/ui/route-error';

export default function PodError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return <RouteError what="the pod" error={error} reset={reset} />;
}
