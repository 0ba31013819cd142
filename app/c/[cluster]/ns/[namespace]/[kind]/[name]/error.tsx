'use client';

import { RouteError } from '@/components/ui/route-error';

export default function WorkloadError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return <RouteError what="the workload" error={error} reset={reset} />;
}
