// The installed kubectl plugin against a real kube-apiserver 1.37 (contract/apiserver.ts) with the
// sandbox's scenarios mirrored onto it (sandbox/real, what `npm run sandbox -- --apiserver` runs):
// for every pod of every scenario, `kubectl podtrail diagnose POD --json` through the real kubectl
// names the same findings in the same order, and the same pod status, as the pod page's API. Its
// own control plane with the simulator's clock standing still (speed 0), so that the plugin and
// the page read the same state: the shared one of the `real` project plays in real time.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadClusters } from '@/lib/k8s';
import { createRuntime, setRuntime, stopRuntime, type Runtime } from '@/lib/views';
import { GET as getPod } from '@/app/api/clusters/[cluster]/namespaces/[namespace]/pods/[pod]/route';
import { REAL_CONTEXT, startRealApiServer, type RealApiServer } from '@/contract/apiserver';
import { peerPath } from '@/contract/peers';
import { startSimulator, type Simulator } from '@/sandbox/real/simulate';
import { installPackedCli, pluginAndPage, type InstalledCli } from './test-support/installed-cli';

const dir = mkdtempSync(path.join(os.tmpdir(), 'podtrail-plugin-real-'));
const kubeconfig = path.join(dir, 'kubeconfig');
let cli: InstalledCli;
let controlPlane: RealApiServer;
let sim: Simulator;
let runtime: Runtime;

beforeAll(async () => {
  cli = installPackedCli();
  controlPlane = await startRealApiServer({ kubeconfigPath: kubeconfig });
  sim = await startSimulator({ kubeconfigPath: kubeconfig, context: REAL_CONTEXT, speed: 0 });
  await sim.synced();
  const [cluster] = loadClusters({ kubeconfig });
  if (!cluster) throw new Error(`${kubeconfig} has no context`);
  runtime = createRuntime({ clusters: [cluster], history: false });
  setRuntime(runtime);
}, 300_000);

afterAll(async () => {
  setRuntime(undefined);
  if (runtime) await stopRuntime(runtime);
  await sim?.stop({ keep: true });
  await controlPlane?.stop();
  await cli?.remove();
  rmSync(dir, { recursive: true, force: true });
}, 120_000);

/** kubectl 1.37 (the peer built with the API server), finding the installed plugin on PATH. */
const kubectl = (args: string[]) => cli.run(peerPath('kubectl'), args, { KUBECONFIG: kubeconfig });

describe('the installed kubectl plugin against a real kube-apiserver', () => {
  it('is found by the real kubectl', async () => {
    const plugins = await kubectl(['plugin', 'list']);
    expect(plugins.stdout).toContain(path.join(cli.prefix, 'bin', 'kubectl-podtrail'));
  });

  it('names the same findings in the same order as the pod page for every pod of every scenario', async () => {
    expect(sim.scenarios.length).toBeGreaterThanOrEqual(9);
    let pods = 0;
    for (const namespace of sim.scenarios) {
      const { plugin, page } = await pluginAndPage({
        namespace,
        cluster: REAL_CONTEXT,
        kubectl,
        podPage: getPod,
      });
      expect(plugin.length, namespace).toBeGreaterThan(0);
      expect({ namespace, said: plugin }).toEqual({ namespace, said: page });
      const findings = plugin.reduce((n, said) => n + said.ids.length, 0);
      if (namespace !== 'healthy') expect(findings, namespace).toBeGreaterThan(0);
      pods += plugin.length;
    }
    // The scenarios' pods as the sandbox test sees them (bin/kubectl-plugin.test.ts).
    expect(pods).toBeGreaterThanOrEqual(sim.scenarios.length);
  }, 600_000);

  it('answers 1 naming a pod the real API server does not have', async () => {
    const missing = await kubectl(['podtrail', 'diagnose', 'ghost', '-n', 'healthy']);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/Pod healthy\/ghost is not in cluster "real"/);
  });
});
