// Memory usage from metrics.k8s.io when a metrics server is installed. Its absence (404 on the
// API group) is normal and remembered for a while, so we do not ask again on every view. A pod's
// sample is shared by every viewer of the pod: one request in flight (single-flight) and kept for
// metrics-server's scrape interval (its --metric-resolution defaults to 15 s), so the requests to
// the API server do not grow with viewers. The recorder's rounds read many namespaces at once: one
// cluster-wide list when more than a few namespaces are wanted, so its requests do not grow with
// the namespaces either.
import { parseQuantity } from '../diagnosis';
import { K8sError } from './k8s-error';
import type { Scheduler } from './scheduler';
import type { Transport } from './transport';

interface PodMetrics {
  metadata?: { name?: string; namespace?: string };
  /** The end of metrics-server's window (RFC 3339). */
  timestamp?: string;
  containers?: Array<{ name: string; usage?: { memory?: string } }>;
}

/** Memory of the pods metrics-server has a sample of: per pod, bytes per container. */
export type PodsMemory = Array<{
  namespace: string;
  pod: string;
  at?: string;
  bytes: Record<string, number>;
}>;

function containerBytes(metrics: PodMetrics): Record<string, number> {
  const usage: Record<string, number> = {};
  for (const c of metrics.containers ?? []) {
    const bytes = memoryBytes(c.usage?.memory);
    if (bytes !== undefined) usage[c.name] = bytes;
  }
  return usage;
}

/** Bytes of a memory quantity, rounded up as Quantity.Value() does (apimachinery resource). */
function memoryBytes(quantity: string | undefined): number | undefined {
  const bytes = parseQuantity(quantity);
  return bytes === undefined ? undefined : Math.ceil(bytes);
}

type Usage = Record<string, number> | undefined;

/** How long one pod's sample is shared (metrics-server --metric-resolution default). */
const sampleMs = 15_000;
/** Up to this many namespaces are listed one by one; more take one cluster-wide list. */
const namespaceListsMax = 3;
/** How long "metrics.k8s.io is not served" (404) and "no cluster-wide list" (403) are believed. */
const rememberMs = 5 * 60_000;
/** A discovery that failed otherwise (timeout, 503 while metrics-server starts) is retried sooner. */
const retryDiscoveryMs = 30_000;

/** Options of a metrics reader. */
export interface PodMetricsReaderOptions {
  transport: Transport;
  scheduler: Scheduler;
  sampleMs?: number;
  /** Whether PodMetrics of all namespaces may be listed at once (false: a namespace-scoped install). */
  clusterWide?: boolean;
}

/** Reads pod memory usage of one cluster. */
export class PodMetricsReader {
  private checkedAt = -Infinity;
  private recheckMs = rememberMs;
  private available = false;
  private checking: Promise<boolean> | undefined;
  private clusterWideForbiddenAt = -Infinity;
  private readonly samples = new Map<string, { at: number; usage: Promise<Usage> }>();

  constructor(private readonly options: PodMetricsReaderOptions) {}

  /** Memory bytes per container (shared for a scrape interval), or undefined without metrics. */
  memoryUsage(namespace: string, pod: string): Promise<Usage> {
    const now = this.options.scheduler.now();
    const maxAge = this.options.sampleMs ?? sampleMs;
    for (const [key, entry] of this.samples) if (now - entry.at >= maxAge) this.samples.delete(key);
    const key = `${namespace}/${pod}`;
    const hit = this.samples.get(key);
    if (hit) return hit.usage;
    const usage = this.fetchUsage(namespace, pod);
    const entry = { at: now, usage };
    this.samples.set(key, entry);
    usage.catch(() => {
      if (this.samples.get(key) === entry) this.samples.delete(key);
    });
    return usage;
  }

