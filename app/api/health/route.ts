// GET /api/health: the process is up; how many clusters; whether history is recording.
import { NextResponse } from 'next/server';
import { getRuntime } from '@/lib/views';

export const dynamic = 'force-dynamic';

/** Liveness and a summary of what this process serves. */
export async function GET() {
  const runtime = getRuntime();
  const history = await runtime.history;
  return NextResponse.json({
    ok: true,
    clusters: runtime.access.clusters.map((c) => c.name),
    history: history ? history.store.engine : 'disabled',
    recorders: runtime.recorders.length,
    configError: runtime.configError,
  });
}
