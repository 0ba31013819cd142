import { memo } from 'react';
import Link from 'next/link';
import type { BoardRow } from '@/lib/views/types';
import { SeverityBadge } from '@/components/ui/severity-badge';
import { podPath, workloadPath } from '@/components/format/names';
import { formatClock } from '@/components/format/time';
import { WithCode } from '@/components/ui/with-code';
import { SEVERITY_SYMBOL } from '@/components/format/exit-style';
import { NoAccessTag, type NoAccessMap } from './stale-banner';
import { TableHead } from '@/components/ui/table-head';

function NextRetry({ row }: { row: BoardRow }) {
  if (!row.nextRetry) return <span className="text-slate-500">—</span>;
  return (
    <time
      dateTime={new Date(row.nextRetry.earliest).toISOString()}
      title="the kubelet's next try (from the back-off in state.waiting.message)"
    >
      ~{formatClock(row.nextRetry.earliest)}
    </time>
  );
}

function LastExit({ row }: { row: BoardRow }) {
  if (!row.lastExit) return <span className="text-slate-500">—</span>;
  return (
    <span title="lastState.terminated.exitCode / reason / finishedAt">
      {row.lastExit.code}
      {row.lastExit.reason ? ` ${row.lastExit.reason}` : ''}
      {row.lastExit.at !== undefined && (
        <span className="text-slate-600"> at {formatClock(row.lastExit.at)}</span>
      )}
    </span>
  );
}

/** The board for desks: one row per unhealthy workload, worst first, every cell labelled. */
export const BoardTable = memo(function BoardTable({
  rows,
  showCluster,
  noAccess = {},
}: {
  rows: BoardRow[];
  showCluster: boolean;
  /** Namespaces that may not be read (`cluster/namespace`): their rows are marked. */
  noAccess?: NoAccessMap;
}) {
  return (
    <div className="overflow-x-auto">
      <table
        className="w-full min-w-[56rem] border-collapse text-left text-sm"
        data-testid="board-table"
      >
        <caption className="sr-only">Unhealthy workloads and pods, worst first</caption>
        <TableHead
          columns={[
            { label: 'Severity' },
            { label: 'Workload' },
            { label: 'Top finding' },
            { label: 'Restarts', title: 'restartCount of the worst pod plus the pods it replaced' },
            { label: 'Next retry' },
            { label: 'Last exit' },
            { label: 'Status' },
          ]}
        />
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} className="border-b border-slate-200 align-top" data-row={row.key}>
              <td className="py-2 pr-2">
                <SeverityBadge severity={row.severity} />
              </td>
              <td className="py-2 pr-2">
                {/* No prefetch: each one renders the pod's page on the server (its logs, its
                    metrics) — with one board open, ~150 API reads a minute for rows nobody
                    opened. */}
                <Link
                  href={podPath(row.cluster, row.namespace, row.pod)}
                  prefetch={false}
                  className="font-semibold text-blue-800 underline underline-offset-2"
                >
                  {showCluster && `${row.cluster} · `}
                  {row.namespace} / {row.name}
                </Link>
                {noAccess[`${row.cluster}/${row.namespace}`] && (
                  <NoAccessTag since={noAccess[`${row.cluster}/${row.namespace}`]?.since} />
                )}
                <div className="text-xs text-slate-600">
                  {row.kind !== 'Pod' ? (
                    <Link
                      href={workloadPath(row.cluster, row.namespace, row.kind, row.name)}
                      className="underline"
                    >
                      {row.kind}
                    </Link>
                  ) : (
                    'Pod'
                  )}{' '}
                  · {row.podCount} pod{row.podCount === 1 ? '' : 's'} · worst {row.pod}
                </div>
              </td>
              <td className="py-2 pr-2">
                {row.topFinding ? (
                  <p data-testid="board-cause">
                    <span aria-hidden="true">{SEVERITY_SYMBOL[row.topFinding.severity]} </span>
                    <WithCode text={row.topFinding.title} />
                  </p>
                ) : (
                  <span className="text-slate-500">—</span>
                )}
                {row.trap && (
                  <p data-testid="board-trap" className="mt-1 text-amber-900">
                    <span aria-hidden="true">⚠ </span>
                    <WithCode text={row.trap.title} />
                  </p>
                )}
              </td>
              <td className="py-2 pr-2 font-mono whitespace-nowrap" data-testid="board-restarts">
                {row.restarts}↻
                {row.podRestarts !== undefined && row.podRestarts !== row.restarts && (
                  <span className="block text-xs text-slate-600">this pod {row.podRestarts}</span>
                )}
              </td>
              <td className="py-2 pr-2">
                <NextRetry row={row} />
              </td>
              <td className="py-2 pr-2">
                <LastExit row={row} />
              </td>
              <td className="py-2 whitespace-nowrap">{row.status}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
});
