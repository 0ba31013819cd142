// Integration: viewer-driven API requests do not grow with viewers. Real sandbox API server, real
// client-node, the real route handlers; the API server's own counters (/sandbox/stats) are the
// measure.
import { afterEach, beforeAll, afterAll, describe, expect, it } from 'vitest';
import { startSandboxCluster, type SandboxCluster } from '@/lib/k8s/test-support/sandbox-cluster';
import { GET as getBoard } from '@/app/api/board/route';
import { GET as getPod } from '@/app/api/clusters/[cluster]/namespaces/[namespace]/pods/[pod]/route';
import { createRuntime, setRuntime, stopRuntime, type Runtime } from './index';

const ns = 'oom-no-limit';
let env: SandboxCluster;
let runtime: Runtime | undefined;

beforeAll(async () => {
  env = await startSandboxCluster({ scenarios: [ns, 'healthy'] });
});
afterAll(async () => {
  await env.stop();
});
afterEach(async () => {
  setRuntime(undefined);
  if (runtime) await stopRuntime(runtime);
  runtime = undefined;
});

type Requests = { total: number; list: number; watch: number; get: number; log: number };

async function apiRequests(): Promise<Requests> {
  const response = await fetch(`${env.sandbox.url}/sandbox/stats`);
  return ((await response.json()) as { requests: Requests }).requests;
}

function minus(a: Requests, b: Requests): Requests {
  return {
    total: a.total - b.total,
    list: a.list - b.list,
    watch: a.watch - b.watch,
    get: a.get - b.get,
    log: a.log - b.log,
  };
}

/** A fresh Podtrail runtime; `clients` viewers each ask `rounds` times; what the API server saw. */
async function measure(
  clients: number,
  rounds: number,
  ask: () => Promise<Response>,
): Promise<{ requests: Requests; bodies: unknown[] }> {
  runtime = createRuntime({ clusters: [env.cluster], history: false });
  setRuntime(runtime);
  const before = await apiRequests();
  const bodies: unknown[] = [];
  for (let round = 0; round < rounds; round++) {
    const responses = await Promise.all(Array.from({ length: clients }, ask));
    for (const response of responses) {
      expect(response.status).toBe(200);
      bodies.push(await response.json());
    }
  }
  // Every cache lists, then opens its watch: count once all nine watches are open.
  let requests = minus(await apiRequests(), before);
  for (let i = 0; i < 200 && requests.watch < 9; i++) {
    await new Promise((resolve) => setTimeout(resolve, 25));
    requests = minus(await apiRequests(), before);
  }
  setRuntime(undefined);
  await stopRuntime(runtime);
  runtime = undefined;
  return { requests, bodies };
}

describe('views shared by viewers', () => {
  it('costs the API server the same requests for 10 pod-page clients as for 1', async () => {
    const [pod] = env.sandbox.control.crash(ns);
    expect(pod).toBeTruthy();
    const params = {
      params: Promise.resolve({ cluster: 'sandbox', namespace: ns, pod: pod ?? '' }),
    };
    const ask = () => getPod(new Request('http://t'), params);
    const one = await measure(1, 3, ask);
    const ten = await measure(10, 3, ask);
    expect(ten.bodies).toHaveLength(30);
    // Logs and metrics.k8s.io are read once per pod, not once per request.
    expect(one.requests.log).toBeGreaterThan(0);
    expect(ten.requests.get).toBe(one.requests.get);
    expect(ten.requests.log).toBe(one.requests.log);
    expect(ten.requests.list).toBe(one.requests.list);
    expect(ten.requests.watch).toBe(one.requests.watch);
  });

  it('computes the board once for 10 concurrent clients and costs no more requests than 1', async () => {
    const ask = () => getBoard(new Request('http://t/api/board'));
    const one = await measure(1, 1, ask);
    const ten = await measure(10, 1, ask);
    expect(ten.requests).toEqual(one.requests);
    const generated = new Set(ten.bodies.map((b) => (b as { generatedAt: number }).generatedAt));
    expect(generated.size).toBe(1);
    expect((ten.bodies[0] as { rows: unknown[] }).rows.length).toBeGreaterThan(0);
  });
});
