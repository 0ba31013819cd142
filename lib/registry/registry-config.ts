// Podtrail's own registry configuration. Credentials come only from here, never from a
// cluster's imagePullSecrets (Podtrail reads no Secrets).
import { z } from 'zod';

/** Credentials for one registry host. */
export type RegistryCredentials = { username: string; password: string } | { token: string };

/** Which registries to ask, where they are, and how to authenticate. */
export interface RegistryConfig {
  /** Hosts Podtrail may query; '*' allows every host. Empty: never call a registry. */
  allowedHosts: string[];
  /** Image host → base URL (e.g. the sandbox's OCI endpoint, or a plain-HTTP registry). */
  endpoints: Record<string, string>;
  credentials: Record<string, RegistryCredentials>;
  /** Every host served by this one endpoint (a sandbox cluster's API server serves /v2/). */
  allHostsEndpoint?: string;
  timeoutMs: number;
  cacheMs: number;
  /**
   * Allow hosts derived from image references and auth challenges to resolve to loopback,
   * link-local or metadata addresses (PODTRAIL_REGISTRY_ALLOW_LOCAL=1). Endpoints the operator
   * configured (mirror, endpoints) are trusted without it.
   */
  allowLocalAddresses?: boolean;
}

/**
 * Clusters whose API server also serves the OCI API for all their images
 * (PODTRAIL_REGISTRY_VIA_API, comma list; default `sandbox`).
 */
export function clustersServingRegistry(
  env: Record<string, string | undefined> = process.env,
): string[] {
  return list(env.PODTRAIL_REGISTRY_VIA_API ?? 'sandbox');
}

/** The config for a cluster whose API server is its registry. */
export function viaEndpoint(config: RegistryConfig, url: string): RegistryConfig {
  return { ...config, allowedHosts: ['*'], allHostsEndpoint: url.replace(/\/$/, '') };
}

const credentialsSchema = z.record(
  z.string(),
  z.union([
    z.object({ username: z.string(), password: z.string() }),
    z.object({ token: z.string() }),
  ]),
);

function list(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * Reads PODTRAIL_REGISTRY_HOSTS (comma list, or *), PODTRAIL_REGISTRY_MIRROR (one URL serving
 * every host, e.g. the sandbox), PODTRAIL_REGISTRY_ENDPOINTS
 * (host=url,...), PODTRAIL_REGISTRY_AUTH (JSON {host: {username,password}|{token}}),
 * PODTRAIL_REGISTRY_TIMEOUT_MS, PODTRAIL_REGISTRY_CACHE_MS and PODTRAIL_REGISTRY_ALLOW_LOCAL.
 */
export function registryConfigFromEnv(
  env: Record<string, string | undefined> = process.env,
): RegistryConfig {
  const endpoints: Record<string, string> = {};
  for (const pair of list(env.PODTRAIL_REGISTRY_ENDPOINTS)) {
    const [host, url] = pair.split('=');
    if (host && url) endpoints[host] = url.replace(/\/$/, '');
  }
  let credentials: Record<string, RegistryCredentials> = {};
  if (env.PODTRAIL_REGISTRY_AUTH) {
    const parsed = credentialsSchema.safeParse(JSON.parse(env.PODTRAIL_REGISTRY_AUTH));
    if (!parsed.success) throw new Error(`PODTRAIL_REGISTRY_AUTH: ${parsed.error.message}`);
    credentials = parsed.data;
  }
  const mirror = env.PODTRAIL_REGISTRY_MIRROR?.replace(/\/$/, '') || undefined;
  return {
    allowedHosts: [
      ...(mirror ? ['*'] : []),
      ...list(env.PODTRAIL_REGISTRY_HOSTS),
      ...Object.keys(endpoints),
    ],
    allHostsEndpoint: mirror,
    endpoints,
    credentials,
    timeoutMs: Number(env.PODTRAIL_REGISTRY_TIMEOUT_MS) || 5_000,
    cacheMs: Number(env.PODTRAIL_REGISTRY_CACHE_MS) || 60_000,
    allowLocalAddresses: env.PODTRAIL_REGISTRY_ALLOW_LOCAL === '1',
  };
}
