// Memory usage over time, for the OOM-kill chart of the pod page. metrics.k8s.io keeps only the
// latest sample per pod (metrics-server scrapes every 15 s by default and stores one point), so
// the usage that led up to a kill exists only if someone kept it. Bounded: only pods that are
// crash-looping (or whose usage is near their limit, in the namespaces read anyway) are kept; a
// round reads the namespaces with a crash-looping pod in one cluster-wide list, or one list each
// when they are few (PodMetricsReader.podsUsage), and samples are deleted after SAMPLES_KEEP_MS
// (retention.ts).
import { parseQuantity, toMs, type MemorySample, type PodLike } from '../diagnosis';
import type { PodsMemory } from '../k8s';
import { num, type SqlStore } from './sql-store';

/** How long memory samples are kept (the rest of history keeps its own retention). */
export const SAMPLES_KEEP_MS = 2 * 24 * 3600_000;
/** How often the recorder samples (metrics-server's --metric-resolution is 15 s). */
export const SAMPLE_EVERY_MS = 20_000;
/** Where PodMetrics cannot be listed cluster-wide, at most this many namespaces are read a round. */
export const MAX_NAMESPACE_LISTS = 20;
/** Usage at or above this share of the limit counts as near it. */
const NEAR_LIMIT = 0.9;
/** A container that crashed within this long is still crash-looping for sampling. */
const RECENT_CRASH_MS = 30 * 60_000;

/** Whether a pod is crash-looping: a container waits in CrashLoopBackOff or crashed lately. */
export function isCrashLooping(pod: PodLike, now: number): boolean {
  const statuses = [
    ...(pod.status?.initContainerStatuses ?? []),
    ...(pod.status?.containerStatuses ?? []),
  ];
  return statuses.some((s) => {
    if ((s.restartCount ?? 0) === 0) return false;
    if (s.state?.waiting?.reason === 'CrashLoopBackOff') return true;
    const finished = toMs(s.lastState?.terminated?.finishedAt);
    return finished !== undefined && now - finished <= RECENT_CRASH_MS;
  });
}

function limitsOf(pod: PodLike): Map<string, number | undefined> {
  const limits = new Map<string, number | undefined>();
  for (const c of [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])])
    limits.set(c.name, parseQuantity(c.resources?.limits?.memory));
  return limits;
}

/** A row to write: which pod (uid) and one container's sample. */
export type SampleRow = MemorySample & { podUid: string };

/**
 * The rows worth keeping from PodMetrics: every container of a crash-looping pod, and of a pod
 * with a container at ≥ 90 % of its limit. PodMetrics names pods, not uids: the live pod of that
 * namespace and name is the one sampled.
 */
export function samplesToKeep(pods: PodLike[], usage: PodsMemory, now: number): SampleRow[] {
  const byName = new Map(pods.map((p) => [`${p.metadata.namespace}/${p.metadata.name}`, p]));
  return usage.flatMap((m) => {
    const pod = byName.get(`${m.namespace}/${m.pod}`);
    const uid = pod?.metadata.uid;
    if (!pod || !uid) return [];
    const limits = limitsOf(pod);
    const near = Object.entries(m.bytes).some(([c, bytes]) => {
      const limit = limits.get(c);
      return limit !== undefined && bytes >= limit * NEAR_LIMIT;
    });
    if (!near && !isCrashLooping(pod, now)) return [];
    const at = toMs(m.at) ?? now;
    return Object.entries(m.bytes).map(([container, bytes]) => ({
      podUid: uid,
      container,
      at,
      bytes,
      limitBytes: limits.get(container),
    }));
  });
}

/** The namespaces to read this round: those with a crash-looping pod. */
export function namespacesToSample(pods: PodLike[], now: number): string[] {
  const namespaces = new Set<string>();
  for (const p of pods) {
    if (p.metadata.namespace && isCrashLooping(p, now)) namespaces.add(p.metadata.namespace);
  }
  return [...namespaces];
}

/** Writes samples (a sample seen twice — metrics-server has not scraped again — is one row). */
export async function insertMemorySamples(
  store: SqlStore,
  cluster: string,
  rows: SampleRow[],
): Promise<void> {
  for (const r of rows) {
    await store.query(
      `INSERT INTO memory_samples (cluster, pod_uid, container, at, usage_bytes, limit_bytes)
       VALUES ($1,$2,$3,$4,$5,$6) ON CONFLICT DO NOTHING`,
      [cluster, r.podUid, r.container, r.at, Math.round(r.bytes), r.limitBytes ?? null],
    );
  }
}

/** The samples of these pods, oldest first (at most 5,000: 27 h of one container). */
export async function readMemorySamples(
  store: SqlStore,
  cluster: string,
  podUids: string[],
): Promise<MemorySample[]> {
  if (podUids.length === 0) return [];
  const rows = await store.query(
    `SELECT container, at, usage_bytes, limit_bytes FROM (
       SELECT * FROM memory_samples WHERE cluster = $1 AND pod_uid = ANY($2::text[])
       ORDER BY at DESC LIMIT 5000) newest ORDER BY at`,
    [cluster, podUids],
  );
  return rows.map((r) => ({
    container: String(r.container),
    at: num(r.at) ?? 0,
    bytes: num(r.usage_bytes) ?? 0,
    limitBytes: num(r.limit_bytes),
  }));
}
