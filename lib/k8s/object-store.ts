// The objects of one cache, keyed by metadata.uid (a pod replaced under the same name is a new
// object, not an update), with replayed events dropped by uid + resourceVersion. Objects come in
// as the cache keeps them (stripped by the list/watch loop as they arrive).
import { objectKey, type KubeObject } from './kube-object';
import { isNotNewer } from './resource-version';

/** A change the store accepted. */
export type StoreChange<T> =
  | { type: 'added'; object: T }
  | { type: 'modified'; object: T; old: T }
  | { type: 'deleted'; object: T };

const maxTombstones = 10_000;

/** Objects by uid, each remembering the shard (namespace scope) that delivered it. */
export class ObjectStore<T extends KubeObject> {
  private readonly objects = new Map<string, { object: T; shard: string }>();
  private readonly tombstones = new Map<string, string | undefined>();

  /** Applies a watch event; returns the change, or undefined for a duplicate or replay. */
  apply(
    shard: string,
    type: 'ADDED' | 'MODIFIED' | 'DELETED',
    object: T,
  ): StoreChange<T> | undefined {
    const key = objectKey(object);
    const rv = object.metadata?.resourceVersion;
    const existing = this.objects.get(key);
    if (type === 'DELETED') {
      if (!existing) return undefined;
      this.objects.delete(key);
      this.bury(key, rv);
      return { type: 'deleted', object };
    }
    if (existing && isNotNewer(rv, existing.object.metadata?.resourceVersion)) return undefined;
    if (!existing && this.tombstones.has(key) && isNotNewer(rv, this.tombstones.get(key))) {
      return undefined;
    }
    this.objects.set(key, { object, shard });
    return existing
      ? { type: 'modified', object, old: existing.object }
      : { type: 'added', object };
  }

  /**
   * Replaces one shard's objects with a fresh list; returns the changes (synthetic deletes too).
   * A namespace shard also takes over what the cluster-wide shard (`*`) held in its namespace.
   */
  replace(shard: string, items: T[], namespace?: string): StoreChange<T>[] {
    const changes: StoreChange<T>[] = [];
    const seen = new Set<string>();
    for (const object of items) {
      const key = objectKey(object);
      seen.add(key);
      const existing = this.objects.get(key);
      this.objects.set(key, { object, shard });
      const sameRv =
        existing?.object.metadata?.resourceVersion === object.metadata?.resourceVersion;
      if (!existing) changes.push({ type: 'added', object });
      else if (!sameRv) changes.push({ type: 'modified', object, old: existing.object });
    }
    for (const [key, entry] of this.objects) {
      const claimed =
        entry.shard === shard ||
        (namespace !== undefined &&
          entry.shard === '*' &&
          entry.object.metadata?.namespace === namespace);
      if (claimed && !seen.has(key)) {
        this.objects.delete(key);
        this.bury(key, entry.object.metadata?.resourceVersion);
        changes.push({ type: 'deleted', object: entry.object });
      }
    }
    return changes;
  }

  /**
   * Forgets a retired shard: objects it still owns (not taken over by the shard that replaced it)
   * are gone; returns their deletes.
   */
  dropShard(shard: string): StoreChange<T>[] {
    const changes: StoreChange<T>[] = [];
    for (const [key, entry] of this.objects) {
      if (entry.shard !== shard) continue;
      this.objects.delete(key);
      this.bury(key, entry.object.metadata?.resourceVersion);
      changes.push({ type: 'deleted', object: entry.object });
    }
    return changes;
  }

  /** Every object. */
  values(): T[] {
    return [...this.objects.values()].map((e) => e.object);
  }

  /** One object by uid. */
  get(uid: string): T | undefined {
    return this.objects.get(uid)?.object;
  }

  get size(): number {
    return this.objects.size;
  }

  private bury(key: string, rv: string | undefined): void {
    this.tombstones.set(key, rv);
    if (this.tombstones.size > maxTombstones) {
      const oldest = this.tombstones.keys().next().value;
      if (oldest !== undefined) this.tombstones.delete(oldest);
    }
  }
}
