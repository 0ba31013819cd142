import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../index';

let sb: Sandbox;
const INDEX = 'application/vnd.oci.image.index.v1+json';
const MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
const ALL = `${INDEX}, application/vnd.docker.distribution.manifest.list.v2+json, ${MANIFEST}, application/vnd.docker.distribution.manifest.v2+json`;

beforeAll(async () => {
  sb = await startSandbox({ port: 0, scenarios: ['image-tag-missing', 'healthy'] });
});
afterAll(() => sb.stop());

describe('OCI distribution endpoint', () => {
  it('answers /v2/ with the API version header', async () => {
    const res = await fetch(`${sb.url}/v2/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('docker-distribution-api-version')).toBe('registry/2.0');
  });

  it('resolves a tag with HEAD to the digest of the index GET returns', async () => {
    const head = await fetch(`${sb.url}/v2/acme/frontend/manifests/2.3.0`, {
      method: 'HEAD',
      headers: { accept: ALL },
    });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-type')).toBe(INDEX);
    const digest = head.headers.get('docker-content-digest');
    const get = await fetch(`${sb.url}/v2/acme/frontend/manifests/2.3.0`, {
      headers: { accept: ALL },
    });
    const body = await get.text();
    expect(`sha256:${createHash('sha256').update(body).digest('hex')}`).toBe(digest);
    expect(Number(head.headers.get('content-length'))).toBe(Buffer.byteLength(body));
    expect(JSON.parse(body)).toMatchObject({
      schemaVersion: 2,
      mediaType: INDEX,
      manifests: [
        { platform: { architecture: 'amd64', os: 'linux' } },
        { platform: { architecture: 'arm64' } },
      ],
    });
  });

  it('gives the digest the pods report as imageID', async () => {
    const pods = (await (
      await fetch(`${sb.url}/api/v1/namespaces/healthy/pods?labelSelector=app=web`)
    ).json()) as { items: { status: { containerStatuses: { imageID: string }[] } }[] };
    const head = await fetch(`${sb.url}/v2/library/nginx/manifests/1.27.3`, {
      method: 'HEAD',
      headers: { accept: ALL },
    });
    expect(pods.items[0]?.status.containerStatuses[0]?.imageID).toBe(
      `docker.io/library/nginx@${head.headers.get('docker-content-digest')}`,
    );
  });

  it('serves the linux/amd64 manifest to a client that does not accept indexes', async () => {
    const res = await fetch(`${sb.url}/v2/acme/frontend/manifests/2.3.0`, {
      headers: { accept: MANIFEST },
    });
    expect(res.headers.get('content-type')).toBe(MANIFEST);
    const body = await res.text();
    expect(res.headers.get('docker-content-digest')).toBe(
      `sha256:${createHash('sha256').update(body).digest('hex')}`,
    );
  });

  it('answers MANIFEST_UNKNOWN for a missing tag and NAME_UNKNOWN for a missing repository', async () => {
    const tag = await fetch(`${sb.url}/v2/acme/frontend/manifests/2.3.1`);
    expect(tag.status).toBe(404);
    expect(await tag.json()).toEqual({
      errors: [
        {
          code: 'MANIFEST_UNKNOWN',
          message: 'manifest unknown',
          detail: { name: 'acme/frontend', reference: '2.3.1' },
        },
      ],
    });
    const repo = await fetch(`${sb.url}/v2/acme/nothing/manifests/1`);
    expect(((await repo.json()) as { errors: { code: string }[] }).errors[0]?.code).toBe(
      'NAME_UNKNOWN',
    );
  });

  it('moves a mutable tag when a new build is pushed', async () => {
    const before = (
      await fetch(`${sb.url}/v2/acme/frontend/manifests/2.3.0`, { method: 'HEAD' })
    ).headers.get('docker-content-digest');
    const res = await fetch(
      `${sb.url}/sandbox/control/push-image?repository=acme/frontend&tag=2.3.0&build=rebuild-1`,
      { method: 'POST' },
    );
    const { digest } = (await res.json()) as { digest: string };
    expect(digest).not.toBe(before);
    const after = (
      await fetch(`${sb.url}/v2/acme/frontend/manifests/2.3.0`, { method: 'HEAD' })
    ).headers.get('docker-content-digest');
    expect(after).toBe(digest);
    expect(
      (await fetch(`${sb.url}/v2/acme/frontend/manifests/${before}`, { method: 'HEAD' })).status,
    ).toBe(200);
    const tags = (await (await fetch(`${sb.url}/v2/acme/frontend/tags/list`)).json()) as {
      tags: string[];
    };
    expect(tags.tags).toEqual(['2.2.9', '2.3.0']);
  });

  it('pulls the pushed tag on the next rollout: ImagePullBackOff ends', async () => {
    sb.control.pushImage('acme/frontend', '2.3.1');
    sb.control.advance(310_000);
    const pods = (await (
      await fetch(`${sb.url}/api/v1/namespaces/image-tag-missing/pods`)
    ).json()) as {
      items: {
        status: { containerStatuses: { image: string; state: Record<string, unknown> }[] };
      }[];
    };
    const newer = pods.items
      .map((p) => p.status.containerStatuses[0])
      .filter((c) => c?.image.endsWith(':2.3.1'));
    expect(newer.length).toBeGreaterThan(0);
    expect(newer.every((c) => c?.state.running)).toBe(true);
  });
});
