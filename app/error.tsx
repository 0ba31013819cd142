'use client';

import { RouteError } from '@/components/ui/route-error';

export default function BoardError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return <RouteError what="the board" error={error} reset={reset} />;
}
