// GET /api/auth/oidc/callback?code=&state=: the provider sends the browser back here; the code is
// exchanged, the session set, and the browser goes back to the page it first asked for.
import { NextResponse } from 'next/server';
import { cookieValue, finishOidcSignIn, OidcRefusedError, oidcTransactionCookie } from '@/lib/auth';
import { authSettings } from '../../../_lib/guard';
import { jsonError } from '../../../_lib/respond';

export const dynamic = 'force-dynamic';

function seeOther(location: string): NextResponse {
  return new NextResponse(null, { status: 303, headers: { Location: location } });
}

/** Finishes the sign-in, or back to the sign-in page saying why not (the cause is logged). */
export async function GET(request: Request) {
  const settings = authSettings();
  if (settings.mode !== 'oidc') return jsonError(404, 'OpenID Connect sign-in is not enabled.');
  try {
    const done = await finishOidcSignIn(
      settings,
      new URL(request.url).search,
      cookieValue(request.headers.get('cookie'), oidcTransactionCookie),
      Date.now(),
    );
    const response = seeOther(done.location);
    for (const cookie of done.setCookies) response.headers.append('Set-Cookie', cookie);
    return response;
  } catch (error) {
    console.error('podtrail: OpenID Connect sign-in refused:', String(error));
    const code = error instanceof OidcRefusedError ? error.code : 'oidc';
    return seeOther(`/sign-in?error=${code}`);
  }
}
