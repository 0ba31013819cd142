import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { boardForViewer, checkBoardAccess, getBoardView } from '@/lib/views';
import { viewerOf } from '@/app/api/_lib/viewer';
import { AppShell } from '@/components/ui/app-shell';
import { ErrorPanel } from '@/components/ui/state-panels';
import { BoardFilters, type BoardFilterValues } from '@/components/board/board-filters';
import { LiveBoard } from '@/components/board/live-board';

export const dynamic = 'force-dynamic';

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function one(value: string | string[] | undefined): string | undefined {
  const v = Array.isArray(value) ? value[0] : value;
  return v ? v : undefined;
}

function parseFilters(sp: Record<string, string | string[] | undefined>): BoardFilterValues {
  const severity = one(sp.severity);
  return {
    cluster: one(sp.cluster),
    namespace: one(sp.namespace),
    severity:
      severity === 'critical' || severity === 'warning' || severity === 'info'
        ? severity
        : undefined,
  };
}

export async function generateMetadata({
  searchParams,
}: {
  searchParams: SearchParams;
}): Promise<Metadata> {
  const sp = await searchParams;
  return { title: one(sp.kiosk) === '1' ? 'Wall screen' : 'Board' };
}

/** The board: every unhealthy workload, worst first; `?kiosk=1` for the war-room screen. */
export default async function BoardPage({ searchParams }: { searchParams: SearchParams }) {
  const sp = await searchParams;
  const filters = parseFilters(sp);
  const kiosk = one(sp.kiosk) === '1';
  let board;
  try {
    const viewer = viewerOf(await headers());
    await checkBoardAccess(viewer, filters);
    board = await boardForViewer(await getBoardView(filters), viewer);
  } catch (error) {
    return (
      <AppShell>
        <ErrorPanel
          title="Could not build the board"
          message={error instanceof Error ? error.message : String(error)}
        />
      </AppShell>
    );
  }
  if (kiosk) return <LiveBoard initial={board} filters={filters} kiosk />;
  return (
    <AppShell>
      <div className="mx-auto flex max-w-6xl flex-col gap-4 px-3 py-4 sm:px-6">
        <h1 className="text-2xl font-bold">Unhealthy pods and workloads</h1>
        <BoardFilters board={board} values={filters} />
        <LiveBoard initial={board} filters={filters} kiosk={false} />
      </div>
    </AppShell>
  );
}
