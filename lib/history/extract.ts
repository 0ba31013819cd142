// Turns API objects into history rows. Pure functions; times as epoch ms.
import {
  lastStateRestartCount,
  toMs,
  type ContainerStatusLike,
  type EventLike,
  type PodLike,
  type RecordedTermination,
} from '../diagnosis';

/** A termination as stored: the diagnosis' RecordedTermination, keyed for the store. */
export interface TerminationRow extends Omit<RecordedTermination, 'containerID' | 'logHead'> {
  namespace: string;
  /** The run's own restartCount (lib/diagnosis lastStateRestartCount for lastState). */
  restartCount: number;
  /** '' when the runtime reported none: it is part of the store's key. */
  containerID: string;
  /** Whether the log of this run is the container's previous one (else its current one). */
  previousLog: boolean;
}

function fromStatus(pod: PodLike, status: ContainerStatusLike, now: number): TerminationRow[] {
  const rows: TerminationRow[] = [];
  const count = status.restartCount ?? 0;
  // One rule for which run lastState is (it is the dead instance's own count in back-off).
  const candidates = [
    { term: status.state?.terminated, run: count, previousLog: false },
    { term: status.lastState?.terminated, run: lastStateRestartCount(status), previousLog: true },
  ];
  for (const { term, run, previousLog } of candidates) {
    if (!term) continue;
    rows.push({
      podUid: pod.metadata.uid ?? '',
      namespace: pod.metadata.namespace ?? '',
      podName: pod.metadata.name ?? '',
      container: status.name,
      restartCount: run,
      containerID: term.containerID ?? '',
      exitCode: term.exitCode,
      signal: term.signal,
      reason: term.reason,
      message: term.message,
      startedAt: toMs(term.startedAt),
      finishedAt: toMs(term.finishedAt) ?? now,
      image: status.image,
      // imageID belongs to the instance status.containerID names.
      imageID:
        !term.containerID || term.containerID === status.containerID ? status.imageID : undefined,
      previousLog,
    });
  }
  return rows;
}

/** Every termination a pod's status shows (state and lastState of every container). */
export function terminationsOf(pod: PodLike, now: number): TerminationRow[] {
  const statuses = [
    ...(pod.status?.initContainerStatuses ?? []),
    ...(pod.status?.containerStatuses ?? []),
  ];
  return statuses.flatMap((status) => fromStatus(pod, status, now));
}

/** The controlling owner of an object, if any. */
export function controllerOf(
  meta: PodLike['metadata'],
): { kind: string; name: string; uid: string } | undefined {
  const refs = meta.ownerReferences ?? [];
  return refs.find((r) => r.controller) ?? refs[0];
}

/** The count, first and last time of an event (core/v1 or events.k8s.io fields). */
export function eventTimes(event: EventLike): { count: number; firstAt?: number; lastAt: number } {
  const count = event.series?.count ?? event.count ?? 1;
  const firstAt = toMs(event.firstTimestamp) ?? toMs(event.eventTime);
  const lastAt =
    toMs(event.series?.lastObservedTime) ??
    toMs(event.lastTimestamp) ??
    toMs(event.eventTime) ??
    firstAt ??
    toMs(event.metadata?.creationTimestamp) ??
    0;
  return { count, firstAt, lastAt };
}
