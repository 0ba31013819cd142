// Route answers while the cluster's API server is hung or gone, against a sandbox in its own
// process (SIGSTOP keeps its connections open, as a hung server does): 502/503/504 with a message
// a person can act on, never the server's address or a stack; pages drawn from the cache.
import { afterEach, describe, expect, it } from 'vitest';
import { logLimitsFromEnv } from '@/lib/k8s';
import { waitFor } from '@/lib/k8s/test-support/sandbox-cluster';
import { startSandboxProcess, type SandboxProcess } from '@/lib/k8s/test-support/sandbox-process';
import { createRuntime, setRuntime, stopRuntime, type Runtime } from '@/lib/views';
import { GET as getBoard } from './board/route';
import { GET as getPod } from './clusters/[cluster]/namespaces/[namespace]/pods/[pod]/route';
import { GET as getLog } from './clusters/[cluster]/namespaces/[namespace]/pods/[pod]/log/route';

let proc: SandboxProcess | undefined;
let runtime: Runtime | undefined;
afterEach(async () => {
  setRuntime(undefined);
  if (runtime) await stopRuntime(runtime);
  await proc?.stop();
  proc = runtime = undefined;
});

const podParams = (pod: string) => ({
  params: Promise.resolve({ cluster: 'sandbox', namespace: 'oom-no-limit', pod }),
});

async function start(): Promise<{ pod: string; container: string }> {
  proc = await startSandboxProcess({ scenarios: ['oom-no-limit'] });
  // No log cache: each log request goes to the API server.
  const logLimits = { ...logLimitsFromEnv(), cacheMs: 0 };
  runtime = createRuntime({ clusters: [proc.cluster], history: false, logLimits });
  setRuntime(runtime);
  const board = await (await getBoard(new Request('http://t/api/board'))).json();
  const pod: string = board.rows[0].pod;
  const view = await (await getPod(new Request('http://t'), podParams(pod))).json();
  return { pod, container: view.diagnosis.containers[0].name };
}

function expectNoInternals(message: string, url: string): void {
  expect(message).not.toContain(url);
  expect(message).not.toMatch(/127\.0\.0\.1|localhost|https?:\/\/|\n\s+at /);
}

describe('routes while the API server is hung or down', () => {
  it('answers 504, then serves the pod page from the cache marked stale (hung server)', async () => {
    const { pod, container } = await start();
    const url = proc!.url;
    process.kill(proc!.pid, 'SIGSTOP');
    const log = await getLog(new Request(`http://t/log?container=${container}`), podParams(pod));
    const body = await log.json();
    expect([503, 504]).toContain(log.status);
    expect(body.error).toMatch(/did not answer in time|has not answered since/);
    expectNoInternals(body.error, url);

    await waitFor(
      () => runtime!.access.contact('sandbox').state === 'unreachable',
      30_000,
      'hang noticed',
    );
    const page = await getPod(new Request('http://t'), podParams(pod));
    expect(page.status).toBe(200);
    const view = await page.json();
    // Drawn from the cache: no log request was sent to the hung server, and the page says so.
    expect(view.health.state).toBe('stale');
    expect(view.health.unreachable.message).toMatch(/did not answer within 5 s/);
    expect(view.logs.every((l: { error?: string }) => /^Not read: /.test(l.error ?? ''))).toBe(
      true,
    );
    const again = await getLog(new Request(`http://t/log?container=${container}`), podParams(pod));
    expect(again.status).toBe(503);
    expectNoInternals((await again.json()).error, url);
    process.kill(proc!.pid, 'SIGCONT');
  }, 60_000);

  it('answers 503 with what to check when the API server is gone', async () => {
    const { pod, container } = await start();
    const url = proc!.url;
    await proc!.stop();
    const log = await getLog(
      new Request(`http://t/log?container=${container}&previous=true`),
      podParams(pod),
    );
    const body = await log.json();
    expect(log.status).toBe(503);
    expect(body.error).toMatch(/cannot be reached|has not answered since/);
    expectNoInternals(body.error, url);
  }, 60_000);
});
