'use client';
// What every page must mention about Podtrail itself (the history store could not be opened and
// was moved aside, or is not recording) and about its clusters' identity (another cluster
// answered at an address, or one went back to an older state): from /api/health, whatever its
// status — readiness answers 503 while no cluster is reachable, and the history problem still
// shows then.
import { useQuery } from '@tanstack/react-query';
import { DatabaseZap, Replace } from 'lucide-react';
import { healthQuery } from '@/lib/api-client';
import { systemNoticesOf } from './system-notices';
import { useNow } from './use-now';

export function SystemNotice() {
  const { data } = useQuery(healthQuery());
  // 0 until the browser's clock is read (after hydration): nothing is drawn on the server.
  const now = useNow(0, 30_000);
  const lines = now > 0 ? systemNoticesOf(data, now) : [];
  if (lines.length === 0) return null;
  return (
    <div role="alert" className="w-full bg-amber-100 text-sm font-semibold text-amber-950">
      {lines.map((line) => (
        <div
          key={`${line.kind}:${line.text}`}
          data-testid={line.kind === 'history' ? 'history-problem' : 'cluster-identity-notice'}
          className="flex items-start gap-2 px-4 py-2"
        >
          {line.kind === 'history' ? (
            <DatabaseZap aria-hidden className="mt-0.5 size-4 shrink-0" />
          ) : (
            <Replace aria-hidden className="mt-0.5 size-4 shrink-0" />
          )}
          <span>{line.text}</span>
        </div>
      ))}
    </div>
  );
}
