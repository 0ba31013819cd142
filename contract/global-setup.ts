/**
 * Vitest global setup of the `real` project: one real control plane (etcd + kube-apiserver 1.37)
 * per test run, with the sandbox's simulator playing every scenario onto it. Test files read the
 * connection through `inject('real')` (contract/real-env.ts). Needs the peers built by
 * scripts/build-peers.sh (scripts/test.sh builds them once before vitest); fails when they are
 * missing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startControlServer } from '../sandbox/real/control-server';
import { startSimulator } from '../sandbox/real/simulate';
import { REAL_CONTEXT, startRealApiServer } from './apiserver';
import type { RealEnv } from './real-env';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'podtrail-real-'));
  const kubeconfig = path.join(dir, 'kubeconfig');
  const started = Date.now();
  const cp = await startRealApiServer({ kubeconfigPath: kubeconfig });
  const sim = await startSimulator({
    kubeconfigPath: kubeconfig,
    context: REAL_CONTEXT,
    log: (m) => console.error(m),
  });
  const control = await startControlServer(sim);
  const env: RealEnv = {
    kubeconfig,
    restrictedKubeconfig: cp.writeKubeconfig(path.join(dir, 'restricted'), cp.restrictedToken),
    url: cp.url,
    caCert: cp.caCert,
    adminToken: cp.adminToken,
    restrictedToken: cp.restrictedToken,
    etcdUrl: cp.etcdUrl,
    controlUrl: control.url,
    scenarios: sim.scenarios,
  };
  project.provide('real', env);
  console.log(
    `real control plane: ${cp.url}, ${sim.scenarios.length} scenarios played in ${Date.now() - started} ms`,
  );
  return async () => {
    await control.stop();
    await sim.stop({ keep: true });
    await cp.stop();
    rmSync(dir, { recursive: true, force: true });
  };
}
