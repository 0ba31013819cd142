// The fast path's gate. On a big cluster nearly every pod is plainly healthy: each container
// runs, is ready and never restarted, each init container completed with exit 0. For such a pod
// a detector can usually tell from a glance at the raw input that it has nothing to say (its
// `quiet` check, kept beside it); only when every detector is quiet is the full diagnosis
// skipped (plainly-healthy.ts). The gate reads the same inputs the timeline does, so what it
// promises (below) is what every detector would see in its DetectorContext.
import { collectEvents } from '../events';
import { type ContainerRef, timelineTerminations } from '../timeline';
import type {
  ContainerSpecLike,
  ContainerStateLike,
  ContainerStatusLike,
  DiagnosisInput,
  TimelineEvent,
} from '../types';

/**
 * A pod whose containers are all plainly fine. Promises (what a quiet check may rely on):
 * - status.phase is Running, no status.reason, no deletionTimestamp, a spec with containers;
 * - every container (refs, init first — listContainers' order) has both spec and status;
 * - a regular container's state is running only, ready is true, restartCount 0, no lastState;
 * - an init container's state is terminated with exitCode 0, reason Completed, no signal,
 *   restartCount 0, no lastState;
 * - no recorded termination belongs to the pod's timeline (its own or a pod it replaced);
 * so every container timeline is Running/Completed, no container is failing, and the only
 * terminated runs are the init containers' exit 0. Events, logs, history, owners, siblings and
 * LimitRanges are not judged here: each detector's quiet check reads what it needs of them.
 */
export interface PlainPod {
  input: DiagnosisInput;
  refs: ContainerRef[];
  /** The pod's events as diagnosis places them (collectEvents over history and live events). */
  events: TimelineEvent[];
}

/** What one detector needs to be sure of to skip itself on a plain pod. */
export type QuietCheck = (pod: PlainPod) => boolean;

function noLastState(last: ContainerStateLike | undefined): boolean {
  return !last || (!last.terminated && !last.waiting && !last.running);
}

function plainContainer(ref: ContainerRef): boolean {
  const s = ref.status;
  if (!ref.spec || !s || (s.restartCount ?? 0) !== 0 || !noLastState(s.lastState)) return false;
  const state = s.state;
  if (!state || state.waiting) return false;
  if (ref.init) {
    const t = state.terminated;
    return !state.running && !!t && t.exitCode === 0 && t.reason === 'Completed' && !t.signal;
  }
  return !!state.running && !state.terminated && s.ready === true;
}

// listContainers' refs when every spec has its status and no status is without a spec (same
// counts, unique names), each plain — else undefined. Loops, not closures: this runs for nearly
// every pod of the board on every computation.
function addPlain(
  refs: ContainerRef[],
  init: boolean,
  specs: ContainerSpecLike[] = [],
  statuses: ContainerStatusLike[] = [],
): boolean {
  if (specs.length !== statuses.length) return false;
  for (const spec of specs) {
    for (const ref of refs) if (ref.name === spec.name) return false;
    let status: ContainerStatusLike | undefined;
    for (const s of statuses) if (s.name === spec.name && !status) status = s;
    const ref = { name: spec.name, init, spec, status };
    if (!plainContainer(ref)) return false;
    refs.push(ref);
  }
  return true;
}

/** The pod as a PlainPod, or undefined when any container is not plainly fine. */
export function plainPod(input: DiagnosisInput): PlainPod | undefined {
  const { pod } = input;
  const { spec, status } = pod;
  if (status?.phase !== 'Running' || status.reason || pod.metadata.deletionTimestamp) return;
  if (!spec?.containers?.length) return;
  const refs: ContainerRef[] = [];
  if (!addPlain(refs, true, spec.initContainers, status.initContainerStatuses)) return;
  if (!addPlain(refs, false, spec.containers, status.containerStatuses)) return;
  if (input.history?.terminations?.length && timelineTerminations(input).length > 0) return;
  const recorded = input.history?.events ?? [];
  const live = input.events ?? [];
  const events =
    recorded.length + live.length === 0
      ? []
      : collectEvents(
          pod,
          [...recorded, ...live],
          refs.map((r) => r.name),
        );
  return { input, refs, events };
}

/** True when no log was given for any container. */
export function noLogs(pod: PlainPod): boolean {
  return !Object.values(pod.input.logs ?? {}).some((l) => l.previous || l.current);
}

/**
 * True when nothing is said about the pod outside its containers: no log under an unknown
 * container name and no container-less Warning or Killing event (what podLevelSources reads).
 */
export function noPodLevelText(pod: PlainPod): boolean {
  for (const [name, l] of Object.entries(pod.input.logs ?? {})) {
    if ((l.previous || l.current) && !pod.refs.some((r) => r.name === name)) return false;
  }
  for (const e of pod.events) {
    if (!e.container && !e.about && (e.type === 'Warning' || e.reason === 'Killing')) return false;
  }
  return true;
}

/** True when no recorded termination failed (the crashes rollback and back-off reset read). */
export function noFailedRecords(pod: PlainPod): boolean {
  return !(pod.input.history?.terminations ?? []).some((t) => t.exitCode !== 0);
}
