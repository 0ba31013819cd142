// How Podtrail is reached and who may use it, from the environment, validated with zod. A bad
// setting is a start-up error that names the variable (instrumentation.ts exits on it).
import { randomBytes } from 'node:crypto';
import { z } from 'zod';

/** The sign-in modes. `none` is allowed only while listening on a loopback address. */
export type AuthMode = 'none' | 'token' | 'proxy' | 'oidc';

/** Settings of every mode; only the chosen mode's are required. */
export interface AuthConfig {
  mode: AuthMode;
  /** Host names (no port) the Host header may carry; loopback names are always allowed. */
  allowedHosts: string[];
  /** The public URL when deployed (OIDC redirect URI, allowed host). */
  publicUrl?: URL;
  /** CSP frame-ancestors sources that may embed Podtrail (kiosk screens); none by default. */
  frameAncestors: string[];
  /** The shared access token (mode token). */
  accessToken?: string;
  /** HMAC key of session cookies. */
  sessionSecret: string;
  /** Session lifetime. */
  sessionMs: number;
  /** A long-lived read-only link token for the kiosk board (any mode). */
  kioskToken?: string;
  /** Addresses (IPs or CIDRs) whose identity headers are trusted (mode proxy). */
  trustedProxies: string[];
  userHeader: string;
  groupsHeader: string;
  oidc?: OidcSettings;
  /** Read the cluster as the signed-in user (Impersonate-User/-Group); oidc and proxy only. */
  impersonate: boolean;
  /** Sign-in attempts allowed per client address per minute (mode token). */
  attemptsPerMinute: number;
  /** Alertmanager's bearer token for POST /api/alerts: its credential in every mode. */
  alertsReceiverToken?: string;
}

/** The OpenID Connect client (mode oidc). */
export interface OidcSettings {
  issuer: URL;
  clientId: string;
  clientSecret?: string;
  scopes: string;
  /** The ID token claim that names the user (email by default, as kube-apiserver's --oidc-username-claim). */
  userClaim: string;
  groupsClaim: string;
  /** When set, only members of one of these groups may sign in. */
  allowedGroups: string[];
  /** When set, only these (verified) emails, or any at an `@domain` entry, may sign in. */
  allowedEmails: string[];
}

/** A setting is missing or malformed; the message names it. */
export class AuthConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AuthConfigError';
  }
}

