// What the caches keep of an object: everything but what Podtrail never reads.

const lastApplied = 'kubectl.kubernetes.io/last-applied-configuration';

interface Stripped {
  metadata?: { managedFields?: unknown; annotations?: Record<string, string> };
}

/** Returns the object without managedFields and the last-applied annotation (input untouched). */
export function stripObject<T extends object>(object: T): T {
  const meta = (object as Stripped).metadata;
  if (!meta || (meta.managedFields === undefined && !meta.annotations?.[lastApplied])) {
    return object;
  }
  const { managedFields: _managed, ...rest } = meta;
  const metadata: Stripped['metadata'] = { ...rest };
  if (meta.annotations?.[lastApplied] !== undefined) {
    const { [lastApplied]: _dropped, ...annotations } = meta.annotations;
    metadata.annotations = annotations;
  }
  return { ...object, metadata } as T;
}
