// One container log on demand (GET .../pods/[pod]/log), capped by lib/k8s's limits.
import { getRuntime, type Runtime } from './runtime';
import { NotFoundError } from './errors';
import type { LogView } from './types';
import type { PodRef } from './pod-view';

/** The current or previous log of one container. */
export async function getPodLog(
  ref: PodRef & { container: string; previous: boolean },
  runtime: Runtime = getRuntime(),
): Promise<LogView> {
  if (!runtime.access.caches.cluster(ref.cluster)) {
    throw new NotFoundError(`Unknown cluster "${ref.cluster}".`);
  }
  const log = await runtime.access.logReader(ref.cluster).read({
    namespace: ref.namespace,
    pod: ref.name,
    container: ref.container,
    previous: ref.previous,
    tailLines: Number(process.env.PODTRAIL_LOG_TAIL_LINES) || 500,
  });
  if (log.status === 404) throw new NotFoundError(log.error ?? 'pod or container not found');
  const kind = ref.previous ? 'previous' : 'current';
  return {
    container: ref.container,
    kind,
    text: log.text,
    truncated: log.truncated,
    error: log.error,
  };
}
