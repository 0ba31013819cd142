// The resource types Podtrail watches, the objects their caches hold, and the API paths that
// serve them.
import type { EventLike, LimitRangeLike, PodLike, WorkloadLike } from '../diagnosis';
import type { KubeObject } from './kube-object';

/**
 * The object each watched resource's cache holds: the API's JSON, read through the small
 * interfaces of lib/diagnosis where a view or the recorder reads it, else only as a KubeObject.
 */
export interface WatchedObjects {
  pods: PodLike & KubeObject;
  events: EventLike & KubeObject;
  replicasets: WorkloadLike & KubeObject;
  deployments: WorkloadLike & KubeObject;
  statefulsets: WorkloadLike & KubeObject;
  daemonsets: WorkloadLike & KubeObject;
  jobs: WorkloadLike & KubeObject;
  nodes: KubeObject;
  namespaces: KubeObject;
  limitranges: LimitRangeLike & KubeObject;
  /** Metadata only (PartialObjectMetadata): Podtrail needs names, never values. */
  configmaps: KubeObject;
}

/** A resource Podtrail can watch. */
export type ResourceName = keyof WatchedObjects;

/** The object type the cache of resource R holds. */
export type WatchedObject<R extends ResourceName> = WatchedObjects[R];

/** How one resource type is reached on the API server. */
export interface ResourceInfo {
  name: ResourceName;
  group: string;
  version: string;
  kind: string;
  namespaced: boolean;
  /** Watch as PartialObjectMetadata only (configmaps: Podtrail needs names, never values). */
  metadataOnly: boolean;
}

function info(
  name: ResourceName,
  kind: string,
  group = '',
  namespaced = true,
  metadataOnly = false,
): ResourceInfo {
  return { name, kind, group, version: 'v1', namespaced, metadataOnly };
}

/** Every watched resource type by name. */
export const resources: Record<ResourceName, ResourceInfo> = {
  pods: info('pods', 'Pod'),
  events: info('events', 'Event'),
  replicasets: info('replicasets', 'ReplicaSet', 'apps'),
  deployments: info('deployments', 'Deployment', 'apps'),
  statefulsets: info('statefulsets', 'StatefulSet', 'apps'),
  daemonsets: info('daemonsets', 'DaemonSet', 'apps'),
  jobs: info('jobs', 'Job', 'batch'),
  nodes: info('nodes', 'Node', '', false),
  namespaces: info('namespaces', 'Namespace', '', false),
  limitranges: info('limitranges', 'LimitRange'),
  configmaps: info('configmaps', 'ConfigMap', '', true, true),
};

/** The collection path of a resource, cluster-wide or in one namespace. */
export function collectionPath(resource: ResourceInfo, namespace?: string): string {
  const base = resource.group === '' ? '/api/v1' : `/apis/${resource.group}/${resource.version}`;
  if (namespace && resource.namespaced) {
    return `${base}/namespaces/${encodeURIComponent(namespace)}/${resource.name}`;
  }
  return `${base}/${resource.name}`;
}
