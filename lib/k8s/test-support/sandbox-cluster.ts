// For integration tests: a sandbox cluster in-process on a random port, reached through a real
// kubeconfig file and client-node, exactly as Podtrail reaches any cluster.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startSandbox, type Sandbox, type SandboxOptions } from '../../../sandbox';
import { loadClusters, type ClusterConnection } from '../clusters';

/** A running sandbox and the cluster connection to it. */
export interface SandboxCluster {
  sandbox: Sandbox;
  cluster: ClusterConnection;
  stop(): Promise<void>;
}

/** Starts a sandbox and loads its kubeconfig. */
export async function startSandboxCluster(options: SandboxOptions = {}): Promise<SandboxCluster> {
  const dir = mkdtempSync(path.join(tmpdir(), 'podtrail-sandbox-'));
  const sandbox = await startSandbox({
    port: 0,
    ...options,
    kubeconfigPath: path.join(dir, 'config'),
  });
  const [cluster] = loadClusters({ kubeconfig: sandbox.kubeconfigPath });
  if (!cluster) throw new Error('sandbox kubeconfig has no context');
  return {
    sandbox,
    cluster,
    async stop() {
      await sandbox.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Waits until `check` returns true (polling every 25 ms), or fails after timeoutMs. */
export async function waitFor(
  check: () => boolean,
  timeoutMs = 10_000,
  what = 'condition',
): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
