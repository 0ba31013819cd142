// GET /api/health: readiness — 200 only when a cluster is reachable, else 503; clusters by
// context name only (and not even those before sign-in: probes need no session).
// GET /api/health?live=1: liveness — the process answers (no cluster call).
import { NextResponse } from 'next/server';
import { processHealth } from '@/lib/views';
import { scopeHeader } from '../_lib/guard';

export const dynamic = 'force-dynamic';

/** Readiness (default) or liveness (`?live=1`). */
export async function GET(request: Request) {
  if (new URL(request.url).searchParams.get('live') === '1') {
    return NextResponse.json({ ok: true, live: true });
  }
  const health = await processHealth();
  const status = health.ok ? 200 : 503;
  if (request.headers.get(scopeHeader) === 'anonymous') {
    return NextResponse.json({ ok: health.ok }, { status });
  }
  return NextResponse.json(health, { status });
}
