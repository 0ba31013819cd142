import { memo } from 'react';
import type { BoardRow } from '@/lib/views/types';
import { SEVERITY_SYMBOL } from '@/components/format/exit-style';
import { formatHourMinute } from '@/components/format/time';
import { WithCode } from '@/components/ui/with-code';
import { NoAccessTag, type NoAccessMap } from './stale-banner';

const SYMBOL_CLASS = {
  critical: 'text-red-400',
  warning: 'text-amber-300',
  info: 'text-sky-300',
} as const;

/** The war-room board: one line per workload, ≥ 28 px, worst first; keyed so updates land in place. */
export const KioskRows = memo(function KioskRows({
  rows: all,
  dimmed = false,
  maxRows = 14,
  noAccess = {},
}: {
  rows: BoardRow[];
  dimmed?: boolean;
  /** Namespaces that may not be read (`cluster/namespace`): their rows are marked. */
  noAccess?: NoAccessMap;
  /** A wall screen cannot scroll: the rest is counted on the last line. */
  maxRows?: number;
}) {
  const rows = all.length > maxRows ? all.slice(0, maxRows - 1) : all;
  const hidden = all.length - rows.length;
  if (all.length === 0) {
    return <p className="px-8 py-10 text-[40px] font-bold text-green-400">✔ Nothing unhealthy.</p>;
  }
  return (
    <ul
      className={`divide-y divide-slate-700 ${dimmed ? 'opacity-60' : ''}`}
      data-testid="kiosk-rows"
    >
      {rows.map((row) => (
        <li
          key={row.key}
          data-row={row.key}
          data-restarts={row.restarts}
          className="grid grid-cols-[2.5rem_minmax(0,3fr)_minmax(0,4fr)_5.5rem_minmax(0,15rem)] items-baseline gap-4 px-8 py-3 text-[32px] leading-tight"
        >
          <span className={`font-bold ${SYMBOL_CLASS[row.severity]}`} aria-label={row.severity}>
            {SEVERITY_SYMBOL[row.severity]}
          </span>
          <span className="truncate font-semibold text-white">
            {row.namespace} / {row.name}
          </span>
          <span className="truncate text-slate-200">
            {noAccess[`${row.cluster}/${row.namespace}`] && (
              <NoAccessTag kiosk since={noAccess[`${row.cluster}/${row.namespace}`]?.since} />
            )}
            {row.topFinding ? (
              <WithCode text={row.topFinding.title} codeClassName="font-mono" />
            ) : (
              row.status
            )}
          </span>
          <span
            className="text-right font-mono text-white tabular-nums"
            aria-label={`${row.restarts} restarts`}
          >
            {row.restarts}↻
          </span>
          <span className="truncate text-right text-slate-200 tabular-nums">
            {row.nextRetry ? `next ~${formatHourMinute(row.nextRetry.earliest)}` : row.status}
          </span>
        </li>
      ))}
      {hidden > 0 && (
        <li className="px-8 py-3 text-[28px] text-slate-300">
          + {hidden} more, less severe (see the desk board)
        </li>
      )}
    </ul>
  );
});
