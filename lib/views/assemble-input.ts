// Puts together a DiagnosisInput for one pod from the caches, history, registry, logs and
// metrics. Gathering only: every judgement is lib/diagnosis's.
import type { DiagnosisInput, EventLike, PodLike } from '../diagnosis';
import type { NodeFacts } from '../k8s';
import { expectedImagesFor } from '../registry';
import type { ClusterSnapshot } from './cluster-snapshot';
import { snapshotIndex } from './snapshot-index';
import type { Runtime } from './runtime';
import type { LogView } from './types';

/** What to gather beyond the caches. */
export interface GatherOptions {
  logs: boolean;
  history: boolean;
  registry: boolean;
  metrics: boolean;
}

/** The cache-only part of a pod's input (cheap: used for every pod on the board). */
export function cacheInput(snapshot: ClusterSnapshot, pod: PodLike, now: number): DiagnosisInput {
  const index = snapshotIndex(snapshot);
  // Shared by every pod of the owner: diagnosis never changes its input.
  const { owners, revisions } = index.ownersOf(pod.metadata);
  const nearest = owners[0];
  const siblings = nearest?.metadata.uid
    ? index.podsOwnedBy(nearest.metadata.uid).filter((p) => p.metadata.uid !== pod.metadata.uid)
    : [];
  return {
    pod,
    events: index.eventsOfPod(pod),
    owners,
    revisions,
    limitRanges: index.limitRanges(pod.metadata.namespace),
    siblings,
    now,
    cluster: snapshot.cluster,
  };
}

export function logTargets(pod: PodLike): Array<{ container: string; previous: boolean }> {
  const statuses = [
    ...(pod.status?.initContainerStatuses ?? []),
    ...(pod.status?.containerStatuses ?? []),
  ];
  return statuses.flatMap((s) => {
    const targets = [{ container: s.name, previous: false }];
    if ((s.restartCount ?? 0) > 0 || s.lastState?.terminated)
      targets.push({ container: s.name, previous: true });
    return targets;
  });
}

/** Fetches the current and previous logs of a live pod's containers. */
export async function gatherLogs(
  runtime: Runtime,
  cluster: string,
  pod: PodLike,
): Promise<LogView[]> {
  const reader = runtime.access.logReader(cluster);
  return Promise.all(
    logTargets(pod).map(async ({ container, previous }): Promise<LogView> => {
      const kind = previous ? 'previous' : 'current';
      try {
        const log = await reader.read({
          namespace: pod.metadata.namespace ?? '',
          pod: pod.metadata.name ?? '',
          container,
          previous,
          tailLines: Number(process.env.PODTRAIL_LOG_TAIL_LINES) || 500,
        });
        return { container, kind, text: log.text, truncated: log.truncated, error: log.error };
      } catch (error) {
        return {
          container,
          kind,
          truncated: false,
          error: error instanceof Error ? error.message : String(error),
        };
      }
    }),
  );
}

// Node events a crash-looping pod's page uses: memory (an OOM kill's node side) and the kubelet
// restarting (a back-off reset). The rest (NodeAllocatableEnforced, RegisteredNode, …) is noise.
const NODE_REASONS = new Set([
  'SystemOOM',
  'OOMKilling',
  'EvictionThresholdMet',
  'NodeHasInsufficientMemory',
  'NodeHasSufficientMemory',
  'Starting',
  'NodeReady',
  'NodeNotReady',
  'Rebooted',
]);

function restarted(pod: PodLike): boolean {
  return [
    ...(pod.status?.initContainerStatuses ?? []),
    ...(pod.status?.containerStatuses ?? []),
  ].some((s) => (s.restartCount ?? 0) > 0);
}

/** The pod's node and its relevant events, for a pod that restarted (else nothing is read). */
async function nodeOf(runtime: Runtime, cluster: string, pod: PodLike): Promise<NodeFacts> {
  const name = pod.spec?.nodeName;
  if (!name || !restarted(pod)) return { events: [] };
  const facts = await runtime.access.nodeReader(cluster).read(name);
  const events = facts.events.filter((e: EventLike) => NODE_REASONS.has(e.reason ?? ''));
  return { node: facts.node, events };
}

/** Adds logs, history, expected images, memory usage and the node to a cache input. */
export async function enrichInput(
  runtime: Runtime,
  input: DiagnosisInput,
  logs: LogView[],
  options: GatherOptions,
): Promise<DiagnosisInput> {
  const { pod, cluster = '' } = input;
  const ns = pod.metadata.namespace ?? '';
  const history = options.history ? await runtime.history : undefined;
  const ownerNames = (input.owners ?? []).flatMap((o) =>
    o.metadata.name ? [o.metadata.name] : [],
  );
  const metrics = options.metrics ? runtime.access.metricsReader(cluster) : undefined;
  const [recorded, expectedImages, memoryUsage, metricsServed, node] = await Promise.all([
    history?.reader.historyForPod(cluster, ns, {
      uid: pod.metadata.uid,
      name: pod.metadata.name ?? '',
      ownerNames,
    }),
    options.registry
      ? expectedImagesFor(pod, input.owners ?? [], runtime.registryFor(cluster))
      : undefined,
    metrics?.memoryUsage(ns, pod.metadata.name ?? ''),
    metrics?.served().catch(() => undefined),
    options.metrics ? nodeOf(runtime, cluster, pod) : undefined,
  ]);
  const byContainer: NonNullable<DiagnosisInput['logs']> = {};
  for (const log of logs) {
    const entry = (byContainer[log.container] ??= {});
    if (log.kind === 'previous') {
      entry.previous = log.text;
      entry.previousTruncated = log.truncated;
    } else entry.current = log.text;
  }
  return {
    ...input,
    events: node?.events.length ? [...(input.events ?? []), ...node.events] : input.events,
    logs: byContainer,
    history: recorded,
    expectedImages,
    memoryUsage,
    metricsServed,
    node: node?.node,
  };
}
