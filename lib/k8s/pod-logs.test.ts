import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { K8sAccess } from './index';
import { startSandboxCluster, type SandboxCluster } from './test-support/sandbox-cluster';

const ns = 'oom-no-limit';
let env: SandboxCluster;
let access: K8sAccess;
beforeAll(async () => {
  env = await startSandboxCluster({ scenarios: [ns], speed: 0 });
  access = new K8sAccess({ clusters: [env.cluster], graceMs: 0 });
});
afterAll(async () => {
  access.stop();
  await env.stop();
});

describe('PodLogReader', () => {
  it('answers a repeated request from its cache unless asked for a fresh read', async () => {
    const pods = access.caches.acquire({ cluster: 'sandbox', resource: 'pods' });
    await pods.cache.whenSynced(10_000);
    const pod = pods.cache.list()[0]!;
    pods.release();
    const reader = access.logReader('sandbox');
    const request = {
      namespace: ns,
      pod: pod.metadata!.name!,
      container: 'report-builder',
      previous: true,
      limitBytes: 8192,
    };
    const before = env.sandbox.stats().requests.log;
    const ours = () => env.sandbox.stats().byAgent.podtrail?.log ?? 0;
    const oursBefore = ours();
    const first = await reader.read(request);
    await reader.read(request);
    expect(env.sandbox.stats().requests.log - before).toBe(1);
    const fresh = await reader.read(request, { fresh: true });
    expect(env.sandbox.stats().requests.log - before).toBe(2);
    // Podtrail names itself to the API server (User-Agent podtrail/v…), as kubectl does.
    expect(ours() - oursBefore).toBe(2);
    expect(fresh.text).toBe(first.text);
    expect(first.text).toBeTruthy();
  });
});
