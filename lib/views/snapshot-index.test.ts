import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EventLike, LimitRangeLike, PodLike, WorkloadLike } from '../diagnosis';
import type { ClusterSnapshot } from './cluster-snapshot';
import { eventsOfPod, ownerChain, podsOwnedBy, replicaSetsOf } from './owners';
import { snapshotIndex } from './snapshot-index';

const dir = path.join(__dirname, '../diagnosis/fixtures');
const read = (suffix: string) =>
  readdirSync(dir)
    .filter((f) => f.endsWith(suffix))
    .map((f) => JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as unknown);

const pods = read('.pod.json') as PodLike[];
const events = (read('.events.json') as Array<{ items: EventLike[] }>).flatMap((l) => l.items);
const replicaSets = read('.replicaset.json') as WorkloadLike[];
// The Deployments that own them (the fixtures hold only ReplicaSets), so chains reach a Deployment.
const deployments: WorkloadLike[] = [
  ...new Set(replicaSets.flatMap((rs) => rs.metadata.ownerReferences ?? []).map((r) => r.uid)),
].map((uid) => ({ kind: 'Deployment', metadata: { uid, name: `deployment-${uid.slice(0, 8)}` } }));
const workloads = [...replicaSets, ...deployments];
const snapshot: ClusterSnapshot = {
  cluster: 'c',
  pods,
  events,
  workloads,
  limitRanges: [] as LimitRangeLike[],
  health: { cluster: 'c', state: 'synced', resources: [] },
};

describe('snapshotIndex', () => {
  it('answers what the scans in owners.ts answer, in the same order, for every fixture pod', () => {
    const index = snapshotIndex(snapshot);
    expect(pods.length).toBeGreaterThan(10);
    expect(events.length).toBeGreaterThan(0);
    let withEvents = 0;
    let withRevisions = 0;
    for (const pod of pods) {
      const found = index.eventsOfPod(pod);
      expect(found).toEqual(eventsOfPod(events, pod));
      if (found.length > 0) withEvents += 1;
      const chain = ownerChain(pod.metadata, workloads);
      expect(ownerChain(pod.metadata, index.workload)).toEqual(chain);
      const deployment = chain.find((o) => o.kind === 'Deployment');
      expect(index.ownersOf(pod.metadata)).toEqual({
        owners: chain,
        revisions: deployment ? replicaSetsOf(deployment, workloads) : undefined,
      });
      if (deployment) withRevisions += 1;
      for (const ref of pod.metadata.ownerReferences ?? []) {
        expect(index.podsOwnedBy(ref.uid)).toEqual(podsOwnedBy(pods, new Set([ref.uid])));
      }
    }
    expect(withEvents).toBeGreaterThan(0);
    expect(withRevisions).toBeGreaterThan(0);
    for (const w of workloads) {
      const deployment = {
        kind: 'Deployment',
        metadata: { uid: w.metadata.ownerReferences?.[0]?.uid },
      };
      expect(index.replicaSetsOf(deployment.metadata.uid ?? '')).toEqual(
        replicaSetsOf(deployment, workloads),
      );
    }
  });
});
