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
  createRuntime,
  getBoardView,
  getPodView,
  getWorkloadView,
  startRecorders,
  stopRuntime,
  subscribeLive,
  type BoardView,
  type Runtime,
} from './index';
import { causeAndTrap } from '../diagnosis';

/** Scenarios whose pods are crash-looping when the sandbox starts. */
const crashLooping = [
  'rollback-hides-cause',
  'delete-resets-backoff',
  'stale-image-new-config',
  'oom-no-limit',
  'liveness-slow-start',
  'exits-zero',
];

let env: SandboxCluster;
let runtime: Runtime;
let dataDir: string;
beforeAll(async () => {
  // Every scenario's incident is already under way when Podtrail starts (a fresh start: no
  // history). Virtual time stands still so no crash lands between the board and the pod page.
  env = await startSandboxCluster({ speed: 0 });
  dataDir = mkdtempSync(path.join(tmpdir(), 'podtrail-board-'));
  runtime = createRuntime({ clusters: [env.cluster], dataDir, databaseUrl: '' });
  await startRecorders(runtime);
  const pods = runtime.access.caches.acquire({ cluster: 'sandbox', resource: 'pods' });
  await waitFor(() => pods.cache.health().state === 'synced', 10_000, 'pods synced');
  pods.release();
  await runtime.recorders[0]!.flush();
});
afterAll(async () => {
  await stopRuntime(runtime);
  await env.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the board on a fresh start', () => {
  it('shows the same top finding as the pod page for every crash-looping scenario', async () => {
    const board = await getBoardView({}, runtime);
    const pairs = [];
    for (const namespace of crashLooping) {
      const row = board.rows.find((r) => r.namespace === namespace);
      const view = row
        ? await getPodView({ cluster: 'sandbox', namespace, name: row.pod }, runtime)
        : undefined;
      pairs.push({
        namespace,
        board: row?.topFinding?.id,
        // The cause, as the pod page's cause block shows it (a process trap is its own line).
        podPage: causeAndTrap(view?.diagnosis.findings ?? []).cause?.id,
      });
    }
    expect(pairs.filter((p) => !p.board || p.board !== p.podPage)).toEqual([]);
    expect(pairs.find((p) => p.namespace === 'rollback-hides-cause')?.board).toBe(
      'missing-env-var',
    );
  });

  it('gives the workload page the cause the board shows, from the captured log', async () => {
    const board = await getBoardView({ namespace: 'rollback-hides-cause' }, runtime);
    const row = board.rows.find((r) => r.kind === 'Deployment' && r.name === 'auth');
    const workload = await getWorkloadView(
      { cluster: 'sandbox', namespace: 'rollback-hides-cause', kind: 'Deployment', name: 'auth' },
      runtime,
    );
    expect(row?.topFinding?.id).toBe('missing-env-var');
    expect(workload.findings[0]?.id).toBe('missing-env-var');
    expect(workload.findings[0]?.title).toContain('AUTH_JWKS_URL');
  });

  it('counts each workload’s crashes of the last hour in twelve five-minute bars', async () => {
    const board = await getBoardView({}, runtime);
    for (const namespace of crashLooping) {
      const row = board.rows.find((r) => r.namespace === namespace);
      expect(row?.restartsLastHour, namespace).toHaveLength(12);
      const workload = await getWorkloadView(
        { cluster: 'sandbox', namespace, kind: row!.kind, name: row!.name },
        runtime,
      );
      const hourAgo = board.generatedAt - 3600_000;
      let crashes = 0;
      for (const pod of workload.pods.filter((p) => !p.deletedAt && p.restarts > 0)) {
        const view = await getPodView({ cluster: 'sandbox', namespace, name: pod.name }, runtime);
        crashes += view.diagnosis.containers
          .flatMap((c) => c.runs)
          .filter((r) => r.state === 'terminated' && (r.finishedAt ?? 0) >= hourAgo).length;
      }
      // The bars hold exactly the crashes the workload's pod pages show for the last hour.
      expect(
        row!.restartsLastHour!.reduce((n, x) => n + x, 0),
        namespace,
      ).toBe(crashes);
    }
  });

  it('leaves healthy pods off the board', async () => {
    const workload = await getWorkloadView(
      { cluster: 'sandbox', namespace: 'healthy', kind: 'Deployment', name: 'web' },
      runtime,
    );
    expect(workload.pods.filter((p) => p.status === 'Running')).toHaveLength(3);
    expect((await getBoardView({ namespace: 'healthy' }, runtime)).rows).toEqual([]);
    const everything = await getBoardView({}, runtime);
    expect(everything.rows.filter((r) => r.namespace === 'healthy')).toEqual([]);
  });

  it('counts the rows by state for the kiosk headline', async () => {
    const board = await getBoardView({}, runtime);
    const states = Object.fromEntries(board.rows.map((r) => [r.namespace, r.state]));
    expect(states).toEqual({
      'rollback-hides-cause': 'crash-looping',
      'delete-resets-backoff': 'crash-looping',
      'stale-image-new-config': 'crash-looping',
      'oom-no-limit': 'oom',
      'liveness-slow-start': 'crash-looping',
      'exits-zero': 'crash-looping',
      'image-tag-missing': 'image-pull',
      'missing-config-key': 'config-error',
    });
    expect(board.counts.byState).toEqual({
      'crash-looping': 5,
      'image-pull': 1,
      'config-error': 1,
      oom: 1,
      other: 0,
    });
  });
});

describe('the live board', () => {
  it('redraws when the recorder stores a log head, with no pod changing', async () => {
    const ns = 'rollback-hides-cause';
    const sandbox = await startSandboxCluster({ scenarios: [ns], speed: 0 });
    const dir = mkdtempSync(path.join(tmpdir(), 'podtrail-live-board-'));
    const live = createRuntime({ clusters: [sandbox.cluster], dataDir: dir, databaseUrl: '' });
    const boards: BoardView[] = [];
    const stop = subscribeLive(
      { type: 'board' },
      (m) => (m.type === 'board' ? boards.push(m.data) : undefined),
      live,
    );
    const top = () => boards.at(-1)?.rows.find((r) => r.namespace === ns)?.topFinding?.id;
    try {
      await waitFor(() => top() !== undefined, 10_000, 'a board without recorders');
      expect(top()).not.toBe('missing-env-var');
      // Virtual time stands still: from here only a stored log head can change the board.
      await startRecorders(live);
      await waitFor(() => top() === 'missing-env-var', 10_000, 'the board with the log head');
    } finally {
      stop();
      await stopRuntime(live);
      await sandbox.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
