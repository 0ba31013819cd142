// What the caches keep of an object: everything but what Podtrail never reads. On a big cluster
// the caches hold every pod, so each dropped byte counts ten thousand times over:
// - metadata.managedFields (often a third of a pod's JSON);
// - annotations, except the few Podtrail reads (revisions, the change cause, a restart request,
//   and its own podtrail.dev/ keys); CI/CD and monitoring annotations can be kilobytes per pod;
// - status.*containerStatuses[].volumeMounts (Kubernetes ≥ 1.30 repeats the spec's mounts there).
// The spec (env, envFrom, volumes, probes, resources) and the rest of the status stay: diagnosis
// reads them. A pod spec's containers, init containers, volumes and tolerations are shared with
// every other cached pod that has equal ones (shared-parts.ts): frozen, held once.
import { SharedParts } from './shared-parts';

/** Annotation keys (exact) and prefixes (ending in '/') the caches keep. */
const keptAnnotations = [
  'deployment.kubernetes.io/',
  'podtrail.dev/',
  'kubernetes.io/change-cause',
  'kubectl.kubernetes.io/restartedAt',
];

function kept(key: string): boolean {
  return keptAnnotations.some((k) => (k.endsWith('/') ? key.startsWith(k) : key === k));
}

/** The parts of a pod spec shared between equal pods (the same ReplicaSet's, typically). */
const sharedSpecParts = ['containers', 'initContainers', 'volumes', 'tolerations'] as const;

const sharedParts = new SharedParts();

interface Strippable {
  metadata?: { managedFields?: unknown; annotations?: Record<string, string> };
  spec?: Partial<Record<(typeof sharedSpecParts)[number], unknown>>;
  status?: {
    containerStatuses?: Array<{ volumeMounts?: unknown }>;
    initContainerStatuses?: Array<{ volumeMounts?: unknown }>;
    ephemeralContainerStatuses?: Array<{ volumeMounts?: unknown }>;
  };
}

function stripAnnotations(annotations: Record<string, string> | undefined) {
  if (!annotations) return undefined;
  const keys = Object.keys(annotations);
  if (keys.every(kept)) return annotations;
  const left = Object.fromEntries(keys.filter(kept).map((k) => [k, annotations[k] ?? '']));
  return Object.keys(left).length > 0 ? left : undefined;
}

type Statuses = Array<{ volumeMounts?: unknown }> | undefined;

function stripStatuses(statuses: Statuses): Statuses {
  if (!statuses?.some((s) => s.volumeMounts !== undefined)) return statuses;
  return statuses.map(({ volumeMounts: _mounts, ...rest }) => rest);
}

/** Returns the object without what Podtrail never reads (input untouched). */
export function stripObject<T extends object>(object: T): T {
  const { metadata: meta, spec, status } = object as Strippable;
  const out: Record<string, unknown> = { ...(object as Record<string, unknown>) };
  if (spec && typeof spec === 'object' && Array.isArray(spec.containers))
    out.spec = shareParts(spec);
  if (meta) {
    const { managedFields: _managed, annotations: _annotations, ...rest } = meta;
    const annotations = stripAnnotations(meta.annotations);
    out.metadata = annotations ? { ...rest, annotations } : rest;
  }
  if (status && typeof status === 'object') {
    out.status = {
      ...status,
      ...withDefined('containerStatuses', stripStatuses(status.containerStatuses)),
      ...withDefined('initContainerStatuses', stripStatuses(status.initContainerStatuses)),
      ...withDefined(
        'ephemeralContainerStatuses',
        stripStatuses(status.ephemeralContainerStatuses),
      ),
    };
  }
  return out as T;
}

/** A pod spec whose containers, volumes and tolerations are the shared copies. */
function shareParts(spec: NonNullable<Strippable['spec']>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...spec };
  for (const key of sharedSpecParts) {
    const part = spec[key];
    if (part && typeof part === 'object') out[key] = sharedParts.share(part);
  }
  return out;
}

function withDefined(key: string, value: unknown): Record<string, unknown> {
  return value === undefined ? {} : { [key]: value };
}
