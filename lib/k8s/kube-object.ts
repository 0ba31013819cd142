// The minimum every watched object carries.

/** Any Kubernetes object as the caches hold it. */
export interface KubeObject {
  apiVersion?: string;
  kind?: string;
  metadata?: {
    name?: string;
    namespace?: string;
    uid?: string;
    resourceVersion?: string;
    [key: string]: unknown;
  };
  [key: string]: unknown;
}

/** A LIST answer. */
export interface KubeList<T> {
  metadata?: { resourceVersion?: string; continue?: string };
  items?: T[];
}

/** The key the caches file an object under: its uid, else namespace/name. */
export function objectKey(object: KubeObject): string {
  const meta = object.metadata ?? {};
  return meta.uid ?? `${meta.namespace ?? ''}/${meta.name ?? ''}`;
}
