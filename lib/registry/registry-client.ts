// Resolves image tags to digests over the OCI distribution API: HEAD /v2/<name>/manifests/<tag>
// (https://github.com/opencontainers/distribution-spec/blob/main/spec.md#checking-if-content-exists-in-the-registry),
// with the bearer-token challenge, timeouts and a short cache.
import { createHash } from 'node:crypto';
import { assertFetchable, type LookupAll } from './address-guard';
import { fetchBearerToken, directAuthorization, parseChallenge } from './bearer-challenge';
import { parseImageRef } from '../diagnosis';
import type { RegistryConfig } from './registry-config';

/** Manifest media types we accept: OCI index and manifest, Docker manifest list and v2. */
export const manifestAccept = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.docker.distribution.manifest.v2+json',
].join(', ');

/** The answer for one image. */
export type DigestResult =
  { digest: string } | { digest?: undefined; error: string; skipped?: boolean };

/** The HTTPS endpoint of a registry host (Docker Hub's API lives on registry-1.docker.io). */
function registryEndpoint(host: string): string {
  return host === 'docker.io' ? 'https://registry-1.docker.io' : `https://${host}`;
}

/** An OCI distribution client with a short cache. */
export class RegistryClient {
  private readonly cache = new Map<string, { at: number; result: Promise<DigestResult> }>();

  constructor(
    private readonly config: RegistryConfig,
    private readonly now: () => number = Date.now,
    private readonly lookup?: LookupAll,
  ) {}

  /** True when Podtrail may ask this image's registry. */
  allows(image: string): boolean {
    const { registry } = parseImageRef(image);
    return this.config.allowedHosts.includes('*') || this.config.allowedHosts.includes(registry);
  }

  /** The digest the image's tag points to now (cached for cacheMs). */
  resolve(image: string): Promise<DigestResult> {
    const ref = parseImageRef(image);
    if (ref.digest) return Promise.resolve({ digest: ref.digest });
    if (!this.allows(image)) {
      return Promise.resolve({ error: `registry ${ref.registry} is not enabled`, skipped: true });
    }
    const at = this.now();
    const key = `${ref.registry}/${ref.repository}:${ref.tag ?? 'latest'}`;
    const hit = this.cache.get(key);
    if (hit && at - hit.at < this.config.cacheMs) return hit.result;
    const result = this.head(ref.registry, ref.repository, ref.tag ?? 'latest').catch(
      (error: unknown): DigestResult => ({
        error: error instanceof Error ? error.message : String(error),
      }),
    );
    this.cache.set(key, { at, result });
    return result;
  }

  private async head(host: string, repository: string, tag: string): Promise<DigestResult> {
    const configured = this.config.allHostsEndpoint ?? this.config.endpoints[host];
    const base = configured ?? registryEndpoint(host);
    // Hosts named by an image reference are untrusted input; configured endpoints are not.
    if (!configured) await this.guard(base);
    const url = `${base}/v2/${repository}/manifests/${encodeURIComponent(tag)}`;
    const credentials = this.config.credentials[host];
    let authorization = directAuthorization(credentials);
    let response = await this.request(url, 'HEAD', authorization);
    if (response.status === 401) {
      const challenge = parseChallenge(response.headers.get('www-authenticate') ?? '');
      if (challenge?.scheme === 'bearer') {
        // The realm is the registry's word: checked unless it is the trusted endpoint itself.
        const realm = challenge.params.realm;
        if (realm && !(configured && sameOrigin(realm, configured))) await this.guard(realm);
        const scope = `repository:${repository}:pull`;
        authorization = await fetchBearerToken(
          challenge,
          scope,
          credentials,
          this.config.timeoutMs,
        );
        response = await this.request(url, 'HEAD', authorization);
      }
    }
    if (response.status === 404) return { error: `${host}/${repository}:${tag} not found` };
    if (!response.ok)
      return { error: `${host} answered ${response.status} for ${repository}:${tag}` };
    const digest = response.headers.get('docker-content-digest');
    if (digest) return { digest };
    // Some registries leave the header off HEAD: hash the manifest body instead.
    const body = await (await this.request(url, 'GET', authorization)).arrayBuffer();
    return { digest: `sha256:${createHash('sha256').update(Buffer.from(body)).digest('hex')}` };
  }

  private async guard(url: string): Promise<void> {
    if (!this.config.allowLocalAddresses) await assertFetchable(url, this.lookup);
  }

  private request(url: string, method: string, authorization?: string): Promise<Response> {
    const headers: Record<string, string> = { Accept: manifestAccept };
    if (authorization) headers.Authorization = authorization;
    // No redirects: a registry could otherwise send the request (and its credentials) anywhere.
    return fetch(url, {
      method,
      headers,
      redirect: 'error',
      signal: AbortSignal.timeout(this.config.timeoutMs),
    });
  }
}

function sameOrigin(a: string, b: string): boolean {
  try {
    return new URL(a).origin === new URL(b).origin;
  } catch {
    return false;
  }
}
