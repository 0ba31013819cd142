import Link from 'next/link';
import type { BoardView } from '@/lib/views/types';
import { formatClock, formatRelative } from '@/components/format/time';
import { BoardCards } from './board-cards';
import { BoardTable } from './board-table';
import { summaryParts } from './board-words';
import { countStates, headlineParts } from './kiosk-headline';
import { KioskRestarts } from './kiosk-restarts';
import { KioskRows } from './kiosk-rows';
import { freshnessOf } from '@/components/ui/freshness';
import { FreshnessNotices, noAccessMap } from './stale-banner';

export type Connection = 'live' | 'reconnecting' | 'stale';

export interface BoardScreenProps {
  board: BoardView;
  connection: Connection;
  /** When the last update (SSE message or fetch) arrived; generatedAt on first paint. */
  lastUpdateAt: number;
  /** Per cluster, the last answer from its API server (from the stream's heartbeats). */
  contact?: Record<string, number>;
  /** Since when the stream to Podtrail has been down. */
  downSince?: number;
  now: number;
  kiosk: boolean;
}

/** The board, plain props in: the desk table, or the kiosk's large dark lines. */
export function BoardScreen({
  board,
  connection,
  lastUpdateAt,
  contact,
  downSince,
  now,
  kiosk,
}: BoardScreenProps) {
  const fresh = freshnessOf(
    board.clusters,
    { connection, contact, downSince, lastUpdateAt },
    board.generatedAt,
  );
  const stale = fresh.outage;
  // "Updated" is the last answer from the cluster, not the last message from Podtrail.
  const updatedAt = fresh.updatedAt ?? lastUpdateAt;
  const noAccess = noAccessMap(fresh.noAccess);
  const parts = summaryParts(board.counts);
  // The wall says what the workloads are doing (crash-looping, image pull, OOM), not why.
  const headline = headlineParts(countStates(board));
  const clusters = board.clusters.map((c) => c.cluster).join(', ') || 'no cluster';
  const updated = (
    <span suppressHydrationWarning data-testid="updated-ago">
      updated {formatRelative(Math.min(updatedAt, now), now)} ({formatClock(updatedAt)})
      {connection === 'reconnecting' && ' · connecting…'}
    </span>
  );
  if (kiosk) {
    return (
      <main
        className="min-h-screen bg-black text-white"
        data-testid="kiosk"
        data-connection={connection}
      >
        <FreshnessNotices kiosk fresh={fresh} noAccess={fresh.noAccess} now={now} />
        <div className="flex flex-wrap items-baseline justify-between gap-x-6 gap-y-1 border-b-2 border-slate-600 px-3 py-4 text-[22px] font-bold sm:px-8 sm:text-[32px]">
          <h1 className="min-w-0 truncate">
            <span className={board.rows.length > 0 ? 'text-red-400' : 'text-green-400'} aria-hidden>
              ●{' '}
            </span>
            {headline.length > 0 ? headline.join(' · ') : `${board.rows.length} unhealthy`}
          </h1>
          <p className="min-w-0 text-[18px] font-normal text-slate-200 sm:shrink-0 sm:text-[28px]">
            {clusters} · {updated}
          </p>
        </div>
        <KioskRows
          rows={board.rows}
          now={now}
          dimmed={stale !== undefined}
          maxRows={6}
          noAccess={noAccess}
        />
        <KioskRestarts rows={board.rows} />
      </main>
    );
  }
  return (
    <div className="flex flex-col gap-4" data-connection={connection}>
      <FreshnessNotices fresh={fresh} noAccess={fresh.noAccess} now={now} />
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <p className="text-lg font-semibold" data-testid="board-summary">
          {board.rows.length} unhealthy{parts.length > 0 ? ` — ${parts.join(' · ')}` : ''}
        </p>
        <p className="text-sm text-slate-700">
          {clusters} · {updated} ·{' '}
          <Link href="/?kiosk=1" className="text-blue-800 underline">
            wall screen
          </Link>
        </p>
      </div>
      {board.clusters.length === 0 ? (
        <p className="rounded border border-amber-500 bg-amber-50 p-4 text-amber-950">
          No cluster is configured: Podtrail reads the clusters of <code>KUBECONFIG</code> (or its
          in-cluster service account). Without one,{' '}
          <Link href="/import" className="underline">
            import
          </Link>{' '}
          kubectl output instead.
        </p>
      ) : board.rows.length === 0 ? (
        <p className="rounded border border-green-700 bg-green-50 p-4 text-green-900">
          ✔ Nothing unhealthy matches these filters.
        </p>
      ) : (
        <>
          <div className="hidden md:block">
            <BoardTable
              rows={board.rows}
              showCluster={board.clusters.length > 1}
              noAccess={noAccess}
            />
          </div>
          <div className="md:hidden">
            <BoardCards rows={board.rows} noAccess={noAccess} />
          </div>
        </>
      )}
    </div>
  );
}
