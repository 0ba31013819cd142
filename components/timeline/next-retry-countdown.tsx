'use client';

import { formatClock, formatDuration } from '@/components/format/time';
import { useNow } from '@/components/ui/use-now';

/** The window of the kubelet's next try, with a live countdown beside the absolute times. */
export function NextRetryCountdown({
  earliest,
  latest,
  backoffMs,
  generatedAt,
}: {
  earliest: number;
  latest: number;
  backoffMs?: number;
  generatedAt: number;
}) {
  const now = useNow(generatedAt);
  const left = earliest - now;
  return (
    <span data-testid="next-retry">
      next try{' '}
      <time dateTime={new Date(earliest).toISOString()}>
        {earliest === latest
          ? `~${formatClock(earliest)}`
          : `${formatClock(earliest).replace(' UTC', '')}–${formatClock(latest)}`}
      </time>{' '}
      <span className="font-semibold" suppressHydrationWarning>
        {left > 0 ? `(in ${formatDuration(left)})` : now <= latest ? '(due now)' : '(overdue)'}
      </span>
      {backoffMs !== undefined && (
        <span className="text-slate-600" title="the kubelet's current back-off (waiting.message)">
          {' '}
          · back-off {formatDuration(backoffMs)}
        </span>
      )}
    </span>
  );
}
