// OpenID Connect sign-in with openid-client: authorization code flow with PKCE (S256), state and
// nonce. The attempt in progress (verifier, state, nonce, where to go back) rides in a short-lived
// signed cookie scoped to /api/auth/oidc, so any replica can finish a sign-in another started and
// nothing is kept in memory. The session it ends in is the same signed cookie as token mode's.
import * as client from 'openid-client';
import { z } from 'zod';
import { isLoopbackBind, type AuthConfig, type OidcSettings } from './auth-config';
import { identityFromClaims, OidcRefusedError } from './oidc-identity';
import { sessionSetCookie, signSession, type Session } from './session-cookie';
import { signValue, verifiedValue } from './signed-value';

/** The cookie of a sign-in in progress. */
export const oidcTransactionCookie = 'podtrail_oidc';
/** Where the provider sends the browser back to (registered at the provider). */
export const oidcCallbackPath = '/api/auth/oidc/callback';

const transactionMs = 10 * 60_000;
/** A session cookie's value stays under this (4096 bytes per cookie, with its name and flags). */
const maxCookieValue = 3_900;
const transactionShape = z.object({
  verifier: z.string(),
  state: z.string(),
  nonce: z.string(),
  next: z.string(),
  expiresAt: z.number(),
});

let discovered: { key: string; config: Promise<client.Configuration> } | undefined;

function oidcOf(settings: AuthConfig): OidcSettings {
  if (!settings.oidc) throw new OidcRefusedError('PODTRAIL_AUTH is not oidc', 'oidc');
  return settings.oidc;
}

/** The provider's metadata, discovered once per issuer and client (again after a failure). */
function providerConfig(o: OidcSettings): Promise<client.Configuration> {
  const key = `${o.issuer.href}|${o.clientId}`;
  if (discovered?.key !== key) {
    // Plain http only to a provider on this machine (tests, a local development provider).
    const insecure = o.issuer.protocol === 'http:' && isLoopbackBind(o.issuer.hostname);
    const config = client
      .discovery(o.issuer, o.clientId, o.clientSecret, o.clientSecret ? undefined : client.None(), {
        execute: insecure ? [client.allowInsecureRequests] : [],
        timeout: 10,
      })
      .catch((error: unknown) => {
        discovered = undefined;
        throw error;
      });
    discovered = { key, config };
  }
  return discovered.config;
}

/** An error's message and those of its causes (openid-client puts the check that failed there). */
function causes(error: unknown): string {
  const messages: string[] = [];
  for (let e = error; e instanceof Error && messages.length < 4; e = e.cause)
    messages.push(e.message);
  return messages.join(': ') || String(error);
}

function redirectUri(settings: AuthConfig): string {
  return new URL(oidcCallbackPath, settings.publicUrl).href;
}

function transactionCookie(value: string, maxAgeMs: number): string {
  const maxAge = Math.floor(maxAgeMs / 1000);
  return `${oidcTransactionCookie}=${value}; Path=/api/auth/oidc; HttpOnly; Secure; SameSite=Lax; Max-Age=${maxAge}`;
}

/** Where to send the browser to sign in, and the cookie that remembers this attempt. */
export async function startOidcSignIn(
  settings: AuthConfig,
  next: string,
  now: number,
): Promise<{ location: string; setCookie: string }> {
  const o = oidcOf(settings);
  const config = await providerConfig(o);
  const verifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  const location = client.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri(settings),
    scope: o.scopes,
    code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state,
    nonce,
  });
  const transaction = { verifier, state, nonce, next, expiresAt: now + transactionMs };
  const value = signValue(transaction, 'oidc-transaction', settings.sessionSecret);
  return { location: location.href, setCookie: transactionCookie(value, transactionMs) };
}

/** The outcome of a finished sign-in: cookies to set and where to go back. */
export interface OidcSignedIn {
  location: string;
  setCookies: string[];
  session: Session;
}

/**
 * Finishes a sign-in at the callback: the code is exchanged with the PKCE verifier, the state and
 * the ID token's nonce, issuer, audience and signature are checked by openid-client, then the
 * allow lists. Throws OidcRefusedError (the cause logged by the caller) when anything is off.
 */
export async function finishOidcSignIn(
  settings: AuthConfig,
  callbackSearch: string,
  transactionValue: string | undefined,
  now: number,
): Promise<OidcSignedIn> {
  const o = oidcOf(settings);
  const parsed = transactionShape.safeParse(
    verifiedValue(transactionValue, 'oidc-transaction', settings.sessionSecret),
  );
  if (!parsed.success || parsed.data.expiresAt <= now)
    throw new OidcRefusedError(
      'no sign-in in progress here (expired, or started elsewhere)',
      'oidc',
    );
  const t = parsed.data;
  const config = await providerConfig(o);
  const current = new URL(redirectUri(settings));
  current.search = callbackSearch;
  let claims: Record<string, unknown> | undefined;
  try {
    const tokens = await client.authorizationCodeGrant(config, current, {
      pkceCodeVerifier: t.verifier,
      expectedState: t.state,
      expectedNonce: t.nonce,
      idTokenExpected: true,
    });
    claims = tokens.claims();
  } catch (error) {
    throw new OidcRefusedError(`the provider's answer was refused: ${causes(error)}`, 'oidc');
  }
  if (!claims) throw new OidcRefusedError('the provider sent no ID token', 'oidc');
  const { user, groups } = identityFromClaims(claims, o);
  const session: Session = { user, groups, scope: 'full', expiresAt: now + settings.sessionMs };
  const value = signSession(session, settings.sessionSecret);
  // Browsers drop a cookie over 4096 bytes, which would send the person round in circles.
  if (value.length > maxCookieValue)
    throw new OidcRefusedError(
      `${user} is in ${groups.length} groups, too many for a session cookie: narrow PODTRAIL_OIDC_GROUPS_CLAIM or the provider's groups for this client`,
      'oidc',
    );
  return {
    location: t.next,
    session,
    setCookies: [sessionSetCookie(value, settings.sessionMs), transactionCookie('', 0)],
  };
}
