// POST /api/auth/sign-in (form: token, next): the shared access token, compared in constant
// time; failures per client address are rate-limited (429 with Retry-After).
import { NextResponse } from 'next/server';
import {
  AttemptLimiter,
  peerAddress,
  safeNext,
  secretsMatch,
  sessionSetCookie,
  signSession,
} from '@/lib/auth';
import { BodyTooLargeError, readBodyCapped } from '../../_lib/body';
import { authSettings } from '../../_lib/guard';
import { jsonError } from '../../_lib/respond';

export const dynamic = 'force-dynamic';

let limiter: AttemptLimiter | undefined;

function redirect(location: string, cookie?: string): NextResponse {
  const response = new NextResponse(null, { status: 303, headers: { Location: location } });
  if (cookie) response.headers.append('Set-Cookie', cookie);
  return response;
}

/** Checks the token; on success sets the session cookie and returns to `next`. */
export async function POST(request: Request) {
  const settings = authSettings();
  if (settings.mode !== 'token' || !settings.accessToken)
    return jsonError(404, 'Token sign-in is not enabled (PODTRAIL_AUTH is not token).');
  limiter ??= new AttemptLimiter(settings.attemptsPerMinute);
  const client = peerAddress(request.headers) ?? 'unknown';
  const wait = limiter.retryAfterMs(client);
  if (wait > 0) {
    const response = jsonError(429, 'Too many sign-in attempts; wait a minute and try again.');
    response.headers.set('Retry-After', String(Math.ceil(wait / 1000)));
    return response;
  }
  let form: URLSearchParams;
  try {
    form = new URLSearchParams(new TextDecoder().decode(await readBodyCapped(request, 4096)));
  } catch (error) {
    return jsonError(error instanceof BodyTooLargeError ? 413 : 400, 'Send the sign-in form.');
  }
  const next = safeNext(form.get('next'));
  if (!secretsMatch(form.get('token') ?? '', settings.accessToken)) {
    limiter.fail(client);
    return redirect(`/sign-in?error=invalid&next=${encodeURIComponent(next)}`);
  }
  limiter.succeed(client);
  const session = signSession(
    { user: 'token', groups: [], scope: 'full', expiresAt: Date.now() + settings.sessionMs },
    settings.sessionSecret,
  );
  return redirect(next, sessionSetCookie(session, settings.sessionMs));
}
