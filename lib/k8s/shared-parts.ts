// Identical parts of many cached objects, held once. The pods of one ReplicaSet carry the same
// containers (images, env lists, probes, mounts), volumes and tolerations — most of a pod's
// bytes once managedFields are gone — so the caches keep one frozen copy of each distinct part
// and every pod points at it. A part no cached object points at any more is forgotten
// (WeakRef), so the table never outgrows the caches.
import { createHash } from 'node:crypto';

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

/** Distinct parts by content; `share` answers the copy already held for equal content. */
export class SharedParts {
  private readonly parts = new Map<string, WeakRef<object>>();
  private readonly forget = new FinalizationRegistry<string>((key) => {
    if (this.parts.get(key)?.deref() === undefined) this.parts.delete(key);
  });

  /** The held copy of `part` (frozen, never the caller's object), made on first sight. */
  share<T extends object>(part: T): T {
    const key = createHash('sha1').update(JSON.stringify(part)).digest('base64');
    const held = this.parts.get(key)?.deref();
    if (held) return held as T;
    const copy = deepFreeze(structuredClone(part));
    this.parts.set(key, new WeakRef(copy));
    this.forget.register(copy, key);
    return copy;
  }

  /** How many distinct parts are held (for tests and the bench). */
  get size(): number {
    return this.parts.size;
  }
}
