import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PodLike, RecordedPod, RecordedTermination } from '../diagnosis';
import type { ClusterSnapshot } from './cluster-snapshot';
import { hasTerminated, inputWithHeads, type RecordedFacts } from './recorded-logs';

const pod = JSON.parse(
  readFileSync(path.join(__dirname, '../diagnosis/fixtures/auth-rev6-crashloop.pod.json'), 'utf8'),
) as PodLike;
const owner = pod.metadata.ownerReferences?.[0]?.name ?? '';

const deleted = (uid: string, ownerName?: string): RecordedPod => ({
  uid,
  name: `pod-${uid}`,
  createdAt: 1,
  deletedAt: 2,
  ...(ownerName === undefined ? {} : { ownerKind: 'ReplicaSet', ownerName }),
});
const run = (podUid: string, finishedAt: number): RecordedTermination => ({
  podUid,
  podName: `pod-${podUid}`,
  container: 'app',
  restartCount: 1,
  exitCode: 1,
  finishedAt,
});

describe('inputWithHeads', () => {
  it("gives a pod its owner's replaced pods and their runs, and its own recent runs, in recorded order", () => {
    const snapshot: ClusterSnapshot = {
      cluster: 'c',
      pods: [pod],
      events: [],
      workloads: [],
      limitRanges: [],
      health: { cluster: 'c', state: 'synced', resources: [] },
    };
    const facts: RecordedFacts = {
      heads: new Map(),
      deleted: {
        pods: [deleted('a', owner), deleted('b', 'other'), deleted('c', owner), deleted('d')],
        terminations: [run('c', 30), run('b', 20), run('a', 10), run('c', 40), run('d', 50)],
      },
      recent: [run('x', 5), run(pod.metadata.uid ?? '', 60), run(pod.metadata.uid ?? '', 70)],
    };
    const history = inputWithHeads(snapshot, pod, facts, 100).history;
    expect(history?.pods?.map((p) => p.uid)).toEqual(['a', 'c']);
    expect(history?.terminations?.map((t) => `${t.podUid}@${t.finishedAt}`)).toEqual([
      'c@30',
      'a@10',
      'c@40',
      `${pod.metadata.uid}@60`,
      `${pod.metadata.uid}@70`,
    ]);
    // Another pod with no owner and no runs gets no history.
    const lone = { ...pod, metadata: { ...pod.metadata, uid: 'lone', ownerReferences: [] } };
    expect(inputWithHeads(snapshot, lone, facts, 100).history).toBeUndefined();
  });
});

describe('hasTerminated (whose captured log heads the board asks the store for)', () => {
  type Status = NonNullable<NonNullable<PodLike['status']>['containerStatuses']>[number];
  const init = (state: Status['state'], restartCount = 0): Status => ({
    name: 'migrate',
    image: 'registry.example.com/migrate:1',
    imageID: 'registry.example.com/migrate@sha256:' + 'a'.repeat(64),
    ready: true,
    restartCount,
    state,
  });
  const completed = {
    terminated: { exitCode: 0, reason: 'Completed', containerID: 'containerd://1' },
  };
  const running: Status = {
    name: 'app',
    image: 'registry.example.com/app:1',
    imageID: 'registry.example.com/app@sha256:' + 'b'.repeat(64),
    ready: true,
    restartCount: 0,
    state: { running: { startedAt: '2026-11-30T10:00:00Z' } },
  };
  const withStatuses = (inits: Status[], containers: Status[]): PodLike => ({
    ...pod,
    status: { ...pod.status, initContainerStatuses: inits, containerStatuses: containers },
  });

  it('skips a pod whose init container completed once and whose containers run unrestarted', () => {
    expect(hasTerminated(withStatuses([init(completed)], [running]))).toBe(false);
  });

  it('counts a failed or restarted init container, and any restarted or terminated container', () => {
    const failed = { terminated: { exitCode: 1, reason: 'Error', containerID: 'containerd://2' } };
    expect(hasTerminated(withStatuses([init(failed)], [running]))).toBe(true);
    expect(hasTerminated(withStatuses([init(completed, 2)], [running]))).toBe(true);
    expect(hasTerminated(withStatuses([init(completed)], [{ ...running, restartCount: 1 }]))).toBe(
      true,
    );
    expect(hasTerminated(withStatuses([], [{ ...running, state: completed }]))).toBe(true);
  });
});
