// GET /api/health: readiness — 200 only when a cluster is reachable, else 503; clusters by
// context name only, each with when its API server last answered; whether history is recording
// and what went wrong with its store if anything did; the process's memory. Before sign-in
// (probes) only `ok`. GET /api/health?live=1: liveness — the process answers (no cluster call).
import { NextResponse } from 'next/server';
import { getRuntime, historyProblemOf, processHealth } from '@/lib/views';
import { scopeHeader } from '../_lib/guard';

export const dynamic = 'force-dynamic';

/** Readiness (default) or liveness (`?live=1`). */
export async function GET(request: Request) {
  if (new URL(request.url).searchParams.get('live') === '1') {
    return NextResponse.json({ ok: true, live: true });
  }
  const runtime = getRuntime();
  const health = await processHealth(runtime);
  const status = health.ok ? 200 : 503;
  if (request.headers.get(scopeHeader) === 'anonymous') {
    return NextResponse.json({ ok: health.ok }, { status });
  }
  const problem = await historyProblemOf(runtime);
  return NextResponse.json(
    {
      ...health,
      contact: runtime.access.clusters.map((c) => {
        const { state, lastContactAt, unreachableSince } = runtime.access.contact(c.name);
        return { cluster: c.name, state, lastContactAt, unreachableSince };
      }),
      history:
        health.history === 'disabled' && runtime.historyError ? 'unavailable' : health.history,
      ...(problem ? { historyProblem: problem } : {}),
      // Bytes: rss, heapTotal, heapUsed, external (PGlite's WASM memory among it), arrayBuffers.
      memory: process.memoryUsage(),
    },
    { status },
  );
}
