// Shutdown with live streams open, against the sandbox: every stream is told to reconnect and
// ends, the watches stop, the history store is closed cleanly (it opens again with what was
// recorded: no termination lost), all within the deadline.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqlStore } from '@/lib/history';
import {
  startSandboxCluster,
  waitFor,
  type SandboxCluster,
} from '@/lib/k8s/test-support/sandbox-cluster';
import {
  createRuntime,
  setRuntime,
  shutdownRuntime,
  startRecorders,
  type Runtime,
} from '@/lib/views';
import { GET as getStream } from './stream/route';

let env: SandboxCluster | undefined;
let dataDir: string | undefined;
afterEach(async () => {
  setRuntime(undefined);
  await env?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  env = dataDir = undefined;
});

/** Reads SSE frames until the stream ends; resolves with every `data:` message. */
async function readAll(body: ReadableStream<Uint8Array>, onMessage: (m: { type: string }) => void) {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    buffer += decoder.decode(value, { stream: true });
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const frame = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      if (frame.startsWith('data: ')) onMessage(JSON.parse(frame.slice(6)) as { type: string });
    }
  }
}

describe('shutdown with open streams', () => {
  it('tells streams to reconnect, stops watches, closes the store, in time', async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'podtrail-shutdown-'));
    env = await startSandboxCluster({ scenarios: ['oom-no-limit'] });
    const runtime: Runtime = createRuntime({ clusters: [env.cluster], dataDir });
    setRuntime(runtime);
    await startRecorders(runtime);
    const history = (await runtime.history)!;

    const types: string[][] = [[], []];
    const streams = [0, 1].map(async (i) => {
      const response = await getStream(new Request('http://t/api/stream?scope=board'));
      await readAll(response.body!, (m) => types[i]!.push(m.type));
    });
    await waitFor(() => types.every((t) => t.includes('board')), 45_000, 'live boards');
    const [crashed] = env.sandbox.control.crash('oom-no-limit');
    const recorded = async () =>
      (await history.store.query('SELECT 1 FROM terminations WHERE pod_name = $1', [crashed]))
        .length;
    let stored = 0;
    await waitFor(
      () => {
        void recorded().then((n) => (stored = n));
        return stored > 0;
      },
      45_000,
      'the crash recorded',
    );
    expect(env.sandbox.stats().openWatches).toBeGreaterThan(0);

    const report = await shutdownRuntime(runtime);
    expect(report).toMatchObject({ streams: 2, timedOut: false });
    // Both streams ended, their last message telling the browser to reconnect.
    await Promise.all(streams);
    expect(types.map((t) => t.at(-1))).toEqual(['reconnect', 'reconnect']);
    await waitFor(() => env!.sandbox.stats().openWatches === 0, 5_000, 'watches stopped');
    await expect(history.store.query('SELECT 1')).rejects.toThrow();

    // Closed cleanly: the store opens again, with the crash recorded before the shutdown.
    const reopened = await openSqlStore({ dataDir });
    try {
      expect(reopened.recovery).toBeUndefined();
      const rows = await reopened.query('SELECT 1 FROM terminations WHERE pod_name = $1', [
        crashed,
      ]);
      expect(rows.length).toBeGreaterThan(0);
    } finally {
      await reopened.close();
    }
  }, 180_000);
});
