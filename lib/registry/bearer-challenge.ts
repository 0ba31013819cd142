// The token flow of the distribution spec: a 401 with `WWW-Authenticate: Bearer realm=...,
// service=..., scope=...` → GET realm for a token (https://distribution.github.io/distribution/spec/auth/token/).
import type { RegistryCredentials } from './registry-config';

/** The parameters of a WWW-Authenticate challenge. */
export interface Challenge {
  scheme: string;
  params: Record<string, string>;
}

/** Parses `Bearer realm="...",service="...",scope="..."`. */
export function parseChallenge(header: string): Challenge | undefined {
  const match = /^\s*(\w+)\s*(.*)$/.exec(header);
  if (!match) return undefined;
  const params: Record<string, string> = {};
  const re = /(\w+)=(?:"([^"]*)"|([^,\s]*))/g;
  for (let m = re.exec(match[2] ?? ''); m; m = re.exec(match[2] ?? '')) {
    params[(m[1] ?? '').toLowerCase()] = m[2] ?? m[3] ?? '';
  }
  return { scheme: (match[1] ?? '').toLowerCase(), params };
}

/** The Authorization header for direct credentials (basic or a static token). */
export function directAuthorization(
  credentials: RegistryCredentials | undefined,
): string | undefined {
  if (!credentials) return undefined;
  if ('token' in credentials) return `Bearer ${credentials.token}`;
  const basic = Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64');
  return `Basic ${basic}`;
}

/** Fetches a bearer token for a challenge; returns the Authorization header value. */
export async function fetchBearerToken(
  challenge: Challenge,
  scope: string,
  credentials: RegistryCredentials | undefined,
  timeoutMs: number,
): Promise<string> {
  const realm = challenge.params.realm;
  if (!realm) throw new Error('registry auth challenge has no realm');
  const url = new URL(realm);
  if (challenge.params.service) url.searchParams.set('service', challenge.params.service);
  url.searchParams.set('scope', challenge.params.scope ?? scope);
  const headers: Record<string, string> = {};
  const direct =
    credentials && 'username' in credentials ? directAuthorization(credentials) : undefined;
  if (direct) headers.Authorization = direct;
  const response = await fetch(url, { headers, signal: AbortSignal.timeout(timeoutMs) });
  if (!response.ok) throw new Error(`token endpoint ${url.host} answered ${response.status}`);
  const body = (await response.json()) as { token?: string; access_token?: string };
  const token = body.token ?? body.access_token;
  if (!token) throw new Error(`token endpoint ${url.host} sent no token`);
  return `Bearer ${token}`;
}
