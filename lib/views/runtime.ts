// The process-wide Podtrail runtime: cluster access, history store and recorders, registry client.
// Kept on globalThis so Next.js dev reloads reuse one set of watches instead of opening more.
import path from 'node:path';
import { HistoryReader, Recorder, migrate, openSqlStore, type SqlStore } from '../history';
import {
  LeaderElector,
  leaderElectionFromEnv,
  type LeaderElectionSettings,
  type LeaderElectorOptions,
} from '../leader-election';
import {
  K8sAccess,
  loadClusters,
  type ClusterConnection,
  type K8sAccessOptions,
  type LoadClustersOptions,
} from '../k8s';
import {
  RegistryClient,
  clustersServingRegistry,
  registryConfigFromEnv,
  viaEndpoint,
} from '../registry';

/** The shared server-side state. */
export interface Runtime {
  access: K8sAccess;
  /** The registry client for a cluster's images. */
  registryFor(cluster: string): RegistryClient;
  /** Resolves to undefined when no history store could be opened. */
  history: Promise<{ store: SqlStore; reader: HistoryReader } | undefined>;
  recorders: Recorder[];
  /** Per cluster, the election of its recorder on a Lease (empty when leader election is off). */
  elections: Map<string, LeaderElector>;
  /** Leader election: one recorder per cluster across replicas (PODTRAIL_LEADER_ELECTION_LEASE). */
  leaderElection?: RecorderElection;
  /** Told the cluster whenever one of its recorders stores a log head (live views redraw). */
  logHeadListeners: Set<(cluster: string) => void>;
  /** Told where each delivered alert points (live pod views redraw); see receiveAlerts. */
  alertListeners: Set<AlertListener>;
  /** Why there are no clusters, if there are none. */
  configError?: string;
  /** Why history is not recorded (set when the store could not be opened at all). */
  historyError?: string;
}

/** Where and how the recorders are elected (timings default to 15 s / 10 s / 2 s). */
export type RecorderElection = LeaderElectionSettings &
  Pick<LeaderElectorOptions, 'leaseDurationMs' | 'renewDeadlineMs' | 'retryPeriodMs'>;

/** Hears of an alert delivered about `namespace` of `cluster` (undefined: it named no cluster). */
export type AlertListener = (cluster: string | undefined, namespace: string) => void;

/** Options to build a runtime (tests pass clusters and a data dir). */
export interface RuntimeOptions extends Omit<K8sAccessOptions, 'clusters'>, LoadClustersOptions {
  /** Clusters given directly (tests); otherwise loaded from the kubeconfig. */
  clusters?: ClusterConnection[];
  dataDir?: string;
  databaseUrl?: string;
  /** Keep history (default true). */
  history?: boolean;
  /** Elect one recorder per cluster on a Lease; default from the environment (off when unset). */
  leaderElection?: RecorderElection | false;
}

const key = Symbol.for('podtrail.runtime');
type Holder = { [key]?: Runtime };

function openHistory(options: RuntimeOptions, onError: (why: string) => void): Runtime['history'] {
  if (options.history === false) return Promise.resolve(undefined);
  return openSqlStore({ dataDir: options.dataDir, databaseUrl: options.databaseUrl }, migrate)
    .then((store) => ({ store, reader: new HistoryReader(store) }))
    .catch((error: unknown) => {
      console.error('podtrail: history store unavailable, running without history', error);
      onError(error instanceof Error ? `${error.name}: ${error.message}` : String(error));
      return undefined;
    });
}

/** One registry client per cluster: the cluster's own API server for sandbox-like clusters. */
function registryClients(access: K8sAccess): Runtime['registryFor'] {
  const config = registryConfigFromEnv();
  const shared = new RegistryClient(config);
  const viaApi = new Set(clustersServingRegistry());
  const clients = new Map<string, RegistryClient>();
  return (cluster) => {
    const server = access.caches.cluster(cluster)?.server;
    if (!viaApi.has(cluster) || !server) return shared;
    let client = clients.get(cluster);
    if (!client) clients.set(cluster, (client = new RegistryClient(viaEndpoint(config, server))));
    return client;
  };
}

/** PODTRAIL_NAMESPACES: the namespaces a namespace-scoped install may read (comma list). */
function namespacesFromEnv(): string[] | undefined {
  const names = (process.env.PODTRAIL_NAMESPACES ?? '')
    .split(',')
    .map((n) => n.trim())
    .filter(Boolean);
  return names.length > 0 ? names : undefined;
}

/**
 * Builds a runtime: reads the kubeconfig (unless clusters are given) and starts opening the
 * history store in the background (`history` resolves when it is migrated); no watch starts until
 * something reads a cache.
 */
