// Every request but static build files and the two routes that take a body (the upload and the
// Alertmanager webhook, which run the same check themselves, app/api/_lib/guard.ts) passes here: the Host check, sign-in, and the
// security headers with a fresh CSP nonce (https://nextjs.org/docs/app/guides/content-security-policy).
import { NextResponse, type NextRequest } from 'next/server';
import { authorize, newNonce } from '@/lib/auth';
import { applyDecision, authSettings } from '@/app/api/_lib/guard';

/** Runs before routing (Next.js 16 `proxy`, formerly middleware; Node.js runtime). */
export function proxy(request: NextRequest): NextResponse {
  const settings = authSettings();
  const nonce = newNonce();
  const decision = authorize(
    { method: request.method, url: request.nextUrl, headers: request.headers },
    settings,
    Date.now(),
  );
  return applyDecision(decision, { nonce, settings, request });
}

export const config = {
  // api/diagnose and api/alerts: a proxy makes Next.js buffer the whole request body (cut at
  // proxyClientMaxBodySize, silently), which would defeat the upload cap counted as bytes arrive
  // and truncate a large Alertmanager delivery; those routes call the same guard themselves.
  matcher: ['/((?!_next/static|_next/image|api/diagnose|api/alerts).*)'],
};
