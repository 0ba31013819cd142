// GET /api/health: the process is up; how many clusters and whether each answers; whether history
// is recording, and what went wrong with its store if anything did; the process's memory.
import { NextResponse } from 'next/server';
import type { ClusterContact } from '@/lib/k8s';
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
    contact: runtime.access.clusters.map((c) => contactOf(c.name, runtime.access.contact(c.name))),
    history: history ? history.store.engine : runtime.historyError ? 'unavailable' : 'disabled',
    ...(problem ? { historyProblem: problem } : {}),
    recorders: runtime.recorders.length,
    configError: runtime.configError,
    // Bytes: rss, heapTotal, heapUsed, external (PGlite's WASM memory among it), arrayBuffers.
    memory: process.memoryUsage(),
  });
}

/**
 * What /api/health says about reaching one cluster: by context name, never its address; when
 * another cluster answered there or it went back to an older state (times only).
 */
function contactOf(cluster: string, contact: ClusterContact) {
  const { state, lastContactAt, unreachableSince, identityChange, rewind } = contact;
  return {
    cluster,
    state,
    lastContactAt,
    unreachableSince,
    ...(identityChange ? { identityChange: { at: identityChange.at } } : {}),
    ...(rewind ? { rewind: { at: rewind.at } } : {}),
  };
}
