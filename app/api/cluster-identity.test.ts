// Another cluster answering at a cluster's address (a rebuilt control plane, a kubeconfig pointed
// elsewhere): /api/health says when, by the cluster's context name, never its address — every
// page shows it from there (components/ui/system-notice.tsx).
import { afterEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '@/sandbox';
import {
  startSandboxCluster,
  waitFor,
  type SandboxCluster,
} from '@/lib/k8s/test-support/sandbox-cluster';
import { createRuntime, setRuntime, stopRuntime, type Runtime } from '@/lib/views';
import { GET as getBoard } from './board/route';
import { GET as getHealth } from './health/route';

let env: SandboxCluster | undefined;
let other: Sandbox | undefined;
let runtime: Runtime | undefined;
afterEach(async () => {
  setRuntime(undefined);
  if (runtime) await stopRuntime(runtime);
  await other?.stop();
  await env?.stop();
  env = other = runtime = undefined;
});

describe('/api/health after another cluster answered at the same address', () => {
  it('reports the identity change with its time, and no address', async () => {
    env = await startSandboxCluster({ scenarios: ['oom-no-limit'] });
    runtime = createRuntime({ clusters: [env.cluster], history: false, probeIntervalMs: 200 });
    setRuntime(runtime);
    expect((await getBoard(new Request('http://t/api/board'))).status).toBe(200);
    await waitFor(
      () => runtime!.access.contact('sandbox').identity !== undefined,
      10_000,
      'identity',
    );
    const before = await (await getHealth(new Request('http://t/api/health'))).json();
    expect(before.contact).toEqual([
      expect.not.objectContaining({ identityChange: expect.anything() }),
    ]);

    const port = env.sandbox.port;
    await env.sandbox.stop();
    const replacedAt = Date.now();
    other = await startSandbox({ port, scenarios: ['oom-no-limit'], seed: 7 });
    await waitFor(
      () => runtime!.access.contact('sandbox').identityChange !== undefined,
      15_000,
      'identity change',
    );
    const response = await getHealth(new Request('http://t/api/health'));
    const text = await response.text();
    const health = JSON.parse(text);
    expect(health.contact).toEqual([
      expect.objectContaining({
        cluster: 'sandbox',
        state: 'ok',
        identityChange: { at: expect.any(Number) },
      }),
    ]);
    expect(health.contact[0].identityChange.at).toBeGreaterThanOrEqual(replacedAt);
    expect(text).not.toContain(String(port));
    expect(text).not.toMatch(/127\.0\.0\.1|localhost|https?:\/\//);
  }, 60_000);
});
