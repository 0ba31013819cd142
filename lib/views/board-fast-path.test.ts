// The board with its fast path against the board computed the slow way (diagnosePod for every
// pod), on a scale sandbox read through client-node and the watch caches — the pods as the
// caches hold them (stripped, with shared spec parts). The rows (workload, pod count, severity,
// top finding) are the same, and the fast path takes nearly every healthy pod.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startSandboxCluster,
  waitFor,
  type SandboxCluster,
} from '../k8s/test-support/sandbox-cluster';
import { diagnosePod, isPlainlyHealthy, summarizeForBoard } from '../diagnosis';
import { cacheInput } from './assemble-input';
import { snapshotCluster } from './cluster-snapshot';
import { computeBoardView, createRuntime, stopRuntime, type Runtime } from './index';

let env: SandboxCluster;
let runtime: Runtime;
beforeAll(async () => {
  // Virtual time stands still: the snapshot the slow way reads is the board's.
  env = await startSandboxCluster({ speed: 0, scale: { pods: 300, namespaces: 3, nodes: 10 } });
  runtime = createRuntime({ clusters: [env.cluster], history: false });
  const pods = runtime.access.caches.acquire({ cluster: 'sandbox', resource: 'pods' });
  await waitFor(() => pods.cache.health().state === 'synced', 20_000, 'pods synced');
  pods.release();
}, 60_000);
afterAll(async () => {
  await stopRuntime(runtime);
  await env.stop();
});

describe('the board fast path on a scale sandbox', () => {
  it('gives the rows of diagnosing every pod, and skips the diagnosis of most pods', async () => {
    await computeBoardView({}, runtime);
    // The second board reuses what the first remembered (healthy verdicts, unhealthy diagnoses).
    const board = await computeBoardView({}, runtime);
    const now = board.generatedAt;
    const snapshot = await snapshotCluster(runtime.access, 'sandbox');
    const slow = new Map<string, { pods: number; severity: string; top?: string }>();
    let plain = 0;
    for (const pod of snapshot.pods) {
      const input = cacheInput(snapshot, pod, now);
      if (isPlainlyHealthy(input)) plain += 1;
      const d = diagnosePod(input);
      const summary = summarizeForBoard(d);
      if (summary.healthy || d.findings.length === 0) continue;
      const w = d.pod.workload ?? d.pod.owner ?? { kind: 'Pod', name: d.pod.name };
      const key = `sandbox/${d.pod.namespace}/${w.kind}/${w.name}`;
      const seen = slow.get(key);
      slow.set(key, {
        pods: (seen?.pods ?? 0) + 1,
        severity: summary.severity,
        top: summary.topFinding?.id,
      });
    }
    const fast = new Map(board.rows.map((r) => [r.key, r.podCount]));
    expect(fast).toEqual(new Map([...slow].map(([key, v]) => [key, v.pods])));
    // Single-pod rows carry that pod's own severity and top finding.
    for (const row of board.rows.filter((r) => r.podCount === 1)) {
      expect({ key: row.key, severity: row.severity, top: row.topFinding?.id }).toEqual({
        key: row.key,
        severity: slow.get(row.key)?.severity,
        top: slow.get(row.key)?.top,
      });
    }
    // 300 scale pods, 2 % crash-looping; the scenarios' few pods beside them.
    expect(board.rows.length).toBeGreaterThanOrEqual(6);
    expect(plain).toBeGreaterThanOrEqual(280);
  });
});
