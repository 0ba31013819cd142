// Turns lib/auth's decision into a Next.js answer: the same for proxy.ts and for the one route
// proxy.ts leaves alone (POST /api/diagnose), so every route is guarded the same way.
import { NextResponse } from 'next/server';
import {
  authConfigFromEnv,
  authorize,
  newNonce,
  securityHeaders,
  type AuthConfig,
  type Decision,
} from '@/lib/auth';

let settings: AuthConfig | undefined;

/** The auth settings of this process (read once; a bad setting throws, naming it). */
export function authSettings(): AuthConfig {
  return (settings ??= authConfigFromEnv());
}

/** Request headers pages and routes read: who is signed in (set here, never by the client). */
export const userHeader = 'x-podtrail-user';
export const scopeHeader = 'x-podtrail-scope';

function withHeaders(response: NextResponse, headers: Record<string, string>): NextResponse {
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

/** The Next.js response for a decision: continue (with identity headers) or answer now. */
export function applyDecision(
  decision: Decision,
  options: { nonce: string; settings: AuthConfig; request: Request },
): NextResponse {
  const dev = process.env.NODE_ENV !== 'production';
  const headers = securityHeaders(options.nonce, options.settings, { dev });
  if (decision.kind === 'deny') {
    const response = NextResponse.json({ error: decision.message }, { status: decision.status });
    return withHeaders(response, headers);
  }
  if (decision.kind === 'redirect') {
    // Next.js wants absolute redirect URLs; the Host was checked above, so this stays on it.
    const location = new URL(decision.location, options.request.url);
    const response = NextResponse.redirect(location, 303);
    if (decision.setCookie) response.headers.append('Set-Cookie', decision.setCookie);
    return withHeaders(response, headers);
  }
  const forwarded = new Headers(options.request.headers);
  forwarded.set('x-nonce', options.nonce);
  // Next.js reads the nonce for its own scripts from the request's CSP header.
  forwarded.set('content-security-policy', headers['Content-Security-Policy'] ?? '');
  forwarded.set(userHeader, decision.user);
  forwarded.set(scopeHeader, decision.scope);
  return withHeaders(NextResponse.next({ request: { headers: forwarded } }), headers);
}

/** For routes outside proxy.ts: an answer when the request is refused, else undefined. */
export function guardRoute(request: Request): NextResponse | undefined {
  const decision = authorize(
    { method: request.method, url: new URL(request.url), headers: request.headers },
    authSettings(),
    Date.now(),
  );
  if (decision.kind === 'allow') return undefined;
  return applyDecision(decision, { nonce: newNonce(), settings: authSettings(), request });
}

/** The security headers for a response made outside proxy.ts. */
export function routeSecurityHeaders(): Record<string, string> {
  return securityHeaders(newNonce(), authSettings());
}
