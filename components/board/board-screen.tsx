import Link from 'next/link';
import type { BoardView } from '@/lib/views/types';
import { formatClock, formatRelative } from '@/components/format/time';
import { BoardCards } from './board-cards';
import { BoardTable } from './board-table';
import { summaryParts } from './board-words';
import { countStates, headlineParts } from './kiosk-headline';
import { KioskRestarts } from './kiosk-restarts';
import { KioskRows } from './kiosk-rows';
import { StaleBanner } from './stale-banner';

export type Connection = 'live' | 'reconnecting' | 'stale';

export interface BoardScreenProps {
  board: BoardView;
  connection: Connection;
  /** When the last update (SSE message or fetch) arrived; generatedAt on first paint. */
  lastUpdateAt: number;
  now: number;
  kiosk: boolean;
}

/** The connection is down if the stream says so or any cluster's watch is stale. */
function staleWhat(board: BoardView, connection: Connection): string | undefined {
  // 'reconnecting' is the brief state before the first message or after a blip; only 'stale'
  // (the stream has been down for a while) earns the banner.
  if (connection === 'stale') return 'connection';
  const bad = board.clusters.filter((c) => c.state === 'stale' || c.state === 'error');
  if (bad.length > 0) return `cluster ${bad.map((c) => c.cluster).join(', ')} watch`;
  return undefined;
}

function lastGoodAt(board: BoardView, lastUpdateAt: number, connection: Connection): number {
  if (connection === 'stale') return lastUpdateAt;
  const times = board.clusters
    .flatMap((c) => c.resources.map((r) => r.lastEventAt ?? 0))
    .filter((t) => t > 0);
  return times.length > 0 ? Math.min(...times) : lastUpdateAt;
}

/** The board, plain props in: the desk table, or the kiosk's large dark lines. */
export function BoardScreen({ board, connection, lastUpdateAt, now, kiosk }: BoardScreenProps) {
  const stale = staleWhat(board, connection);
  const parts = summaryParts(board.counts);
  // The wall says what the workloads are doing (crash-looping, image pull, OOM), not why.
  const headline = headlineParts(countStates(board));
  const clusters = board.clusters.map((c) => c.cluster).join(', ') || 'no cluster';
  const updated = (
    <span suppressHydrationWarning data-testid="updated-ago">
      updated {formatRelative(Math.min(lastUpdateAt, now), now)} ({formatClock(lastUpdateAt)})
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
        {stale && (
          <StaleBanner
            kiosk
            since={lastGoodAt(board, lastUpdateAt, connection)}
            now={now}
            what={stale}
          />
        )}
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
        <KioskRows rows={board.rows} now={now} dimmed={stale !== undefined} maxRows={6} />
        <KioskRestarts rows={board.rows} />
      </main>
    );
  }
  return (
    <div className="flex flex-col gap-4" data-connection={connection}>
      {stale && (
        <StaleBanner since={lastGoodAt(board, lastUpdateAt, connection)} now={now} what={stale} />
      )}
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
            <BoardTable rows={board.rows} showCluster={board.clusters.length > 1} />
          </div>
          <div className="md:hidden">
            <BoardCards rows={board.rows} />
          </div>
        </>
      )}
    </div>
  );
}
