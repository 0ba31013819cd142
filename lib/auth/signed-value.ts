// Small JSON values the browser carries for us (sessions, an OpenID Connect sign-in in progress),
// HMAC-SHA256 signed so they cannot be forged; not encrypted, so nothing secret goes in them.
// The purpose is part of the MAC: a value signed for one purpose never verifies for another.
import { createHmac, timingSafeEqual } from 'node:crypto';

function mac(secret: string, purpose: string, payload: string): Buffer {
  return createHmac('sha256', secret).update(`podtrail-${purpose}:${payload}`).digest();
}

/** `base64url(JSON).base64url(MAC)` for a value. */
export function signValue(value: unknown, purpose: string, secret: string): string {
  const payload = Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${payload}.${mac(secret, purpose, payload).toString('base64url')}`;
}

/** The JSON value of a signed string when its MAC holds (its shape is the caller's to check). */
export function verifiedValue(
  signed: string | undefined,
  purpose: string,
  secret: string,
): unknown {
  if (!signed) return undefined;
  const [payload, signature, extra] = signed.split('.');
  if (!payload || !signature || extra !== undefined) return undefined;
  const expected = mac(secret, purpose, payload);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  try {
    return JSON.parse(Buffer.from(payload, 'base64url').toString()) as unknown;
  } catch {
    return undefined;
  }
}

/** One cookie's value from a Cookie request header. */
export function cookieValue(header: string | null | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}
