/**
 * startSandbox: builds the cluster, plays the scenarios' history instantly (so the incident is
 * already under way), then serves the API over HTTP while the simulation follows real time.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { AccessControl, Stats, type RequestCounters } from './api/access';
import { handleRequest } from './api/server';
import { WatchRegistry } from './api/watch-stream';
import { Cluster } from './cluster/cluster';
import { createControl, type SandboxControl } from './control';
import type { BackoffConfig } from './kubelet/backoff';
import { writeKubeconfig } from './kubeconfig';
import { populateScale, type ScaleOptions } from './scale/scale';
import { selectScenarios } from './scenarios';

/** Options of startSandbox. */
export interface SandboxOptions {
  /** Port to listen on; 0 (default) picks a free one. */
  port?: number;
  /** Interface to bind; default 127.0.0.1. */
  host?: string;
  /** Scenario names or 'all' (default). */
  scenarios?: string[] | 'all';
  /** Virtual ms per real ms after the history (default 1). */
  speed?: number;
  /** How much incident history is pre-played at start (default 30 minutes). */
  historyMs?: number;
  /** Where to write a kubeconfig (cluster/context/user `sandbox`). */
  kubeconfigPath?: string;
  /** Require `Authorization: Bearer <token>` on API requests. */
  token?: string;
  /** A token whose user is bound to nothing: every resource answers 403 (as RBAC would). */
  restrictedToken?: string;
  /** Event TTL (kube-apiserver --event-ttl, default 1h). */
  eventTtlMs?: number;
  /** Kubelet crash-loop back-off constants (default 10s / 300s / reset 600s). */
  backoff?: Partial<BackoffConfig>;
  /** Interval of BOOKMARK events on watches that allow them (default 60s, as the API server). */
  bookmarkIntervalMs?: number;
  /** Seed of the simulation's randomness (default 42): same seed, same incident. */
  seed?: number;
  /** Grow the cluster to this size (`--pods --namespaces --nodes`; see sandbox/scale). */
  scale?: ScaleOptions;
  /** Serve HTTPS with this PEM certificate and key; the kubeconfig trusts the certificate. */
  tls?: { cert: string; key: string };
}

/** Counters of /sandbox/stats. */
export interface SandboxStats {
  requests: RequestCounters;
  /** By client, the product token of its User-Agent ("podtrail", "kubectl", …). */
  byAgent: Record<string, RequestCounters>;
  openWatches: number;
}

/** A running sandbox. */
export interface Sandbox {
  url: string;
  port: number;
  kubeconfigPath?: string;
  /** Scenario namespaces running. */
  scenarios: string[];
  /** Current virtual time (epoch ms). */
  now(): number;
  stats(): SandboxStats;
  control: SandboxControl;
  stop(): Promise<void>;
}

/** Baseline before the history: long-running objects are this old when the incident starts. */
const BASELINE_MS = 2 * 86_400_000;

/** Options that shape the simulated cluster itself (shared by the in-memory server and --apiserver). */
export type SimulationOptions = Pick<
  SandboxOptions,
  'scenarios' | 'speed' | 'historyMs' | 'eventTtlMs' | 'backoff' | 'seed' | 'scale'
>;

/**
 * Builds the cluster, sets up the scenarios and plays their history instantly, so the incident is
 * already under way; then the clock follows real time × speed.
 */
export function buildSimulation(options: SimulationOptions = {}): {
  cluster: Cluster;
  scenarios: string[];
} {
  const scenarios = selectScenarios(options.scenarios);
  const historyMs = options.historyMs ?? 30 * 60_000;
  const now = Date.now();
  const t0 = now - historyMs;
  const cluster = new Cluster({
    start: t0 - BASELINE_MS,
    speed: options.speed ?? 1,
    seed: options.seed ?? 42,
    eventTtlMs: options.eventTtlMs ?? 3_600_000,
    backoff: options.backoff ?? {},
  });
  for (const scenario of scenarios) {
    cluster.createNamespace(scenario.name);
    scenario.setup({
      cluster,
      namespace: scenario.name,
      t0,
      at: (offset, fn) => void cluster.clock.at(t0 + offset, fn),
      every: (first, period, fn) => {
        const loop = (at: number) => cluster.clock.at(at, () => (fn(), loop(at + period)));
        loop(t0 + first);
      },
    });
  }
  if (options.scale) populateScale(cluster, options.scale, now);
  cluster.clock.runUntil(now);
  cluster.clock.goLive();
  return { cluster, scenarios: scenarios.map((s) => s.name) };
}

/** Starts a sandbox cluster. */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const { cluster, scenarios } = buildSimulation(options);
  const access = new AccessControl(options.token, options.restrictedToken);
  const stats = new Stats();
  const watches = new WatchRegistry();
  const control = createControl(cluster, access, watches);
  let port = 0;
  const host = options.host ?? '127.0.0.1';
  const deps = {
    cluster,
    access,
    stats,
    watches,
    control,
    bookmarkIntervalMs: options.bookmarkIntervalMs ?? 60_000,
    serverAddress: () => `${host}:${port}`,
  };
  const handler = (req: IncomingMessage, res: ServerResponse) => handleRequest(req, res, deps);
  const server: Server = options.tls
    ? createTlsServer({ cert: options.tls.cert, key: options.tls.key }, handler)
    : createServer(handler);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const url = `${options.tls ? 'https' : 'http'}://${host}:${port}`;
  const kubeconfigPath = options.kubeconfigPath
    ? writeKubeconfig(options.kubeconfigPath, url, {
        token: options.token,
        caCert: options.tls?.cert,
      })
    : undefined;
  return {
    url,
    port,
    ...(kubeconfigPath ? { kubeconfigPath } : {}),
    scenarios,
    now: () => cluster.clock.now(),
    stats: () => ({
      requests: { ...stats.requests },
      byAgent: structuredClone(stats.byAgent),
      openWatches: watches.count(),
    }),
    control,
    async stop() {
      cluster.clock.stop();
      watches.dropAll();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
