// The per-container timeline: runs (status + history), back-off gaps, unobserved restarts, the
// next retry window, image and memory facts, and the container's events.
import { nextRetryWindow, resolveBackoffParams } from './backoff-model';
import { parseBackoffMessage } from './backoff-message';
import { findUnobserved, buildGaps } from './gaps';
import { normalizeDigest, runningDigest } from './image-facts';
import { kubeletRestarts } from './kubelet-restarts';
import { memoryFacts } from './memory-facts';
import { containerStateWord } from './pod-status';
import { podIdentity, replacedPods } from './replacements';
import { dedupeRecordedRuns, mergeRuns, runFromHistory, runsFromStatus } from './runs';
import { toMs } from './time';
import type {
  ContainerSpecLike,
  ContainerStatusLike,
  ContainerTimeline,
  DiagnosisInput,
  RecordedTermination,
  TimelineEvent,
} from './types';

/** A container of the pod as the timeline sees it: spec and status, either may be missing. */
export interface ContainerRef {
  name: string;
  init: boolean;
  spec?: ContainerSpecLike;
  status?: ContainerStatusLike;
}

/** Lists init and regular containers from spec and status (status-only containers included). */
export function listContainers(input: DiagnosisInput): ContainerRef[] {
  const { spec, status } = input.pod;
  const refs: ContainerRef[] = [];
  const add = (
    init: boolean,
    specs: ContainerSpecLike[] = [],
    statuses: ContainerStatusLike[] = [],
  ) => {
    for (const s of specs)
      refs.push({ name: s.name, init, spec: s, status: statuses.find((c) => c.name === s.name) });
    for (const st of statuses) {
      if (!specs.some((s) => s.name === st.name)) refs.push({ name: st.name, init, status: st });
    }
  };
  add(true, spec?.initContainers, status?.initContainerStatuses);
  add(false, spec?.containers, status?.containerStatuses);
  return refs;
}

function nextRetry(ref: ContainerRef, input: DiagnosisInput): ContainerTimeline['nextRetry'] {
  const waiting = ref.status?.state?.waiting;
  if (waiting?.reason !== 'CrashLoopBackOff') return undefined;
  const parsed = parseBackoffMessage(waiting.message);
  if (parsed?.backoffMs === undefined) return undefined;
  const finished = ref.status?.lastState?.terminated?.finishedAt;
  return nextRetryWindow(toMs(finished), parsed.backoffMs, input.now);
}

/** True when a container's next retry would be counted from input.now (its last finish unknown). */
export function retryCountedFromNow(input: DiagnosisInput): boolean {
  return listContainers(input).some(
    (ref) =>
      ref.status?.state?.waiting?.reason === 'CrashLoopBackOff' &&
      toMs(ref.status.lastState?.terminated?.finishedAt) === undefined,
  );
}

function imageFacts(ref: ContainerRef, input: DiagnosisInput) {
  const imageID = ref.status?.imageID || undefined;
  const imageDigest = runningDigest(imageID);
  const expected = input.expectedImages?.[ref.name];
  const expectedDigest = normalizeDigest(expected?.digest);
  return {
    image: ref.status?.image || ref.spec?.image,
    imageID,
    imageDigest,
    expectedDigest:
      expected && expectedDigest
        ? {
            digest: expectedDigest,
            source: expected.source,
            matches: imageDigest === expectedDigest,
          }
        : undefined,
  };
}

/**
 * The recorded terminations a pod's timeline holds: its own and those of the pods it replaced —
 * never its siblings' (other replicas of the same owner) or other revisions'.
 */
export function timelineTerminations(input: DiagnosisInput): RecordedTermination[] {
  const own = input.pod.metadata.uid;
  const uids = new Set([
    own,
    ...replacedPods(podIdentity(input.pod), input.history?.pods ?? []).map((p) => p.uid),
  ]);
  return (input.history?.terminations ?? []).filter((t) => uids.has(t.podUid));
}

/** Builds the timeline of one container. */
export function buildContainerTimeline(
  ref: ContainerRef,
  input: DiagnosisInput,
  events: TimelineEvent[],
): ContainerTimeline {
  const podUid = input.pod.metadata.uid;
  const params = resolveBackoffParams(input.backoff);
  const history = dedupeRecordedRuns(timelineTerminations(input))
    .filter((t) => t.container === ref.name)
    .map((t) => runFromHistory(t, podUid));
  const runs = mergeRuns(ref.status ? runsFromStatus(ref.status, podUid) : [], history);
  const restartCount = ref.status?.restartCount ?? 0;
  return {
    name: ref.name,
    init: ref.init,
    ...imageFacts(ref, input),
    restartCount,
    state: containerStateWord(ref.status),
    stateMessage: ref.status?.state?.waiting?.message ?? ref.status?.state?.terminated?.message,
    ready: ref.status?.ready,
    runs,
    gaps: buildGaps(runs, params, kubeletRestarts(events, input.node, input.pod.spec?.nodeName)),
    unobserved: findUnobserved(runs, restartCount, podUid, input.history?.gaps ?? []),
    nextRetry: nextRetry(ref, input),
    memory: memoryFacts(ref.spec, input.limitRanges, input.memoryUsage?.[ref.name], {
      samples: input.history?.memorySamples?.filter((m) => m.container === ref.name),
      served: input.metricsServed,
    }),
    events: events.filter((e) => e.container === ref.name),
  };
}