  private async fetchUsage(namespace: string, pod: string): Promise<Usage> {
    if (!(await this.apiAvailable())) return undefined;
    const path = `/apis/metrics.k8s.io/v1beta1/namespaces/${encodeURIComponent(namespace)}/pods/${encodeURIComponent(pod)}`;
    try {
      const metrics = await this.options.transport.getJson<PodMetrics>(path, { timeoutMs: 3_000 });
      return containerBytes(metrics);
    } catch {
      return undefined; // no sample for this pod yet (404), or metrics-server is busy
    }
  }

  /** Whether the cluster serves metrics.k8s.io (discovery, re-checked every 5 minutes). */
  served(): Promise<boolean> {
    return this.apiAvailable();
  }

  /**
   * Memory of every pod of these namespaces that metrics-server has a sample of, in as few
   * requests as it takes: one list per namespace (as `kubectl top pods -n` reads it) for up to
   * three namespaces, else one cluster-wide list (`kubectl top pods -A`). Where a cluster-wide list
   * is not allowed, the first `maxLists` namespaces one by one. Undefined when metrics.k8s.io is
   * not served; a failing list ends the round with what was read before it.
   */
  async podsUsage(
    namespaces: string[],
    options: { maxLists?: number } = {},
  ): Promise<PodsMemory | undefined> {
    if (!(await this.apiAvailable())) return undefined;
    if (namespaces.length > namespaceListsMax && this.mayListClusterWide()) {
      try {
        const wanted = new Set(namespaces);
        return (await this.listUsage()).filter((m) => wanted.has(m.namespace));
      } catch (error) {
        if (!K8sError.is(error) || !error.isForbidden) return undefined;
        this.clusterWideForbiddenAt = this.options.scheduler.now();
      }
    }
    const usage: PodsMemory = [];
    for (const namespace of namespaces.slice(0, options.maxLists ?? namespaces.length)) {
      const part = await this.listUsage(namespace).catch(() => undefined);
      if (!part) break;
      usage.push(...part);
    }
    return usage;
  }

  private mayListClusterWide(): boolean {
    if (this.options.clusterWide === false) return false;
    return this.options.scheduler.now() - this.clusterWideForbiddenAt >= rememberMs;
  }

  /** One PodMetrics list, of a namespace or of all; throws K8sError. */
  private async listUsage(namespace?: string): Promise<PodsMemory> {
    const base = '/apis/metrics.k8s.io/v1beta1';
    const path = namespace
      ? `${base}/namespaces/${encodeURIComponent(namespace)}/pods`
      : `${base}/pods`;
    const list = await this.options.transport.getJson<{ items?: PodMetrics[] }>(path, {
      timeoutMs: namespace ? 5_000 : 15_000,
    });
    return (list.items ?? []).map((m) => ({
      namespace: m.metadata?.namespace ?? namespace ?? '',
      pod: m.metadata?.name ?? '',
      at: m.timestamp,
      bytes: containerBytes(m),
    }));
  }

  /**
   * Whether metrics.k8s.io is served (discovery, one at a time): an answer or a 404 is believed
   * for 5 minutes, any other failure for 30 s.
   */
  private apiAvailable(): Promise<boolean> {
    const now = this.options.scheduler.now();
    if (now - this.checkedAt < this.recheckMs) return Promise.resolve(this.available);
    this.checking ??= this.checkDiscovery().finally(() => {
      this.checkedAt = this.options.scheduler.now();
      this.checking = undefined;
    });
    return this.checking;
  }

  private async checkDiscovery(): Promise<boolean> {
    try {
      await this.options.transport.getJson('/apis/metrics.k8s.io/v1beta1', { timeoutMs: 3_000 });
      this.available = true;
      this.recheckMs = rememberMs;
    } catch (error) {
      // 404: not installed, which is normal; 503: the APIService is registered but down; a
      // timeout: the server is busy (a slow answer at start-up must not stop sampling for long).
      if (!K8sError.is(error)) throw error;
      this.available = false;
      this.recheckMs = error.status === 404 ? rememberMs : retryDiscoveryMs;
    }
    return this.available;
  }
}
