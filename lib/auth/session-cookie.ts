// Sessions as signed cookies (HMAC-SHA256): no server-side store, so replicas share them when
// they share the key. The payload is not secret (a name and an expiry), only unforgeable.
import { createHmac, timingSafeEqual } from 'node:crypto';

/** Who a session is and what it may do. */
export interface Session {
  /** The user's name ("token" for the shared access token, "kiosk" for a kiosk link). */
  user: string;
  groups: string[];
  /** Read-only kiosk sessions see the board and its stream only. */
  scope: 'full' | 'kiosk';
  /** Epoch ms. */
  expiresAt: number;
}

/** The session cookie's name. */
export const sessionCookie = 'podtrail_session';

function mac(secret: string, payload: string): Buffer {
  return createHmac('sha256', secret).update(`podtrail-session:${payload}`).digest();
}

/** The cookie value for a session. */
export function signSession(session: Session, secret: string): string {
  const payload = Buffer.from(JSON.stringify(session)).toString('base64url');
  return `${payload}.${mac(secret, payload).toString('base64url')}`;
}

/** The session in a cookie value, if its signature holds and it has not expired. */
export function verifySession(
  value: string | undefined,
  secret: string,
  now: number,
): Session | undefined {
  if (!value) return undefined;
  const [payload, signature] = value.split('.');
  if (!payload || !signature) return undefined;
  const expected = mac(secret, payload);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  try {
    const session = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Session;
    return typeof session.expiresAt === 'number' && session.expiresAt > now ? session : undefined;
  } catch {
    return undefined;
  }
}

/** Constant-time comparison of a presented secret with the configured one. */
export function secretsMatch(presented: string, configured: string): boolean {
  // Hash both first so the comparison takes the same time whatever the lengths.
  const a = createHmac('sha256', 'podtrail-compare').update(presented).digest();
  const b = createHmac('sha256', 'podtrail-compare').update(configured).digest();
  return timingSafeEqual(a, b);
}

/** The Set-Cookie value for a session (http-only, Secure, SameSite=Lax, path /). */
export function sessionSetCookie(value: string, maxAgeMs: number): string {
  const maxAge = Math.max(0, Math.floor(maxAgeMs / 1000));
  return `${sessionCookie}=${value}; Path=/; HttpOnly; Secure; SameSite=Lax; Max-Age=${maxAge}`;
}
