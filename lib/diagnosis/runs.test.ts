import { describe, expect, it } from 'vitest';
import missingEnv from './fixtures/missing-env-new-code.pod.json';
import { dedupeRecordedRuns, diagnosePod, lastStateRestartCount } from './index';
import type { RecordedTermination } from './types';

const uid = missingEnv.metadata.uid;
const status = missingEnv.status.containerStatuses[0]!;

function row(restartCount: number, containerID: string, finishedAt: number): RecordedTermination {
  return {
    podUid: uid,
    podName: missingEnv.metadata.name,
    container: 'auth',
    restartCount,
    containerID,
    exitCode: 1,
    startedAt: finishedAt - 2000,
    finishedAt,
  };
}

describe('run identity', () => {
  it('numbers lastState with the dead instance’s own restartCount while the container waits', () => {
    expect(status.state.waiting?.reason).toBe('CrashLoopBackOff');
    expect(lastStateRestartCount(status)).toBe(status.restartCount);
  });

  it('numbers lastState one below restartCount once the next instance runs', () => {
    const running = {
      ...status,
      restartCount: status.restartCount + 1,
      state: { running: { startedAt: '2025-03-04T10:25:05Z' } },
    };
    expect(lastStateRestartCount(running)).toBe(status.restartCount);
  });

  it('keeps a run recorded twice under two restartCounts once, with the higher count', () => {
    const rows = [
      row(4, 'containerd://a4', 1000),
      row(5, 'containerd://a5', 2000),
      row(4, 'containerd://a5', 2000), // the same run, seen in back-off by an old recorder
      row(6, 'containerd://a6', 3000),
      row(5, 'containerd://a6', 3000),
    ];
    const runs = dedupeRecordedRuns(rows);
    expect(runs.map((r) => [r.containerID, r.restartCount])).toEqual([
      ['containerd://a4', 4],
      ['containerd://a5', 5],
      ['containerd://a6', 6],
    ]);
  });

  it('lifts a run that was only ever recorded one too low above its predecessor', () => {
    const runs = dedupeRecordedRuns([
      row(7, 'containerd://b7', 1000),
      row(7, 'containerd://b8', 2000),
    ]);
    expect(runs.map((r) => r.restartCount)).toEqual([7, 8]);
  });

  it('keeps the log head of either record of one run', () => {
    const runs = dedupeRecordedRuns([
      { ...row(2, 'containerd://c3', 1000), logHead: 'boom' },
      row(3, 'containerd://c3', 1000),
    ]);
    expect(runs).toEqual([expect.objectContaining({ restartCount: 3, logHead: 'boom' })]);
  });

  it('shows each run once and no unobserved block when status and history name the same run', () => {
    const finishedAt = Date.parse(status.lastState.terminated!.finishedAt);
    const history = {
      terminations: [
        // An old store's duplicate: the lastState run seen in back-off, labelled one too low.
        row(status.restartCount - 1, status.lastState.terminated!.containerID!, finishedAt),
        row(status.restartCount, status.lastState.terminated!.containerID!, finishedAt),
      ],
    };
    const d = diagnosePod({ pod: missingEnv, now: finishedAt + 60_000, history });
    const runs = d.containers[0]!.runs;
    expect(runs.map((r) => r.id)).toEqual([`auth#${status.restartCount}`]);
    expect(d.containers[0]!.unobserved.reduce((n, u) => n + u.count, 0)).toBe(status.restartCount);
  });
});
