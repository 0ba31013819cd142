// Sessions as signed cookies (HMAC-SHA256): no server-side store, so replicas share them when
// they share the key. The payload is not secret (a name and an expiry), only unforgeable.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { signValue, verifiedValue } from './signed-value';

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

const sessionShape = z.object({
  user: z.string().min(1),
  groups: z.array(z.string()),
  scope: z.enum(['full', 'kiosk']),
  expiresAt: z.number(),
});

/** The cookie value for a session. */
export function signSession(session: Session, secret: string): string {
  return signValue(session, 'session', secret);
}

/** The session in a cookie value, if its signature holds and it has not expired. */
export function verifySession(
  value: string | undefined,
  secret: string,
  now: number,
): Session | undefined {
  const parsed = sessionShape.safeParse(verifiedValue(value, 'session', secret));
  return parsed.success && parsed.data.expiresAt > now ? parsed.data : undefined;
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
