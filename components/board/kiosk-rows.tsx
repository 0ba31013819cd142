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
function NextTry({ row, now }: { row: BoardRow; now: number }) {
  if (!row.nextRetry) return <>{row.status}</>;
  // Past the kubelet's latest start and still waiting: something else holds it (or the watch).
  if (now > row.nextRetry.latest) {
    return (
      <span className="font-bold text-amber-300" data-testid="kiosk-overdue">
        overdue since {formatHourMinute(row.nextRetry.latest)}
      </span>
    );
  }
  return <>next ~{formatHourMinute(row.nextRetry.earliest)}</>;
}

export const KioskRows = memo(function KioskRows({
  rows: all,
  now,
  dimmed = false,
  maxRows = 8,
  noAccess = {},
}: {
  rows: BoardRow[];
  now: number;
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
          className="grid grid-cols-[2rem_minmax(0,1fr)_4rem] items-baseline gap-x-3 gap-y-1 px-3 py-3 text-[20px] leading-tight sm:grid-cols-[2.5rem_minmax(0,3fr)_minmax(0,5fr)_5.5rem_minmax(0,14rem)] sm:gap-4 sm:px-8 sm:text-[30px]"
        >
          <span className={`font-bold ${SYMBOL_CLASS[row.severity]}`} aria-label={row.severity}>
            {SEVERITY_SYMBOL[row.severity]}
          </span>
          <span className="font-semibold break-words text-white">
            {row.namespace} / {row.name}
          </span>
          <span className="col-span-2 col-start-2 min-w-0 text-slate-200 sm:col-span-1 sm:col-start-auto">
            {noAccess[`${row.cluster}/${row.namespace}`] && (
              <NoAccessTag kiosk since={noAccess[`${row.cluster}/${row.namespace}`]?.since} />
            )}
            <span className="line-clamp-2 break-words" data-testid="kiosk-cause">
              {row.topFinding ? (
                <WithCode text={row.topFinding.title} codeClassName="font-mono" />
              ) : (
                row.status
              )}
            </span>
            {row.trap && (
              <span
                className="mt-1 line-clamp-2 block text-[18px] break-words text-amber-300 sm:text-[26px]"
                data-testid="kiosk-trap"
              >
                <span aria-hidden="true">⚠ </span>
                <WithCode text={row.trap.title} codeClassName="font-mono" />
              </span>
            )}
          </span>
          <span
            className="col-start-3 row-start-1 text-right font-mono text-white tabular-nums sm:col-start-auto sm:row-start-auto"
            aria-label={`${row.restarts} restarts`}
          >
            {row.restarts}↻
          </span>
          <span className="col-span-2 col-start-2 break-words text-slate-200 tabular-nums sm:col-span-1 sm:col-start-auto sm:text-right">
            <NextTry row={row} now={now} />
          </span>
        </li>
      ))}
      {hidden > 0 && (
        <li className="px-3 py-3 text-[18px] text-slate-300 sm:px-8 sm:text-[24px]">
          + {hidden} more, less severe:{' '}
          {all.slice(rows.length).map((row, i) => (
            <span key={row.key} data-row={row.key} data-restarts={row.restarts}>
              {i > 0 && ' · '}
              {SEVERITY_SYMBOL[row.severity]} {row.namespace}/{row.name} {row.restarts}↻
            </span>
          ))}
        </li>
      )}
    </ul>
  );
});
