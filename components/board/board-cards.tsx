import { memo } from 'react';
import Link from 'next/link';
import type { BoardRow } from '@/lib/views/types';
import { SeverityBadge } from '@/components/ui/severity-badge';
import { WithCode } from '@/components/ui/with-code';
import { podPath } from '@/components/format/names';
import { formatClock } from '@/components/format/time';
import { NoAccessTag, type NoAccessMap } from './stale-banner';

/**
 * The board on a phone: one card per workload, the whole card a link to its worst pod; a card of
 * a namespace Podtrail may no longer read carries "no access since T".
 */
export const BoardCards = memo(function BoardCards({
  rows,
  noAccess = {},
}: {
  rows: BoardRow[];
  noAccess?: NoAccessMap;
}) {
  return (
    <ul className="flex flex-col gap-2" data-testid="board-cards">
      {rows.map((row) => (
        <li key={row.key}>
          <Link
            href={podPath(row.cluster, row.namespace, row.pod)}
            prefetch={false}
            className="block rounded-lg border border-slate-300 p-3 hover:bg-slate-50"
          >
            <div className="flex items-center justify-between gap-2">
              <SeverityBadge severity={row.severity} />
              <span
                className="font-mono text-sm whitespace-nowrap"
                title="restartCount of the worst pod plus the pods it replaced"
              >
                {row.restarts}↻ · {row.status}
              </span>
            </div>
            <p className="mt-1 font-semibold break-words text-blue-800 underline">
              {row.namespace} / {row.name}
            </p>
            {noAccess[`${row.cluster}/${row.namespace}`] && (
              <p className="mt-1">
                <NoAccessTag card since={noAccess[`${row.cluster}/${row.namespace}`]?.since} />
              </p>
            )}
            <p className="text-sm" data-testid="board-cause">
              {row.topFinding ? <WithCode text={row.topFinding.title} /> : 'no finding'}
            </p>
            {row.trap && (
              <p className="text-sm text-amber-900" data-testid="board-trap">
                <span aria-hidden="true">⚠ </span>
                <WithCode text={row.trap.title} />
              </p>
            )}
            {(row.nextRetry || row.lastExit) && (
              <p className="text-xs text-slate-600">
                {row.lastExit && (
                  <>
                    last exit {row.lastExit.code}
                    {row.lastExit.reason ? ` ${row.lastExit.reason}` : ''}
                    {row.lastExit.at !== undefined ? ` at ${formatClock(row.lastExit.at)}` : ''}
                  </>
                )}
                {row.nextRetry && row.lastExit && ' · '}
                {row.nextRetry && <>next try ~{formatClock(row.nextRetry.earliest)}</>}
              </p>
            )}
          </Link>
        </li>
      ))}
    </ul>
  );
});