const list = (value: string | undefined) =>
  (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

const secret = (name: string) =>
  z.string().min(16, `${name} must be at least 16 characters (use a random value)`);

const envSchema = z.object({
  PODTRAIL_AUTH: z.enum(['none', 'token', 'proxy', 'oidc']).default('none'),
  PODTRAIL_PUBLIC_URL: z.url().optional(),
  PODTRAIL_ALLOWED_HOSTS: z.string().optional(),
  PODTRAIL_FRAME_ANCESTORS: z.string().optional(),
  PODTRAIL_AUTH_TOKEN: secret('PODTRAIL_AUTH_TOKEN').optional(),
  PODTRAIL_SESSION_SECRET: secret('PODTRAIL_SESSION_SECRET').optional(),
  PODTRAIL_SESSION_HOURS: z.coerce.number().positive().default(12),
  PODTRAIL_KIOSK_TOKEN: secret('PODTRAIL_KIOSK_TOKEN').optional(),
  PODTRAIL_AUTH_PROXY_ADDRESSES: z.string().optional(),
  PODTRAIL_AUTH_USER_HEADER: z.string().default('x-forwarded-user'),
  PODTRAIL_AUTH_GROUPS_HEADER: z.string().default('x-forwarded-groups'),
  PODTRAIL_OIDC_ISSUER: z.url().optional(),
  PODTRAIL_OIDC_CLIENT_ID: z.string().min(1).optional(),
  PODTRAIL_OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  PODTRAIL_OIDC_SCOPES: z.string().default('openid profile email'),
  PODTRAIL_OIDC_USER_CLAIM: z.string().min(1).default('email'),
  PODTRAIL_OIDC_GROUPS_CLAIM: z.string().min(1).default('groups'),
  PODTRAIL_OIDC_ALLOWED_GROUPS: z.string().optional(),
  PODTRAIL_OIDC_ALLOWED_EMAILS: z.string().optional(),
  PODTRAIL_IMPERSONATE: z.enum(['0', '1', 'false', 'true']).default('0'),
  PODTRAIL_SIGNIN_ATTEMPTS_PER_MINUTE: z.coerce.number().int().positive().default(5),
  PODTRAIL_ALERTS_TOKEN: z.string().min(1).optional(),
});

function needed<T>(value: T | undefined, setting: string, mode: AuthMode): T {
  if (value === undefined || value === '')
    throw new AuthConfigError(`PODTRAIL_AUTH=${mode} needs ${setting}`);
  return value;
}

/** Reads and validates the PODTRAIL_AUTH* / PODTRAIL_* settings. */
export function authConfigFromEnv(
  env: Record<string, string | undefined> = process.env,
): AuthConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AuthConfigError(
      `${issue?.path.join('.') ?? 'setting'}: ${issue?.message ?? 'bad value'}`,
    );
  }
  const e = parsed.data;
  const mode = e.PODTRAIL_AUTH;
  const publicUrl = e.PODTRAIL_PUBLIC_URL ? new URL(e.PODTRAIL_PUBLIC_URL) : undefined;
  if (mode === 'token') needed(e.PODTRAIL_AUTH_TOKEN, 'PODTRAIL_AUTH_TOKEN', mode);
  const trustedProxies = list(e.PODTRAIL_AUTH_PROXY_ADDRESSES);
  if (mode === 'proxy' && trustedProxies.length === 0)
    throw new AuthConfigError(
      'PODTRAIL_AUTH=proxy needs PODTRAIL_AUTH_PROXY_ADDRESSES (the auth proxy’s addresses)',
    );
  let oidc: AuthConfig['oidc'];
  if (mode === 'oidc') {
    oidc = {
      issuer: new URL(needed(e.PODTRAIL_OIDC_ISSUER, 'PODTRAIL_OIDC_ISSUER', mode)),
      clientId: needed(e.PODTRAIL_OIDC_CLIENT_ID, 'PODTRAIL_OIDC_CLIENT_ID', mode),
      clientSecret: e.PODTRAIL_OIDC_CLIENT_SECRET,
      scopes: e.PODTRAIL_OIDC_SCOPES,
      userClaim: e.PODTRAIL_OIDC_USER_CLAIM,
      groupsClaim: e.PODTRAIL_OIDC_GROUPS_CLAIM,
      allowedGroups: list(e.PODTRAIL_OIDC_ALLOWED_GROUPS),
      allowedEmails: list(e.PODTRAIL_OIDC_ALLOWED_EMAILS).map((m) => m.toLowerCase()),
    };
    needed(publicUrl, 'PODTRAIL_PUBLIC_URL (the redirect URI is built from it)', mode);
  }
  const impersonate = e.PODTRAIL_IMPERSONATE === '1' || e.PODTRAIL_IMPERSONATE === 'true';
  if (impersonate && mode !== 'oidc' && mode !== 'proxy')
    throw new AuthConfigError(
      'PODTRAIL_IMPERSONATE=1 needs PODTRAIL_AUTH=oidc or proxy (a sign-in that names the user and groups)',
    );
  // Replicas must share the key: OIDC sessions need it set; token and kiosk sessions derive it
  // from their token (rotating the token signs everyone out).
  if (mode === 'oidc') needed(e.PODTRAIL_SESSION_SECRET, 'PODTRAIL_SESSION_SECRET', mode);
  const sessionSecret =
    e.PODTRAIL_SESSION_SECRET ??
    e.PODTRAIL_AUTH_TOKEN ??
    e.PODTRAIL_KIOSK_TOKEN ??
    randomBytes(32).toString('hex');
  return {
    mode,
    allowedHosts: [
      ...list(e.PODTRAIL_ALLOWED_HOSTS).map((h) => h.toLowerCase()),
      ...(publicUrl ? [publicUrl.hostname.toLowerCase()] : []),
    ],
    publicUrl,
    frameAncestors: list(e.PODTRAIL_FRAME_ANCESTORS),
    accessToken: e.PODTRAIL_AUTH_TOKEN,
    sessionSecret,
    sessionMs: e.PODTRAIL_SESSION_HOURS * 3_600_000,
    kioskToken: e.PODTRAIL_KIOSK_TOKEN,
    trustedProxies,
    userHeader: e.PODTRAIL_AUTH_USER_HEADER.toLowerCase(),
    groupsHeader: e.PODTRAIL_AUTH_GROUPS_HEADER.toLowerCase(),
    oidc,
    impersonate,
    attemptsPerMinute: e.PODTRAIL_SIGNIN_ATTEMPTS_PER_MINUTE,
    alertsReceiverToken: e.PODTRAIL_ALERTS_TOKEN,
  };
}

/** True for an address only this machine can reach (what `none` mode may listen on). */
export function isLoopbackBind(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || /^127\.\d+\.\d+\.\d+$/.test(h);
}

/** The start-up rule: a non-loopback listen address needs an auth mode. Returns the error text. */
export function listenProblem(host: string, config: AuthConfig): string | undefined {
  if (config.mode !== 'none' || isLoopbackBind(host)) return undefined;
  return (
    `podtrail: refusing to listen on ${host}: anyone who can reach it would read every cluster. ` +
    'Set PODTRAIL_AUTH (token, proxy or oidc) or listen on 127.0.0.1.'
  );
}
