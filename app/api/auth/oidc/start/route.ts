// GET /api/auth/oidc/start?next=: off to the OpenID Connect provider (code flow, PKCE, state, nonce).
import { NextResponse } from 'next/server';
import { safeNext, startOidcSignIn } from '@/lib/auth';
import { authSettings } from '../../../_lib/guard';
import { jsonError } from '../../../_lib/respond';

export const dynamic = 'force-dynamic';

/** Redirects to the provider, remembering the attempt in a short-lived signed cookie. */
export async function GET(request: Request) {
  const settings = authSettings();
  if (settings.mode !== 'oidc') return jsonError(404, 'OpenID Connect sign-in is not enabled.');
  const next = safeNext(new URL(request.url).searchParams.get('next'));
  try {
    const { location, setCookie } = await startOidcSignIn(settings, next, Date.now());
    const response = new NextResponse(null, { status: 303, headers: { Location: location } });
    response.headers.append('Set-Cookie', setCookie);
    return response;
  } catch (error) {
    console.error('podtrail: OpenID Connect discovery failed:', String(error));
    return jsonError(
      502,
      'The identity provider (PODTRAIL_OIDC_ISSUER) did not answer; try again.',
    );
  }
}
