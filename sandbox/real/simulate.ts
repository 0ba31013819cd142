/**
 * startSimulator: the sandbox's scenarios played onto a real API server (KWOK-style). The same
 * cluster model as the in-memory sandbox — scenarios, controllers, kubelet, event recorder — runs
 * here; a Mirror writes every change through the real API, and the simulated nodes' kubelet
 * endpoint serves container logs to the API server's pods/log proxy.
 */
import { randomBytes } from 'node:crypto';
import { AccessControl } from '../api/access';
import { WatchRegistry } from '../api/watch-stream';
import type { Cluster } from '../cluster/cluster';
import { createControl, type SandboxControl } from '../control';
import { buildSimulation, type SimulationOptions } from '../sandbox';
import { RealClient } from './client';
import { startKubeletServer } from './kubelet-server';
import { Mirror, preflight } from './mirror';

/** Options of startSimulator. */
export interface SimulatorOptions extends SimulationOptions {
  /** Kubeconfig of the real cluster. */
  kubeconfigPath: string;
  /** The context to write to; required (no fallback to the current context). */
  context: string;
  log?: (msg: string) => void;
}

/** A simulator driving a real API server. */
export interface Simulator {
  /** The API server URL of the context. */
  server: string;
  context: string;
  scenarios: string[];
  cluster: Cluster;
  /** crash, deletePod, rollback, setImage, pushImage, restartKubelet, advance (forbid/compact/dropWatches are the real server's business). */
  control: SandboxControl;
  kubeletPort: number;
  /** Requests the simulated kubelets answered (log reads proxied by the API server). */
  kubeletRequests(): number;
  /** Problems writing to the real server (each also logged). */
  errors: string[];
  /** The real UID of a simulated object's UID. */
  realUid(simUid: string): string | undefined;
  /** Resolves once every simulated change so far is on the real server. */
  synced(): Promise<void>;
  /** Stops the simulation and deletes its namespaces, nodes and events from the real cluster. */
  stop(opts?: { keep?: boolean }): Promise<void>;
}

export async function startSimulator(options: SimulatorOptions): Promise<Simulator> {
  const client = await RealClient.connect(options.kubeconfigPath, options.context);
  const { cluster, scenarios } = buildSimulation(options);
  try {
    await preflight(client, scenarios, [...cluster.nodes.keys()]);
  } catch (err) {
    cluster.clock.stop();
    client.close();
    throw err;
  }
  const kubelet = await startKubeletServer(cluster);
  const mirror = new Mirror({
    client,
    store: cluster.store,
    namespaces: scenarios,
    kubeletPort: kubelet.port,
    runId: randomBytes(4).toString('hex'),
    log: options.log,
  });
  const stopAll = async (keep = false) => {
    cluster.clock.stop();
    await mirror.stop();
    if (!keep) await mirror.cleanup();
    await kubelet.stop();
    client.close();
  };
  try {
    await mirror.start();
  } catch (err) {
    await stopAll();
    throw err;
  }
  return {
    server: client.server,
    context: client.context,
    scenarios,
    cluster,
    control: createControl(cluster, new AccessControl(), new WatchRegistry()),
    kubeletPort: kubelet.port,
    kubeletRequests: () => kubelet.requests,
    errors: mirror.errors,
    realUid: (uid) => mirror.realUid(uid),
    synced: () => mirror.synced(),
    stop: (opts) => stopAll(opts?.keep),
  };
}
