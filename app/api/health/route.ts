// GET /api/health: readiness — 200 only when a cluster is reachable, else 503; clusters by
// context name only, each with when its API server last answered; whether history is recording
// and what went wrong with its store if anything did; the process's memory. Before sign-in
// (probes) only `ok`. GET /api/health?live=1: liveness — the process answers (no cluster call).
import { NextResponse } from 'next/server';
import type { ClusterContact } from '@/lib/k8s';
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
      contact: runtime.access.clusters.map((c) =>
        contactOf(c.name, runtime.access.contact(c.name)),
      ),
      history:
        health.history === 'disabled' && runtime.historyError ? 'unavailable' : health.history,
      ...(problem ? { historyProblem: problem } : {}),
      // Bytes: rss, heapTotal, heapUsed, external (PGlite's WASM memory among it), arrayBuffers.
      memory: process.memoryUsage(),
    },
    { status },
  );
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
