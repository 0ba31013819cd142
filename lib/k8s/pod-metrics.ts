// Memory usage from metrics.k8s.io when a metrics server is installed. Its absence (404 on the
// API group) is normal and remembered for a while, so we do not ask again on every view. A pod's
// sample is shared by every viewer of the pod: one request in flight (single-flight) and kept for
// metrics-server's scrape interval (its --metric-resolution defaults to 15 s), so the requests to
// the API server do not grow with viewers.
import { parseQuantity } from '../diagnosis';
import { K8sError } from './k8s-error';
import type { Scheduler } from './scheduler';
import type { Transport } from './transport';

interface PodMetrics {
  metadata?: { name?: string };
  /** The end of metrics-server's window (RFC 3339). */
  timestamp?: string;
  containers?: Array<{ name: string; usage?: { memory?: string } }>;
}

/** Memory of every pod of a namespace that metrics-server has a sample of. */
export type NamespaceMemory = Array<{ pod: string; at?: string; bytes: Record<string, number> }>;

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

/** Reads pod memory usage of one cluster. */
export class PodMetricsReader {
  private checkedAt = -Infinity;
  private available = false;
  private checking: Promise<boolean> | undefined;
  private readonly samples = new Map<string, { at: number; usage: Promise<Usage> }>();

  constructor(
    private readonly options: { transport: Transport; scheduler: Scheduler; sampleMs?: number },
  ) {}

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
   * Memory of every pod of a namespace (one list, as `kubectl top pods -n` reads it); undefined
   * when metrics.k8s.io is not served or the list fails.
   */
  async namespaceUsage(namespace: string): Promise<NamespaceMemory | undefined> {
    if (!(await this.apiAvailable())) return undefined;
    const path = `/apis/metrics.k8s.io/v1beta1/namespaces/${encodeURIComponent(namespace)}/pods`;
    try {
      const list = await this.options.transport.getJson<{ items?: PodMetrics[] }>(path, {
        timeoutMs: 5_000,
      });
      return (list.items ?? []).map((m) => ({
        pod: m.metadata?.name ?? '',
        at: m.timestamp,
        bytes: containerBytes(m),
      }));
    } catch {
      return undefined;
    }
  }

  /** Whether metrics.k8s.io is served (discovery, re-checked every 5 minutes, one at a time). */
  private apiAvailable(): Promise<boolean> {
    const now = this.options.scheduler.now();
    if (now - this.checkedAt < 5 * 60_000) return Promise.resolve(this.available);
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
    } catch (error) {
      // 404: not installed, which is normal; 503: the APIService is registered but down.
      if (!K8sError.is(error)) throw error;
      this.available = false;
    }
    return this.available;
  }
}
