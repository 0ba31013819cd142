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

/** How a run ended, the same whether the status or a recorded termination tells it. */
function endOf(t: Pick<Terminated, 'exitCode' | 'signal' | 'reason' | 'message'>) {
  return {
    state: 'terminated' as const,
    exitCode: t.exitCode,
    signal: t.signal || undefined,
    reason: t.reason,
    message: t.message,
    exitMeaning: decodeExitCode(t.exitCode, t.signal, t.reason).meaning,
  };
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
    ...endOf(t),
    containerID: t.containerID,
    image: status.image,
    source: 'status',
  };
}

/**
 * The restartCount of the run `lastState.terminated` shows. While the container waits (back-off)
 * the status's restartCount is the dead instance's own; once the next instance runs or has
 * ended, lastState is the one before it (kubernetes-semantics.md §2.2 steps 5–6).
 */
export function lastStateRestartCount(status: ContainerStatusLike): number {
  const rc = status.restartCount ?? 0;
  const cur = status.state;
  const waiting = !!cur?.waiting || (!cur?.running && !cur?.terminated);
  return waiting ? rc : Math.max(rc - 1, 0);
}

/** Runs visible in one container status: the current instance and lastState. */
export function runsFromStatus(status: ContainerStatusLike, podUid?: string): ContainerRun[] {
  const rc = status.restartCount ?? 0;
  const runs: ContainerRun[] = [];
  const cur = status.state;
  const last = status.lastState?.terminated;
  if (last) {
    runs.push(terminatedRun(status.name, last, lastStateRestartCount(status), status, podUid));
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
    podName: t.podName,
    restartCount: t.restartCount,
    startedAt: t.startedAt,
    finishedAt: t.finishedAt,
    ...endOf(t),
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

function betterRecord(a: RecordedTermination, b: RecordedTermination): RecordedTermination {
  // Of two records of one run the higher restartCount is right: stores written before the
  // lastState rule was shared labelled a run seen in back-off one lower.
  const [hi, lo] = a.restartCount >= b.restartCount ? [a, b] : [b, a];
  const merged: RecordedTermination = { ...lo };
  for (const [key, value] of Object.entries(hi)) {
    if (value !== undefined) Object.assign(merged, { [key]: value });
  }
  return merged;
}

/**
 * Recorded terminations with each run once. A run is (pod UID, container, containerID): the
 * same containerID under two restartCounts is one run (the higher count wins), and within a
 * pod's container restartCounts rise with time, so a run recorded one too low is lifted above
 * its predecessor. Ordered by pod, container and finish time.
 */
export function dedupeRecordedRuns(rows: RecordedTermination[]): RecordedTermination[] {
  const byRun = new Map<string, RecordedTermination>();
  for (const row of rows) {
    const key = `${row.podUid}|${row.container}|${row.containerID || `#${row.restartCount}`}`;
    const prev = byRun.get(key);
    byRun.set(key, prev ? betterRecord(prev, row) : row);
  }
  const groups = new Map<string, RecordedTermination[]>();
  for (const row of byRun.values()) {
    const key = `${row.podUid}|${row.container}`;
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  const out: RecordedTermination[] = [];
  for (const group of groups.values()) {
    group.sort((a, b) => a.finishedAt - b.finishedAt || a.restartCount - b.restartCount);
    let prev: number | undefined;
    for (const row of group) {
      const restartCount =
        prev === undefined ? row.restartCount : Math.max(row.restartCount, prev + 1);
      out.push(restartCount === row.restartCount ? row : { ...row, restartCount });
      prev = restartCount;
    }
  }
  return out;
}
