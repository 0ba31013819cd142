import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandboxCluster, type SandboxCluster } from '../k8s/test-support/sandbox-cluster';
import { RegistryClient, registryConfigFromEnv, viaEndpoint } from './index';

let env: SandboxCluster;
beforeAll(async () => {
  env = await startSandboxCluster({ scenarios: ['oom-no-limit'] });
});
afterAll(() => env.stop());

describe('RegistryClient against the sandbox OCI endpoint', () => {
  it('resolves Docker Hub style names through the cluster’s endpoint and sees a re-pointed tag', async () => {
    let now = 0;
    const config = viaEndpoint(registryConfigFromEnv({}), env.sandbox.url);
    const client = new RegistryClient(config, () => now);
    const pushed = env.sandbox.control.pushImage('acme/report-builder', '9.9.9', 'first');
    expect(await client.resolve('acme/report-builder:9.9.9')).toEqual({ digest: pushed });
    const repointed = env.sandbox.control.pushImage('acme/report-builder', '9.9.9', 'second');
    expect(repointed).not.toBe(pushed);
    expect(await client.resolve('docker.io/acme/report-builder:9.9.9')).toEqual({ digest: pushed });
    now += 120_000;
    expect(await client.resolve('docker.io/acme/report-builder:9.9.9')).toEqual({
      digest: repointed,
    });
  });

  it('never calls a registry for real clusters unless its host is enabled', async () => {
    const client = new RegistryClient(registryConfigFromEnv({}));
    expect(await client.resolve('acme/report-builder:3.2.0')).toMatchObject({ skipped: true });
  });
});
