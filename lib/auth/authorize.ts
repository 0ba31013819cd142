// The one decision every request goes through (proxy.ts, and POST /api/diagnose which proxy.ts
// leaves alone so its body streams): wrong Host → 421; signed in (or loopback mode) → allow;
// else a page goes to the sign-in page with its URL kept, an API call gets 401.
import type { AuthConfig } from './auth-config';
import { isAllowedHost } from './host-check';
import { addressMatcher, peerAddress } from './peer-address';
import { cookieValue } from './signed-value';
import {
  secretsMatch,
  sessionCookie,
  signSession,
  verifySession,
  type Session,
} from './session-cookie';

/** What authorize needs of a request. */
export interface RequestFacts {
  method: string;
  url: URL;
  headers: Headers;
}

/** The outcome for one request. */
export type Decision =
  | { kind: 'allow'; user: string; groups: string[]; scope: Session['scope'] | 'anonymous' }
  | { kind: 'redirect'; location: string; setCookie?: string }
  | { kind: 'deny'; status: 401 | 403 | 421; message: string };

/** The query parameter of a kiosk link. */
export const kioskTokenParam = 'kiosk-token';

/** Paths anyone may reach: the sign-in flow, and the probes (which see no cluster names). */
function isPublic(pathname: string): boolean {
  return pathname === '/sign-in' || pathname.startsWith('/api/auth/') || pathname === '/api/health';
}

/** What a read-only kiosk session may see: the board and its live stream. */
function kioskMay(url: URL): boolean {
  const p = url.pathname;
  if (p === '/' || p === '/api/board' || p === '/api/clusters') return true;
  return p === '/api/stream' && url.searchParams.get('scope') === 'board';
}

/** Same-origin path to return to after sign-in (never another site). */
export function safeNext(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  return next;
}

function isAlertDelivery(facts: RequestFacts): boolean {
  return facts.method === 'POST' && facts.url.pathname === '/api/alerts';
}

function isApi(pathname: string): boolean {
  return pathname.startsWith('/api/');
}

/** Who is asking, from the session cookie or the trusted proxy's headers (undefined: no one). */
export function sessionOf(
  headers: Pick<Headers, 'get'>,
  config: AuthConfig,
  now: number,
): Session | undefined {
  if (config.mode === 'proxy') {
    const trusted = addressMatcher(config.trustedProxies);
    const user = headers.get(config.userHeader);
    if (user && trusted(peerAddress(headers))) {
      const groups = (headers.get(config.groupsHeader) ?? '')
        .split(',')
        .map((g) => g.trim())
        .filter(Boolean);
      return { user, groups, scope: 'full', expiresAt: now + 1 };
    }
  }
  return verifySession(
    cookieValue(headers.get('cookie'), sessionCookie),
    config.sessionSecret,
    now,
  );
}

/** A kiosk link (`?kiosk-token=`): a long-lived read-only session, and the URL without it. */
function kioskLink(facts: RequestFacts, config: AuthConfig, now: number): Decision | undefined {
  const presented = facts.url.searchParams.get(kioskTokenParam);
  if (presented === null || !config.kioskToken || facts.method !== 'GET') return undefined;
  if (!secretsMatch(presented, config.kioskToken))
    return { kind: 'deny', status: 401, message: 'This kiosk link is not valid (any more).' };
  const clean = new URL(facts.url);
  clean.searchParams.delete(kioskTokenParam);
  const kioskMs = 30 * 24 * 3_600_000;
  const session: Session = { user: 'kiosk', groups: [], scope: 'kiosk', expiresAt: now + kioskMs };
  const value = signSession(session, config.sessionSecret);
  return {
    kind: 'redirect',
    location: clean.pathname + clean.search,
    setCookie: `${sessionCookie}=${value}; Path=/; HttpOnly; Secure; SameSite=Lax; Max-Age=${kioskMs / 1000}`,
  };
}

/** Decides one request. */
export function authorize(facts: RequestFacts, config: AuthConfig, now: number): Decision {
  if (!isAllowedHost(facts.headers.get('host') ?? facts.url.host, config)) {
    return {
      kind: 'deny',
      status: 421,
      message:
        'This host name is not served here. Add it to PODTRAIL_ALLOWED_HOSTS or PODTRAIL_PUBLIC_URL.',
    };
  }
  const kiosk = kioskLink(facts, config, now);
  if (kiosk) return kiosk;
  // Alertmanager cannot sign in: with a receiver token set, the webhook route checks that bearer
  // token itself (lib/alerts refuseReceiver), in every mode.
  if (isAlertDelivery(facts) && config.alertsReceiverToken)
    return { kind: 'allow', user: 'alertmanager', groups: [], scope: 'anonymous' };
  if (config.mode === 'none') return { kind: 'allow', user: 'local', groups: [], scope: 'full' };
  const { pathname } = facts.url;
  const session = sessionOf(facts.headers, config, now);
  if (session) {
    if (session.scope === 'kiosk' && !kioskMay(facts.url) && !isPublic(pathname))
      return { kind: 'deny', status: 403, message: 'A kiosk link shows the board only.' };
    return { kind: 'allow', user: session.user, groups: session.groups, scope: session.scope };
  }
  if (isPublic(pathname)) return { kind: 'allow', user: '', groups: [], scope: 'anonymous' };
  if (isApi(pathname) || facts.method !== 'GET' || config.mode === 'proxy') {
    const message =
      config.mode === 'proxy'
        ? 'Sign in through the auth proxy; requests must come from PODTRAIL_AUTH_PROXY_ADDRESSES.'
        : 'Sign in first: this Podtrail needs a session.';
    return { kind: 'deny', status: 401, message };
  }
  const next = safeNext(pathname + facts.url.search);
  return { kind: 'redirect', location: `/sign-in?next=${encodeURIComponent(next)}` };
}
