import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RegistryClient, expectedImagesFor, registryConfigFromEnv } from './index';
import { pushImage, startDockerRegistry, type LocalRegistry } from './test-support/docker-registry';

let registry: LocalRegistry;
beforeAll(async () => {
  registry = await startDockerRegistry();
});
afterAll(() => registry?.stop());

function client(now: () => number = Date.now) {
  const config = registryConfigFromEnv({
    PODTRAIL_REGISTRY_ENDPOINTS: `${registry.host}=${registry.url}`,
  });
  return new RegistryClient(config, now);
}

describe('RegistryClient against docker-registry', () => {
  it('resolves a tag to the digest of the pushed manifest', async () => {
    const digest = await pushImage(registry.url, 'shop/api', '1.0', 'one');
    expect(await client().resolve(`${registry.host}/shop/api:1.0`)).toEqual({ digest });
  });

  it('caches a tag for cacheMs, then sees it re-pointed', async () => {
    let now = 1_000;
    const c = client(() => now);
    const first = await pushImage(registry.url, 'shop/web', 'stable', 'v1');
    expect(await c.resolve(`${registry.host}/shop/web:stable`)).toEqual({ digest: first });
    const second = await pushImage(registry.url, 'shop/web', 'stable', 'v2');
    expect(await c.resolve(`${registry.host}/shop/web:stable`)).toEqual({ digest: first });
    now += 61_000;
    expect(await c.resolve(`${registry.host}/shop/web:stable`)).toEqual({ digest: second });
  });

  it('answers not found for an unknown tag and skips hosts that are not enabled', async () => {
    expect(await client().resolve(`${registry.host}/shop/api:nope`)).toMatchObject({
      error: expect.stringContaining('not found'),
    });
    expect(await client().resolve('docker.io/library/nginx:1.27')).toMatchObject({ skipped: true });
  });

  it('prefers a digest pinned on the workload over the registry', async () => {
    const digest = await pushImage(registry.url, 'shop/cart', '3', 'cart');
    const pod = {
      metadata: { name: 'cart-1' },
      spec: {
        containers: [
          { name: 'cart', image: `${registry.host}/shop/cart:3` },
          { name: 'side', image: `${registry.host}/shop/cart:3` },
        ],
      },
    };
    const deployment = {
      kind: 'Deployment',
      metadata: {
        name: 'cart',
        annotations: { 'podtrail.dev/expected-digest.side': 'sha256:pinned' },
      },
    };
    expect(await expectedImagesFor(pod, [deployment], client())).toEqual({
      cart: { digest, source: 'registry' },
      side: { digest: 'sha256:pinned', source: 'annotation' },
    });
  });
});
