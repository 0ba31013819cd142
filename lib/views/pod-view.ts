// One pod: the live pod from the cache with logs, history, expected images and metrics — or, when
// it no longer exists, its last state from history (fromHistory: true).
import { diagnosePod, podIdentity, replacedPods, toMs, type PodLike } from '../diagnosis';
import type { StoredPod } from '../history';
import { alertsForPod } from './alerts-view';
import { cacheInput, enrichInput, gatherLogs, logTargets } from './assemble-input';
import { snapshotCluster, type ClusterSnapshot } from './cluster-snapshot';
import { ForbiddenError, NotFoundError, UnavailableError } from './errors';
import { getRuntime, type Runtime } from './runtime';
import type { PodView } from './types';

/** Names one pod. */
export interface PodRef {
  cluster: string;
  namespace: string;
  name: string;
}

/** The newest live pod of that name (a replacement under the same name wins). */
function findLivePod(snapshot: ClusterSnapshot, ref: PodRef): PodLike | undefined {
  return snapshot.pods
    .filter((p) => p.metadata.namespace === ref.namespace && p.metadata.name === ref.name)
    .sort(
      (a, b) =>
        (toMs(b.metadata.creationTimestamp) ?? 0) - (toMs(a.metadata.creationTimestamp) ?? 0),
    )[0];
}

function requireCluster(runtime: Runtime, cluster: string): void {
  if (!runtime.access.caches.cluster(cluster)) {
    const known = runtime.access.clusters.map((c) => c.name).join(', ') || 'none';
    throw new NotFoundError(`Unknown cluster "${cluster}". Known clusters: ${known}.`);
  }
}

/** A missing pod proves nothing when its namespace is forbidden or the watch is not synced. */
function throwWhyMissing(snapshot: ClusterSnapshot, ref: PodRef): void {
  const forbidden = snapshot.health.forbidden?.find(
    (f) => f.resource === 'pods' && (f.namespace === undefined || f.namespace === ref.namespace),
  );
  if (forbidden)
    throw new ForbiddenError(
      `Podtrail may not read pods in ${ref.namespace}: ${forbidden.message}`,
    );
  const pods = snapshot.health.resources.find((r) => r.resource === 'pods');
  if (pods && pods.state !== 'synced' && pods.state !== 'stale') {
    const why = pods.message ? `: ${pods.message}` : '';
    throw new UnavailableError(
      `Cluster "${ref.cluster}" is not readable (pods ${pods.state}${why}).`,
    );
  }
}

/**
 * Whether the pod page has something to show, cheaply (caches and one history lookup): throws
 * NotFoundError naming the pod when neither the cluster nor history knows it, so the page can
 * answer a real 404 before it streams anything.
 */
export async function requirePod(ref: PodRef, runtime: Runtime = getRuntime()): Promise<void> {
  requireCluster(runtime, ref.cluster);
  const snapshot = await snapshotCluster(runtime.access, ref.cluster, { namespace: ref.namespace });
  if (findLivePod(snapshot, ref)) return;
  const stored = await (
    await runtime.history
  )?.reader.findPod(ref.cluster, ref.namespace, ref.name);
  if (stored?.lastObject) return;
  throwWhyMissing(snapshot, ref);
  throw notFound(ref);
}

function notFound(ref: PodRef): NotFoundError {
  return new NotFoundError(
    `Pod ${ref.namespace}/${ref.name} is not in cluster "${ref.cluster}" and Podtrail has no history of it.`,
  );
}

/** The live pod that replaced a deleted one (same owner, created when it was deleted). */
function replacementOf(snapshot: ClusterSnapshot, gone: StoredPod): string | undefined {
  const candidates = snapshot.pods.filter((p) => p.metadata.namespace === gone.namespace);
  const replacement = candidates.find((p) =>
    replacedPods(podIdentity(p), [gone]).some((r) => r.uid === gone.uid),
  );
  return replacement?.metadata.name;
}

/** Log slots that could not be read, saying why. */
function unreadLogs(pod: PodLike, why: string): PodView['logs'] {
  return logTargets(pod).map(({ container, previous }) => ({
    container,
    kind: previous ? 'previous' : 'current',
    truncated: false,
    error: `Not read: ${why}`,
  }));
}

/** The pod view; throws NotFoundError when neither the cluster nor history knows the pod. */
export async function getPodView(ref: PodRef, runtime: Runtime = getRuntime()): Promise<PodView> {
  requireCluster(runtime, ref.cluster);
  const now = runtime.access.scheduler.now();
  const snapshot = await snapshotCluster(runtime.access, ref.cluster, { namespace: ref.namespace });
  const live = findLivePod(snapshot, ref);
  const stored = live
    ? undefined
    : await (await runtime.history)?.reader.findPod(ref.cluster, ref.namespace, ref.name);
  const pod = live ?? stored?.lastObject;
  if (!pod) throwWhyMissing(snapshot, ref);
  if (!pod) throw notFound(ref);
  // While the API server does not answer, the page is drawn from the cache at once: no request
  // to it (logs, metrics, registry through it) would come back.
  const down = snapshot.health.unreachable;
  const logs = !live
    ? []
    : down
      ? unreadLogs(pod, down.message)
      : await gatherLogs(runtime, ref.cluster, pod);
  const base = cacheInput(snapshot, pod, now);
  const input = await enrichInput(runtime, base, logs, {
    logs: true,
    history: true,
    registry: Boolean(live) && !down,
    metrics: Boolean(live) && !down,
  });
  const diagnosis = diagnosePod(input);
  if (!live) {
    // Its last object may say Terminating: what is true now is that it is gone.
    diagnosis.pod = { ...diagnosis.pod, status: 'Deleted' };
  }
  return {
    cluster: ref.cluster,
    diagnosis,
    alerts: await alertsForPod(runtime, ref.cluster, diagnosis),
    logs,
    health: snapshot.health,
    fromHistory: !live,
    ...(stored ? { deletedAt: stored.deletedAt, replacedBy: replacementOf(snapshot, stored) } : {}),
  };
}
