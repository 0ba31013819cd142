import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startSandboxCluster,
  waitFor,
  type SandboxCluster,
} from '../k8s/test-support/sandbox-cluster';
import {
  BadInputError,
  NotFoundError,
  createRuntime,
  diagnoseUpload,
  getBoardView,
  getPodView,
  getWorkloadView,
  startRecorders,
  stopRuntime,
  subscribeLive,
  type LiveMessage,
  type Runtime,
} from './index';

let env: SandboxCluster;
let runtime: Runtime;
let dataDir: string;
beforeAll(async () => {
  env = await startSandboxCluster();
  dataDir = mkdtempSync(path.join(tmpdir(), 'podtrail-views-'));
  runtime = createRuntime({ clusters: [env.cluster], dataDir, databaseUrl: '' });
  await startRecorders(runtime);
});
afterAll(async () => {
  await stopRuntime(runtime);
  await env.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('views against the sandbox', () => {
  it('lists each unhealthy workload once, worst first, with the cluster synced', async () => {
    const board = await getBoardView({}, runtime);
    expect(board.clusters).toEqual([
      expect.objectContaining({ cluster: 'sandbox', state: 'synced' }),
    ]);
    const keys = board.rows.map((r) => `${r.namespace}/${r.kind}/${r.name}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toContain('oom-no-limit/Deployment/report-builder');
    expect(keys).toContain('delete-resets-backoff/Deployment/queue-worker');
    const rank = { critical: 3, warning: 2, info: 1 };
    const ranks = board.rows.map((r) => rank[r.severity]);
    expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
    const oom = board.rows.find((r) => r.name === 'report-builder');
    expect(oom).toMatchObject({
      severity: 'critical',
      topFinding: { id: 'oom-killed-without-limit' },
    });
    const critical = await getBoardView({ severity: 'critical' }, runtime);
    expect(critical.rows.every((r) => r.severity === 'critical')).toBe(true);
    expect(critical.counts.warning).toBe(0);
  });

  it('builds a live pod view with its previous log and the digest the sandbox registry expects', async () => {
    const board = await getBoardView({ namespace: 'oom-no-limit' }, runtime);
    const row = board.rows[0]!;
    const view = await getPodView(
      { cluster: 'sandbox', namespace: row.namespace, name: row.pod },
      runtime,
    );
    expect(view.fromHistory).toBe(false);
    expect(view.logs.find((l) => l.kind === 'previous')?.text).toBeTruthy();
    const container = view.diagnosis.containers[0]!;
    expect(container.expectedDigest).toMatchObject({ source: 'registry', matches: true });
  });

  it('shows a rollout with the image change between revisions', async () => {
    const view = await getWorkloadView(
      { cluster: 'sandbox', namespace: 'oom-no-limit', kind: 'Deployment', name: 'report-builder' },
      runtime,
    );
    expect(view.revisions.map((r) => r.revision)).toEqual([1, 2]);
    expect(view.revisions[1]?.changes).toContainEqual(
      expect.objectContaining({ field: 'image', after: 'acme/report-builder:3.2.0' }),
    );
    expect(Object.values(view.pods[0]?.imageDigests ?? {})[0]).toMatch(/^sha256:/);
  });

  it('answers a deleted pod from history, and an unknown one with NotFoundError', async () => {
    const ns = 'delete-resets-backoff';
    const board = await getBoardView({ namespace: ns }, runtime);
    const name = board.rows[0]!.pod;
    await runtime.recorders[0]!.flush();
    env.sandbox.control.deletePod(ns, name);
    env.sandbox.control.advance(31_000);
    await waitFor(() => true);
    let view = await getPodView({ cluster: 'sandbox', namespace: ns, name }, runtime);
    for (let i = 0; i < 100 && !view.fromHistory; i += 1) {
      await new Promise((r) => setTimeout(r, 50));
      view = await getPodView({ cluster: 'sandbox', namespace: ns, name }, runtime);
    }
    expect(view.fromHistory).toBe(true);
    expect(view.diagnosis.pod.name).toBe(name);
    await expect(
      getPodView({ cluster: 'sandbox', namespace: ns, name: 'nope' }, runtime),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it('pushes the pod view to live subscribers after a crash', async () => {
    const board = await getBoardView({ namespace: 'oom-no-limit' }, runtime);
    const pod = board.rows[0]!.pod;
    const messages: Array<{ at: number; message: LiveMessage }> = [];
    const scope = { type: 'pod', cluster: 'sandbox', namespace: 'oom-no-limit', pod } as const;
    const stop = subscribeLive(
      scope,
      (message) => messages.push({ at: Date.now(), message }),
      runtime,
    );
    try {
      await waitFor(() => messages.length > 0, 5_000, 'first message');
      env.sandbox.control.advance(400_000);
      await new Promise((r) => setTimeout(r, 300));
      const before = messages.length;
      const crashedAt = Date.now();
      if (env.sandbox.control.crash('oom-no-limit', pod).length > 0) {
        // Latency is a benchmark figure (npm run bench), not a timed assertion here.
        await waitFor(() => messages.length > before, 10_000, 'pushed update');
        expect(messages.at(-1)!.at).toBeGreaterThanOrEqual(crashedAt);
      }
      expect(messages.every((m) => m.message.type === 'pod')).toBe(true);
    } finally {
      stop();
    }
  });

  it('rejects a malformed upload with the parser’s message and line', () => {
    const broken =
      '{\n  "apiVersion": "v1",\n  "kind": "Pod",\n  "metadata": { "name": "x", }\n}\n';
    let caught: unknown;
    try {
      diagnoseUpload([{ name: 'pod.json', text: broken }], 0);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(BadInputError);
    expect(caught).toMatchObject({ line: 4, message: expect.stringContaining('broken JSON') });
  });
});
