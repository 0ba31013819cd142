// Memory usage from metrics.k8s.io when a metrics server is installed. Its absence (404 on the
// API group) is normal and remembered for a while, so we do not ask again on every view.
import { parseQuantity } from '../diagnosis';
import { K8sError } from './k8s-error';
import type { Scheduler } from './scheduler';
import type { Transport } from './transport';

interface PodMetrics {
  containers?: Array<{ name: string; usage?: { memory?: string } }>;
}

/** Bytes of a memory quantity, rounded up as Quantity.Value() does (apimachinery resource). */
function memoryBytes(quantity: string | undefined): number | undefined {
  const bytes = parseQuantity(quantity);
  return bytes === undefined ? undefined : Math.ceil(bytes);
}

/** Reads pod memory usage of one cluster. */
export class PodMetricsReader {
  private checkedAt = -Infinity;
  private available = false;

  constructor(private readonly options: { transport: Transport; scheduler: Scheduler }) {}

  /** Memory bytes per container, or undefined when metrics are not available. */
  async memoryUsage(namespace: string, pod: string): Promise<Record<string, number> | undefined> {
    if (!(await this.apiAvailable())) return undefined;
    const path = `/apis/metrics.k8s.io/v1beta1/namespaces/${encodeURIComponent(namespace)}/pods/${encodeURIComponent(pod)}`;
    try {
      const metrics = await this.options.transport.getJson<PodMetrics>(path, { timeoutMs: 3_000 });
      const usage: Record<string, number> = {};
      for (const c of metrics.containers ?? []) {
        const bytes = memoryBytes(c.usage?.memory);
        if (bytes !== undefined) usage[c.name] = bytes;
      }
      return usage;
    } catch {
      return undefined; // no sample for this pod yet (404), or metrics-server is busy
    }
  }

  /** Whether metrics.k8s.io is served (discovery, re-checked every 5 minutes). */
  private async apiAvailable(): Promise<boolean> {
    const now = this.options.scheduler.now();
    if (now - this.checkedAt < 5 * 60_000) return this.available;
    this.checkedAt = now;
    try {
      await this.options.transport.getJson('/apis/metrics.k8s.io/v1beta1', { timeoutMs: 3_000 });
      this.available = true;
    } catch (error) {
      // 404: not installed, which is normal; 503: the APIService is registered but down.
      if (!(error instanceof K8sError)) throw error;
      this.available = false;
    }
    return this.available;
  }
}