export function createRuntime(options: RuntimeOptions = {}): Runtime {
  let access: K8sAccess;
  let configError: string | undefined;
  try {
    const clusters =
      options.clusters ?? loadClusters({ namespaces: namespacesFromEnv(), ...options });
    access = new K8sAccess({ ...options, clusters });
  } catch (error) {
    // The loader's message names files (kubeconfig paths): it goes to the server log only.
    console.error('podtrail: could not load the kubeconfig', error);
    configError =
      'No cluster configured: the kubeconfig could not be read (see the server log). Set KUBECONFIG.';
    access = new K8sAccess({ ...options, clusters: [] });
  }
  const runtime: Runtime = {
    access,
    registryFor: registryClients(access),
    history: Promise.resolve(undefined),
    recorders: [],
    elections: new Map(),
    leaderElection:
      options.leaderElection === false
        ? undefined
        : (options.leaderElection ?? leaderElectionFromEnv()),
    logHeadListeners: new Set(),
    alertListeners: new Set(),
    configError,
  };
  runtime.history = openHistory(options, (why) => (runtime.historyError = why));
  return runtime;
}

/** The process-wide runtime, created on first use. */
export function getRuntime(): Runtime {
  const holder = globalThis as Holder;
  holder[key] ??= createRuntime();
  return holder[key];
}

/** Installs a runtime as the process-wide one (tests, bench). */
export function setRuntime(runtime: Runtime | undefined): void {
  (globalThis as Holder)[key] = runtime;
}

const starting = new WeakMap<Runtime, Promise<void>>();

/** Starts one history recorder per cluster (idempotent, also when called concurrently). */
export function startRecorders(runtime: Runtime = getRuntime()): Promise<void> {
  let started = starting.get(runtime);
  if (!started) starting.set(runtime, (started = openRecorders(runtime)));
  return started;
}

async function openRecorders(runtime: Runtime): Promise<void> {
  const history = await runtime.history;
  if (!history) return;
  for (const cluster of runtime.access.clusters) {
    const election = runtime.leaderElection;
    if (election) electRecorder(runtime, history.store, cluster, election);
    else await startRecorder(runtime, history.store, cluster.name);
  }
}

async function startRecorder(runtime: Runtime, store: SqlStore, cluster: string) {
  const recorder = new Recorder({
    access: runtime.access,
    store,
    cluster,
    memorySampleMs: memorySampleMsFromEnv(),
  });
  recorder.onLogHead(() => {
    for (const listener of runtime.logHeadListeners) listener(cluster);
  });
  runtime.recorders.push(recorder);
  await recorder.start();
  return recorder;
}

/** The cluster's recorder runs only while this replica holds the recorder Lease. */
function electRecorder(
  runtime: Runtime,
  store: SqlStore,
  cluster: ClusterConnection,
  settings: RecorderElection,
): void {
  let recorder: Recorder | undefined;
  const elector = new LeaderElector({
    ...settings,
    transport: cluster.transport,
    namespace: settings.namespace ?? cluster.defaultNamespace ?? 'default',
    scheduler: runtime.access.scheduler,
    log: (message) => console.warn(message),
    onStartedLeading: async () => {
      recorder = await startRecorder(runtime, store, cluster.name);
    },
    onStoppedLeading: async () => {
      const stopping = recorder;
      recorder = undefined;
      if (!stopping) return;
      runtime.recorders.splice(runtime.recorders.indexOf(stopping), 1);
      await stopping.stop();
    },
  });
  runtime.elections.set(cluster.name, elector);
  elector.start();
}

/** Stops recorders and caches and closes the store. */
export async function stopRuntime(runtime: Runtime): Promise<void> {
  // Leaders stop recording, then hand their Lease back so a standby takes over at once.
  await Promise.all([...runtime.elections.values()].map((elector) => elector.stop()));
  runtime.elections.clear();
  for (const recorder of runtime.recorders.splice(0)) await recorder.stop();
  runtime.access.stop();
  const history = await runtime.history;
  await history?.store.close();
}

/** What a person must be told about the history store, if anything (every page, /api/health). */
export async function historyProblemOf(
  runtime: Runtime = getRuntime(),
): Promise<string | undefined> {
  const history = await runtime.history;
  const recovery = history?.store.recovery;
  if (recovery) {
    return `The history store could not be opened (${recovery.error}). It was moved aside to ${path.basename(recovery.movedTo)} in the data directory (nothing was deleted) and a fresh store started at ${new Date(recovery.at).toISOString()}: history before then is not shown.`;
  }
  if (runtime.historyError) {
    return `History is not being recorded: the store could not be opened (${runtime.historyError}). Check the data directory (PODTRAIL_DATA_DIR) or DATABASE_URL.`;
  }
  return undefined;
}

/** Per cluster, the last answer from its API server (epoch ms), for the live streams' pings. */
export function lastContacts(runtime: Runtime = getRuntime()): Record<string, number> {
  const contacts: Record<string, number> = {};
  for (const cluster of runtime.access.clusters) {
    const at = runtime.access.contact(cluster.name).lastContactAt;
    if (at !== undefined) contacts[cluster.name] = at;
  }
  return contacts;
}

/** PODTRAIL_MEMORY_SAMPLE_MS: how often crash-looping pods' memory is sampled (0 = never). */
function memorySampleMsFromEnv(): number | undefined {
  const raw = process.env.PODTRAIL_MEMORY_SAMPLE_MS;
  const ms = raw === undefined || raw === '' ? NaN : Number(raw);
  return Number.isFinite(ms) && ms >= 0 ? ms : undefined;
}
