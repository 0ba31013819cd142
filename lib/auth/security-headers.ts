// Headers every response carries. The CSP allows scripts only with this response's nonce (Next.js
// puts it on its own scripts: https://nextjs.org/docs/app/guides/content-security-policy), no
// inline handlers, no plugins, no framing unless a kiosk embedding origin is configured.
import { randomBytes } from 'node:crypto';
import type { AuthConfig } from './auth-config';

/** A fresh nonce for one response. */
export function newNonce(): string {
  return randomBytes(16).toString('base64');
}

/** The Content-Security-Policy for a response with this nonce. */
export function contentSecurityPolicy(
  nonce: string,
  config: Pick<AuthConfig, 'frameAncestors'>,
  options: { dev?: boolean } = {},
): string {
  const ancestors = config.frameAncestors.length > 0 ? config.frameAncestors.join(' ') : "'none'";
  return [
    "default-src 'self'",
    // 'strict-dynamic' lets Next.js's nonce'd loader add its chunks; dev needs eval for HMR.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ''}`,
    // React sets style attributes (widths of timeline bars); inline <style> is not used.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    `frame-ancestors ${ancestors}`,
  ].join('; ');
}

/** Every security header of a response (CSP included). */
export function securityHeaders(
  nonce: string,
  config: Pick<AuthConfig, 'frameAncestors'>,
  options: { dev?: boolean } = {},
): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(nonce, config, options),
    'Referrer-Policy': 'no-referrer',
    'X-Content-Type-Options': 'nosniff',
    ...(config.frameAncestors.length === 0 ? { 'X-Frame-Options': 'DENY' } : {}),
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
  };
}
