/** JSON shapes the sandbox stores: just enough typing for the store and the API server. */

/** An owner reference as metav1.OwnerReference. */
export interface OwnerReference {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
  controller?: boolean;
  blockOwnerDeletion?: boolean;
}

/** metav1.ObjectMeta as the sandbox fills it. */
export interface ObjectMeta {
  name: string;
  namespace?: string;
  uid: string;
  resourceVersion: string;
  creationTimestamp: string;
  generateName?: string;
  generation?: number;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ownerReferences?: OwnerReference[];
  deletionTimestamp?: string;
  deletionGracePeriodSeconds?: number;
}

/** Any Kubernetes object held by the store. */
export interface KObject {
  apiVersion: string;
  kind: string;
  metadata: ObjectMeta;
  [field: string]: unknown;
}

/** An object before the store has assigned uid/resourceVersion/creationTimestamp. */
export type NewObject = Omit<KObject, 'metadata'> & {
  metadata: Omit<ObjectMeta, 'uid' | 'resourceVersion' | 'creationTimestamp'> &
    Partial<Pick<ObjectMeta, 'uid' | 'creationTimestamp'>>;
};

/** The three kinds of change a watch reports. */
export type ChangeType = 'ADDED' | 'MODIFIED' | 'DELETED';

/** One change in the store's history, with the object before it (for undo and selectors). */
export interface Change {
  rv: number;
  resource: string;
  type: ChangeType;
  object: KObject;
  previous?: KObject;
}
