// One container log on demand (GET .../pods/[pod]/log), capped by lib/k8s's limits.
import { getRuntime, type Runtime } from './runtime';
import { ForbiddenError, NotFoundError, UnavailableError } from './errors';
import type { LogView } from './types';
import type { PodRef } from './pod-view';
import type { Viewer } from './viewer-access';

/** The current or previous log of one container; read as the viewer when there is one. */
export async function getPodLog(
  ref: PodRef & { container: string; previous: boolean; viewer?: Viewer },
  runtime: Runtime = getRuntime(),
): Promise<LogView> {
  if (!runtime.access.caches.cluster(ref.cluster)) {
    throw new NotFoundError(`Unknown cluster "${ref.cluster}".`);
  }
  const contact = runtime.access.contact(ref.cluster);
  if (contact.state === 'unreachable') {
    const since = new Date(contact.unreachableSince ?? Date.now()).toISOString();
    throw new UnavailableError(
      `The API server of cluster "${ref.cluster}" has not answered since ${since} (${contact.message ?? 'no answer'}), so the log cannot be read now. Podtrail retries every few seconds; the recorded log heads stay on the pod page.`,
    );
  }
  const log = await runtime.access.logReader(ref.cluster).read(
    {
      namespace: ref.namespace,
      pod: ref.name,
      container: ref.container,
      previous: ref.previous,
      tailLines: Number(process.env.PODTRAIL_LOG_TAIL_LINES) || 500,
    },
    { as: ref.viewer },
  );
  // Their own RBAC said no: the same words as the board's and pod page's.
  if (log.status === 403 && ref.viewer)
    throw new ForbiddenError(
      `No access to namespace ${ref.namespace}: ${log.error ?? 'forbidden'}`,
    );
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
