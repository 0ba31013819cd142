// Back-off gaps between runs, observed against the kubelet's schedule, and the restarts that
// restartCount says happened but nobody saw. The curve restarts for a new pod UID (the back-off
// key holds the UID), a new image (the key hashes name+image) and after a run longer than the
// reset period (client-go Backoff.hasExpired) — kuberuntime helpers.go GetStableKey — and when the
// kubelet restarts (the map lives in its memory; see kubelet-restarts.ts).
import { expectedBackoffMs } from './backoff-model';
import type { KubeletRestart } from './kubelet-restarts';
import type { BackoffGap, BackoffParams, ContainerRun, UnobservedRestarts } from './types';

interface CurveState {
  podUid?: string;
  image?: string;
  baseRc: number;
}

// The back-off key hashes the image *string* (HashContainer: name + image), so only a changed
// image reference restarts the curve; a tag that moved to another digest (imageID) does not.
function imageChanged(run: ContainerRun, state: CurveState): boolean {
  return !!run.image && !!state.image && run.image !== state.image;
}

// A kubelet restart after this run started and before the next one did: this run's crash met an
// empty back-off map (kuberuntime doBackOff: not in back-off → start now, Next() = initial), so
// the restart after it is immediate and the curve starts over from this run.
function kubeletRestartDuring(
  run: ContainerRun,
  next: ContainerRun | undefined,
  restarts: KubeletRestart[],
): KubeletRestart | undefined {
  const from = run.startedAt ?? run.finishedAt;
  if (from === undefined) return undefined;
  const to = next?.startedAt ?? Infinity;
  return restarts.find((r) => r.at > from && r.at <= to);
}

function resetReason(
  run: ContainerRun,
  [prev, next]: [ContainerRun | undefined, ContainerRun | undefined],
  state: CurveState,
  params: BackoffParams,
  restarts: KubeletRestart[],
): Pick<BackoffGap, 'reset' | 'resetEvidence'> {
  if (prev && run.podUid !== state.podUid) return { reset: 'pod-replaced' };
  const ran =
    run.finishedAt !== undefined && run.startedAt !== undefined
      ? run.finishedAt - run.startedAt
      : 0;
  if (prev && ran > params.resetMs) return { reset: 'idle' };
  if (prev && imageChanged(run, state)) return { reset: 'image-changed' };
  const restart = kubeletRestartDuring(run, next, restarts);
  if (restart) return { reset: 'kubelet-restarted', resetEvidence: restart.evidence };
  return {};
}

/** The back-off gaps after each terminated run, with the expected wait and any reset. */
export function buildGaps(
  runs: ContainerRun[],
  params: BackoffParams,
  kubeletRestarts: KubeletRestart[] = [],
): BackoffGap[] {
  const gaps: BackoffGap[] = [];
  const state: CurveState = { baseRc: 0 };
  let prev: ContainerRun | undefined;
  for (let i = 0; i < runs.length; i++) {
    const run = runs[i] as ContainerRun;
    const neighbours: [ContainerRun | undefined, ContainerRun | undefined] = [prev, runs[i + 1]];
    const { reset, resetEvidence } = resetReason(run, neighbours, state, params, kubeletRestarts);
    if (!prev || reset) {
      state.podUid = run.podUid;
      state.baseRc = reset && reset !== 'pod-replaced' ? (run.restartCount ?? 0) : 0;
    }
    state.image = run.image ?? state.image;
    prev = run;
    if (run.state !== 'terminated' || run.finishedAt === undefined) continue;
    const next = runs[i + 1];
    // The pod was deleted while it waited: its replacement's runs are another curve, and this
    // wait ended with the pod, not with a start to compare with the schedule.
    if (next && next.podUid !== run.podUid) continue;
    const sameCurve = next && next.podUid === run.podUid;
    const crashNumber = (run.restartCount ?? 0) - state.baseRc + 1;
    const to = sameCurve ? next.startedAt : undefined;
    gaps.push({
      afterRunId: run.id,
      beforeRunId: sameCurve ? next.id : undefined,
      from: run.finishedAt,
      to,
      observedMs: to !== undefined ? Math.max(0, to - run.finishedAt) : undefined,
      expectedMs: expectedBackoffMs(crashNumber, params),
      reset,
      ...(resetEvidence ? { resetEvidence } : {}),
    });
  }
  return gaps;
}

/** Restarts counted by restartCount but not seen as runs, grouped into counted gaps. */
export function findUnobserved(
  runs: ContainerRun[],
  restartCount: number,
  podUid: string | undefined,
  watchGaps: Array<{ from: number; to: number; reason: string }>,
): UnobservedRestarts[] {
  const own = runs.filter((r) => r.podUid === podUid && r.state === 'terminated');
  const seen = new Set(own.map((r) => r.restartCount));
  const out: UnobservedRestarts[] = [];
  let start: number | undefined;
  for (let rc = 0; rc <= restartCount; rc++) {
    const missing = rc < restartCount && !seen.has(rc);
    if (missing && start === undefined) start = rc;
    if (!missing && start !== undefined) {
      out.push(unobservedBlock(own, start, rc, watchGaps));
      start = undefined;
    }
  }
  return out;
}

function unobservedBlock(
  own: ContainerRun[],
  fromRc: number,
  toRc: number,
  watchGaps: Array<{ from: number; to: number; reason: string }>,
): UnobservedRestarts {
  const before = own.find((r) => r.restartCount === fromRc - 1);
  const after = own.find((r) => r.restartCount === toRc);
  const from = before?.finishedAt;
  const to = after?.startedAt;
  const gap = watchGaps.find(
    (g) => (to === undefined || g.from < to) && (from === undefined || g.to > from),
  );
  const reason = gap
    ? `not watched: ${gap.reason}`
    : 'the kubelet keeps only the last terminated state; these ended before they were recorded';
  return { count: toRc - fromRc, from, to, reason };
}
