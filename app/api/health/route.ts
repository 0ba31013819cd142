// GET /api/health: the process is up; how many clusters and whether each answers; whether history
// is recording, and what went wrong with its store if anything did; the process's memory.
import { NextResponse } from 'next/server';
import { getRuntime, historyProblemOf } from '@/lib/views';

export const dynamic = 'force-dynamic';

/** Liveness and a summary of what this process serves. */
export async function GET() {
  const runtime = getRuntime();
  const history = await runtime.history;
  const problem = await historyProblemOf(runtime);
  return NextResponse.json({
    ok: true,
    clusters: runtime.access.clusters.map((c) => c.name),
    contact: runtime.access.clusters.map((c) => {
      const { state, lastContactAt, unreachableSince } = runtime.access.contact(c.name);
      return { cluster: c.name, state, lastContactAt, unreachableSince };
    }),
    history: history ? history.store.engine : runtime.historyError ? 'unavailable' : 'disabled',
    ...(problem ? { historyProblem: problem } : {}),
    recorders: runtime.recorders.length,
    configError: runtime.configError,
    // Bytes: rss, heapTotal, heapUsed, external (PGlite's WASM memory among it), arrayBuffers.
    memory: process.memoryUsage(),
  });
}
