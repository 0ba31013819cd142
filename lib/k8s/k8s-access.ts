// Everything Podtrail reads from its clusters, behind one object: shared watch caches, logs and
// metrics per cluster. Built from options (no I/O); caches start when first acquired.
import { CacheRegistry, type CacheRegistryOptions } from './cache-registry';
import type { ClusterConnection } from './clusters';
import type { ClusterContact } from './cluster-contact';
import { PodLogReader, type LogLimits } from './pod-logs';
import { NamespaceAccess } from './namespace-access';
import { NodeReader } from './node-reader';
import { PodMetricsReader } from './pod-metrics';
import { systemScheduler, type Scheduler } from './scheduler';

/**
 * Options of the cluster access layer: the cache registry's (its clusters from loadClusters: the
 * constructor reads no files), and how much of a log to read.
 */
export interface K8sAccessOptions extends CacheRegistryOptions {
  logLimits?: LogLimits;
}

/** The clusters, their shared caches, logs and metrics. */
export class K8sAccess {
  /** The registry of shared watch caches. */
  readonly caches: CacheRegistry;
  readonly scheduler: Scheduler;
  private readonly logs = new Map<string, PodLogReader>();
  private readonly metrics = new Map<string, PodMetricsReader>();
  private readonly access = new Map<string, NamespaceAccess>();
  private readonly nodes = new Map<string, NodeReader>();

  constructor(private readonly options: K8sAccessOptions) {
    this.scheduler = options.scheduler ?? systemScheduler;
    this.caches = new CacheRegistry({ ...options, scheduler: this.scheduler });
  }

  /** Every cluster. */
  get clusters(): ClusterConnection[] {
    return this.caches.clusters;
  }

  /** The log reader of one cluster. */
  logReader(cluster: string): PodLogReader {
    return this.perCluster(this.logs, cluster, (c) => {
      return new PodLogReader({
        transport: c.transport,
        cluster,
        scheduler: this.scheduler,
        limits: this.options.logLimits,
      });
    });
  }

  /** The metrics reader of one cluster. */
  metricsReader(cluster: string): PodMetricsReader {
    return this.perCluster(this.metrics, cluster, (c) => {
      return new PodMetricsReader({
        transport: c.transport,
        scheduler: this.scheduler,
        clusterWide: !c.namespaces?.length,
      });
    });
  }

  /** Per-user namespace access of one cluster (PODTRAIL_IMPERSONATE). */
  namespaceAccess(cluster: string): NamespaceAccess {
    return this.perCluster(this.access, cluster, (c) => {
      return new NamespaceAccess({ transport: c.transport, scheduler: this.scheduler });
    });
  }

  /** The node reader of one cluster (a node's conditions and events). */
  nodeReader(cluster: string): NodeReader {
    return this.perCluster(this.nodes, cluster, (c) => {
      return new NodeReader({ transport: c.transport, scheduler: this.scheduler });
    });
  }

  /** Whether the cluster's API server answers (as last probed). */
  contact(cluster: string): ClusterContact {
    return this.caches.contact(cluster);
  }

  /** Stops every cache. */
  stop(): void {
    this.caches.stopAll();
  }

  private perCluster<T>(map: Map<string, T>, name: string, make: (c: ClusterConnection) => T): T {
    const existing = map.get(name);
    if (existing) return existing;
    const cluster = this.caches.cluster(name);
    if (!cluster) throw new Error(`unknown cluster "${name}"`);
    const made = make(cluster);
    map.set(name, made);
    return made;
  }
}
