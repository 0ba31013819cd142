// Container runs (one per container instance) from the live status — state and lastState, the
// kubelet keeps only these two — and from recorded history, deduplicated by containerID or
// pod UID + restartCount. While a container waits in back-off its restartCount is the dead
// instance's (kubernetes-semantics.md §2.2 step 5).
import { decodeExitCode } from './exit-codes';
import { toMs } from './time';
import type {
  ContainerRun,
  ContainerStateLike,
  ContainerStatusLike,
  RecordedTermination,
} from './types';

type Terminated = NonNullable<ContainerStateLike['terminated']>;

/** The run id used in evidence and on the timeline: `app#3`, or `app@1a2b3c4d#3` for another pod. */
export function runId(
  container: string,
  restartCount: number | undefined,
  podUid?: string,
  ownUid?: string,
): string {
  const rc = restartCount ?? '?';
  if (podUid && ownUid && podUid !== ownUid) return `${container}@${podUid.slice(0, 8)}#${rc}`;
  return `${container}#${rc}`;
}

function terminatedRun(
  container: string,
  t: Terminated,
  restartCount: number | undefined,
  status: ContainerStatusLike,
  podUid?: string,
): ContainerRun {
  return {
    id: runId(container, restartCount),
    container,
    podUid,
    restartCount,
    startedAt: toMs(t.startedAt),
    finishedAt: toMs(t.finishedAt),
    state: 'terminated',
    exitCode: t.exitCode,
    signal: t.signal || undefined,
    reason: t.reason,
    message: t.message,
    exitMeaning: decodeExitCode(t.exitCode, t.signal, t.reason).meaning,
    containerID: t.containerID,
    image: status.image,
    source: 'status',
  };
}

/** Runs visible in one container status: the current instance and lastState. */
export function runsFromStatus(status: ContainerStatusLike, podUid?: string): ContainerRun[] {
  const rc = status.restartCount ?? 0;
  const runs: ContainerRun[] = [];
  const cur = status.state;
  const waiting = !!cur?.waiting || (!cur?.running && !cur?.terminated);
  const last = status.lastState?.terminated;
  if (last) {
    // In back-off the shown restartCount is the dead instance's; otherwise it is one less.
    const lastRc = waiting ? rc : Math.max(rc - 1, 0);
    runs.push(terminatedRun(status.name, last, lastRc, status, podUid));
  }
  if (cur?.terminated) runs.push(terminatedRun(status.name, cur.terminated, rc, status, podUid));
  if (cur?.running) {
    runs.push({
      id: runId(status.name, rc),
      container: status.name,
      podUid,
      restartCount: rc,
      startedAt: toMs(cur.running.startedAt),
      state: 'running',
      containerID: status.containerID,
      image: status.image,
      imageID: status.imageID,
      source: 'status',
    });
  }
  // imageID belongs to the instance named by containerID (the current one, or the dead one in back-off).
  for (const run of runs) {
    if (!run.imageID && (!run.containerID || run.containerID === status.containerID)) {
      run.imageID = status.imageID || undefined;
    }
  }
  return runs;
}

/** A run from a recorded termination. */
export function runFromHistory(t: RecordedTermination, ownUid?: string): ContainerRun {
  return {
    id: runId(t.container, t.restartCount, t.podUid, ownUid),
    container: t.container,
    podUid: t.podUid,
    restartCount: t.restartCount,
    startedAt: t.startedAt,
    finishedAt: t.finishedAt,
    state: 'terminated',
    exitCode: t.exitCode,
    signal: t.signal || undefined,
    reason: t.reason,
    message: t.message,
    exitMeaning: decodeExitCode(t.exitCode, t.signal, t.reason).meaning,
    containerID: t.containerID,
    image: t.image,
    imageID: t.imageID,
    source: 'history',
  };
}

function runKey(run: ContainerRun): string {
  return run.containerID ? `id:${run.containerID}` : `rc:${run.podUid ?? ''}:${run.restartCount}`;
}

/** Merges status and history runs: status wins on conflicts; ordered by time, then restartCount. */
export function mergeRuns(fromStatus: ContainerRun[], fromHistory: ContainerRun[]): ContainerRun[] {
  const byKey = new Map<string, ContainerRun>();
  const byRc = new Set(fromStatus.map((r) => `rc:${r.podUid ?? ''}:${r.restartCount}`));
  for (const run of fromHistory) {
    if (byRc.has(`rc:${run.podUid ?? ''}:${run.restartCount}`)) continue;
    byKey.set(runKey(run), run);
  }
  for (const run of fromStatus) byKey.set(runKey(run), { ...byKey.get(runKey(run)), ...run });
  return [...byKey.values()].sort(compareRuns);
}

function compareRuns(a: ContainerRun, b: ContainerRun): number {
  const ta = a.startedAt ?? a.finishedAt;
  const tb = b.startedAt ?? b.finishedAt;
  if (ta !== undefined && tb !== undefined && ta !== tb) return ta - tb;
  if (a.podUid === b.podUid) return (a.restartCount ?? 0) - (b.restartCount ?? 0);
  return 0;
}
