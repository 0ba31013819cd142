/**
 * The sandbox's etcd: objects per resource, one global monotonically increasing resourceVersion,
 * and a bounded window of changes from which watches replay (older start points get 410 Gone).
 */
import type { Change, KObject, NewObject } from './types';

/** Receives every change right after it is applied. */
export type ChangeListener = (change: Change) => void;

/** Thrown when a resourceVersion is older than the retained window. */
export class ExpiredError extends Error {
  constructor(
    readonly requested: number,
    readonly oldest: number,
  ) {
    super(`too old resource version: ${requested} (${oldest})`);
  }
}

/** Options for the store. */
export interface ObjectStoreOptions {
  now: () => number;
  newUid: () => string;
  /** How many changes are kept for watch replay (the watch cache's window). */
  windowSize?: number;
}

function keyOf(namespace: string | undefined, name: string): string {
  return namespace ? `${namespace}/${name}` : name;
}

/** In-memory object store with list-at-revision and change history. */
export class ObjectStore {
  private rv = 0;
  private readonly objects = new Map<string, Map<string, KObject>>();
  private history: Change[] = [];
  private compactedRv = 0;
  private readonly listeners = new Set<ChangeListener>();
  private readonly windowSize: number;
  /** list()'s sorted order per resource, dropped on every write (controllers list on each change). */
  private readonly sorted = new Map<string, KObject[]>();

  constructor(private readonly options: ObjectStoreOptions) {
    this.windowSize = options.windowSize ?? 10_000;
  }

  /** The newest resourceVersion. */
  currentRv(): number {
    return this.rv;
  }

  /** The oldest resourceVersion a watch may start from. */
  oldestRv(): number {
    return this.compactedRv;
  }

  /** Creates an object, assigning uid, creationTimestamp and resourceVersion. */
  create(resource: string, input: NewObject): KObject {
    const obj = structuredClone(input) as KObject;
    obj.metadata.uid ??= this.options.newUid();
    obj.metadata.creationTimestamp ??= new Date(this.options.now())
      .toISOString()
      .replace(/\.\d+Z$/, 'Z');
    const map = this.bucket(resource);
    const key = keyOf(obj.metadata.namespace, obj.metadata.name);
    if (map.has(key)) throw new Error(`${resource} "${key}" already exists`);
    obj.metadata.resourceVersion = String(++this.rv);
    map.set(key, obj);
    this.record({ rv: this.rv, resource, type: 'ADDED', object: obj });
    return structuredClone(obj);
  }

  /** Replaces an existing object (matched by namespace/name), bumping its resourceVersion. */
  update(resource: string, input: KObject): KObject {
    const map = this.bucket(resource);
    const key = keyOf(input.metadata.namespace, input.metadata.name);
    const previous = map.get(key);
    if (!previous) throw new Error(`${resource} "${key}" not found`);
    const obj = structuredClone(input);
    obj.metadata.resourceVersion = String(++this.rv);
    map.set(key, obj);
    this.record({ rv: this.rv, resource, type: 'MODIFIED', object: obj, previous });
    return structuredClone(obj);
  }

  /** Removes an object; the DELETED change carries a fresh resourceVersion, as etcd does. */
  delete(resource: string, namespace: string | undefined, name: string): KObject | undefined {
    const map = this.bucket(resource);
    const key = keyOf(namespace, name);
    const previous = map.get(key);
    if (!previous) return undefined;
    map.delete(key);
    const obj = structuredClone(previous);
    obj.metadata.resourceVersion = String(++this.rv);
    this.record({ rv: this.rv, resource, type: 'DELETED', object: obj, previous });
    return structuredClone(obj);
  }

  /** Reads one object (a copy). */
  get(resource: string, namespace: string | undefined, name: string): KObject | undefined {
    const obj = this.bucket(resource).get(keyOf(namespace, name));
    return obj ? structuredClone(obj) : undefined;
  }

  /** Current objects of a resource (shared references: never mutate), sorted by namespace/name. */
  list(resource: string): KObject[] {
    let sorted = this.sorted.get(resource);
    if (!sorted) {
      sorted = [...this.bucket(resource).entries()]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([, o]) => o);
      this.sorted.set(resource, sorted);
    }
    return sorted.slice();
  }

  /** Objects of a resource as they were at `rv` (for consistent paging); throws ExpiredError. */
  listAt(resource: string, rv: number): KObject[] {
    if (rv >= this.rv) return this.list(resource);
    if (rv < this.compactedRv) throw new ExpiredError(rv, this.compactedRv);
    const state = new Map(this.bucket(resource));
    for (let i = this.history.length - 1; i >= 0; i--) {
      const change = this.history[i];
      if (!change || change.rv <= rv) break;
      if (change.resource !== resource) continue;
      const key = keyOf(change.object.metadata.namespace, change.object.metadata.name);
      if (change.type === 'ADDED') state.delete(key);
      else if (change.previous) state.set(key, change.previous);
    }
    return [...state.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, o]) => o);
  }

  /** Changes after `rv` (exclusive), oldest first; throws ExpiredError if they are not all kept. */
  changesSince(rv: number): Change[] {
    if (rv < this.compactedRv) throw new ExpiredError(rv, this.compactedRv);
    const idx = this.history.findIndex((c) => c.rv > rv);
    return idx < 0 ? [] : this.history.slice(idx);
  }

  /** Forgets the whole change window: every older resourceVersion now answers 410 Gone. */
  compact(): void {
    this.compactedRv = this.rv;
    this.history = [];
  }

  /** Subscribes to changes; returns the unsubscribe function. */
  subscribe(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private bucket(resource: string): Map<string, KObject> {
    let map = this.objects.get(resource);
    if (!map) {
      map = new Map();
      this.objects.set(resource, map);
    }
    return map;
  }

  private record(change: Change): void {
    this.sorted.delete(change.resource);
    this.history.push(change);
    if (this.history.length > this.windowSize) {
      const dropped = this.history.splice(0, this.history.length - this.windowSize);
      const last = dropped[dropped.length - 1];
      if (last) this.compactedRv = last.rv;
    }
    for (const listener of this.listeners) listener(change);
  }
}
