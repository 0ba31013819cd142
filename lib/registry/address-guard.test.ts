import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RegistryClient, registryConfigFromEnv } from './index';
import { assertFetchable, isForbiddenAddress } from './address-guard';

// A real registry-shaped server on loopback that counts what reaches it: a guard that lets a
// request through shows up here.
let hits: string[] = [];
let server: http.Server;
let port = 0;
beforeAll(async () => {
  server = http.createServer((req, res) => {
    hits.push(req.url ?? '');
    res.statusCode = 401;
    res.setHeader(
      'www-authenticate',
      'Bearer realm="http://169.254.169.254/latest/meta-data/iam",service="r"',
    );
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

describe('registry address guard', () => {
  it('classifies loopback, link-local, metadata and unspecified addresses', () => {
    for (const a of ['127.0.0.1', '127.1.2.3', '::1', '169.254.169.254', 'fe80::1', '0.0.0.0'])
      expect(isForbiddenAddress(a), a).toBe(true);
    expect(isForbiddenAddress('::ffff:127.0.0.1')).toBe(true);
    expect(isForbiddenAddress('fd00:ec2::254')).toBe(true);
    for (const a of ['10.0.0.5', '192.168.1.10', '52.1.2.3', '2001:db8::1'])
      expect(isForbiddenAddress(a), a).toBe(false);
  });

  it('refuses a host name that resolves to the metadata address', async () => {
    const lookup = async () => ['169.254.169.254'];
    await expect(assertFetchable('https://registry.example/v2/', lookup)).rejects.toThrow(
      /resolves to 169\.254\.169\.254/,
    );
    await expect(
      assertFetchable('https://registry.example/v2/', async () => ['52.1.2.3']),
    ).resolves.toBeUndefined();
    await expect(assertFetchable('file:///etc/passwd')).rejects.toThrow(/scheme file:/);
  });

  it('never asks a loopback registry named by an image reference, even with every host allowed', async () => {
    hits = [];
    const client = new RegistryClient(registryConfigFromEnv({ PODTRAIL_REGISTRY_HOSTS: '*' }));
    for (const image of [`127.0.0.1:${port}/shop/api:1.0`, `localhost:${port}/shop/api:1.0`]) {
      const result = await client.resolve(image);
      expect(result).toMatchObject({ error: expect.stringMatching(/local address|loopback/) });
    }
    expect(hits).toEqual([]);
  });

  it('does not follow a token realm to the metadata address', async () => {
    hits = [];
    const host = `127.0.0.1:${port}`;
    const config = registryConfigFromEnv({
      PODTRAIL_REGISTRY_ENDPOINTS: `${host}=http://${host}`,
    });
    const result = await new RegistryClient(config).resolve(`${host}/shop/api:1.0`);
    expect(result).toMatchObject({ error: expect.stringContaining('169.254.169.254') });
    // The configured endpoint was asked once; the realm never was.
    expect(hits).toEqual(['/v2/shop/api/manifests/1.0']);
  });
});
