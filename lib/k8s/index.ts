// lib/k8s: everything that talks to a cluster. Server-only.
import 'server-only';

export { K8sAccess, type K8sAccessOptions } from './k8s-access';
export { loadClusters, type ClusterConnection, type LoadClustersOptions } from './clusters';
export { CacheRegistry, type CacheKey, type CacheLease } from './cache-registry';
export {
  WatchCache,
  type CacheEvent,
  type CacheListener,
  type WatchCacheOptions,
} from './watch-cache';
export type { CacheHealth, ConnectionState } from './cache-health';
export { ClusterContactMonitor, type ClusterContact } from './cluster-contact';
export { K8sError, k8sErrorFromStatus, k8sErrorFromNetwork } from './k8s-error';
export { compareResourceVersions } from './resource-version';
export {
  resources,
  type ResourceName,
  type ResourceInfo,
  type WatchedObject,
  type WatchedObjects,
} from './resources';
export { systemScheduler, Backoff, type Scheduler, type TimerHandle } from './scheduler';
export type { KubeObject } from './kube-object';
export { Transport, type Impersonation } from './transport';
export { NamespaceAccess } from './namespace-access';
export {
  PodLogReader,
  headOfLog,
  logLimitsFromEnv,
  type PodLog,
  type PodLogRequest,
} from './pod-logs';
export { PodMetricsReader, type PodsMemory } from './pod-metrics';
export { NodeReader, type NodeFacts } from './node-reader';
export { stripObject } from './strip';
