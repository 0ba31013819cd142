'use client';

import { formatRelative } from '@/components/format/time';
import { useNow } from './use-now';

/** "3 s ago", ticking; always rendered beside an absolute time. */
export function RelativeTime({ at, initialNow }: { at: number; initialNow: number }) {
  const now = useNow(initialNow);
  return <span suppressHydrationWarning>{formatRelative(at, now)}</span>;
}
