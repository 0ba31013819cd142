// A history directory PGlite cannot open: moved aside (never deleted), a fresh store started so
// recording goes on, and the problem said in /api/health (pages read it from there too).
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { systemNoticesOf } from '@/components/ui/system-notices';
import { readHealth } from '@/lib/api-client';
import { openSqlStore } from '@/lib/history';
import {
  startSandboxCluster,
  waitFor,
  type SandboxCluster,
} from '@/lib/k8s/test-support/sandbox-cluster';
import { createRuntime, setRuntime, startRecorders, stopRuntime, type Runtime } from '@/lib/views';
import { GET as getHealth } from './health/route';

let env: SandboxCluster | undefined;
let runtime: Runtime | undefined;
let dataDir: string | undefined;
afterEach(async () => {
  setRuntime(undefined);
  if (runtime) await stopRuntime(runtime);
  await env?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  env = runtime = dataDir = undefined;
});

/** A PGlite directory whose control file was overwritten (PGlite then fails to start). */
async function brokenStore(dir: string): Promise<string> {
  const store = await openSqlStore({ dataDir: dir });
  await store.exec('CREATE TABLE kept (x int); INSERT INTO kept VALUES (42);');
  await store.close();
  const control = path.join(dir, 'history/global/pg_control');
  writeFileSync(control, Buffer.alloc(statSync(control).size, 0x5a));
  return readFileSync(control, 'hex');
}

describe('a history store that cannot open', () => {
  it('is moved aside, a fresh store records on, and /api/health says so', async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'podtrail-broken-'));
    const brokenControl = await brokenStore(dataDir);
    env = await startSandboxCluster({ scenarios: ['oom-no-limit'] });
    runtime = createRuntime({ clusters: [env.cluster], dataDir });
    setRuntime(runtime);
    await startRecorders(runtime);

    const history = await runtime.history;
    expect(history?.store.recovery).toMatchObject({ error: expect.stringMatching(/\w/) });
    // The broken directory is kept byte for byte beside the fresh one.
    const moved = readdirSync(dataDir).filter((d) => d.startsWith('history.broken-'));
    expect(moved).toHaveLength(1);
    const keptControl = path.join(dataDir, moved[0]!, 'global/pg_control');
    expect(readFileSync(keptControl, 'hex')).toBe(brokenControl);

    const health = await (await getHealth(new Request('http://localhost/api/health'))).json();
    expect(health.history).toBe('pglite');
    expect(health.historyProblem).toContain('moved aside');
    expect(health.historyProblem).toContain(moved[0]);

    // Recording goes on: a crash now is stored in the fresh store.
    const [crashed] = env.sandbox.control.crash('oom-no-limit');
    const rows = async () =>
      history!.store.query('SELECT pod_name FROM terminations WHERE pod_name = $1', [crashed]);
    let stored = 0;
    await waitFor(
      () => {
        void rows().then((r) => (stored = r.length));
        return stored > 0;
      },
      15_000,
      'the crash recorded',
    );
  }, 120_000);

  it('is still named on every page while no cluster is reachable (readiness answers 503)', async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'podtrail-broken-'));
    await brokenStore(dataDir);
    // A cluster whose API server is gone before Podtrail starts: nothing is reachable.
    env = await startSandboxCluster({ scenarios: ['oom-no-limit'] });
    await env.sandbox.stop();
    runtime = createRuntime({ clusters: [env.cluster], dataDir });
    setRuntime(runtime);
    const response = await getHealth(new Request('http://localhost/api/health'));
    expect(response.status).toBe(503);
    // What components/ui/system-notice.tsx reads from that answer and shows.
    const moved = readdirSync(dataDir).filter((d) => d.startsWith('history.broken-'));
    expect(moved).toHaveLength(1);
    const notices = systemNoticesOf(await readHealth(response), Date.now());
    expect(notices).toEqual([{ kind: 'history', text: expect.stringContaining(moved[0]!) }]);
  }, 120_000);
});
