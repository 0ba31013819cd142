// A sandbox plus a Podtrail runtime pointed at it, and the stream server, for one bench run.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startSandbox, type Sandbox, type SandboxOptions } from '../sandbox';
import { loadClusters } from '../lib/k8s';
import { createRuntime, setRuntime, stopRuntime } from '../lib/views';
import { startStreamServer } from './sse-harness';

/** Everything one bench run needs. */
export interface BenchEnv {
  sandbox: Sandbox;
  streamUrl: string;
  stop(): Promise<void>;
}

/** Starts sandbox, runtime (no history) and stream server. */
export async function startBenchEnv(options: SandboxOptions): Promise<BenchEnv> {
  const dir = mkdtempSync(path.join(tmpdir(), 'podtrail-bench-'));
  const sandbox = await startSandbox({
    port: 0,
    ...options,
    kubeconfigPath: path.join(dir, 'config'),
  });
  const runtime = createRuntime({
    clusters: loadClusters({ kubeconfig: sandbox.kubeconfigPath }),
    history: false,
  });
  setRuntime(runtime);
  const server = await startStreamServer();
  return {
    sandbox,
    streamUrl: `${server.url}/api/stream`,
    async stop() {
      await server.stop();
      await stopRuntime(runtime);
      setRuntime(undefined);
      await sandbox.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Waits until check() holds, polling every 10 ms. */
export async function until(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error(`bench: timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
