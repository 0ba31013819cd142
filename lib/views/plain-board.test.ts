// The board's fast path on the scale sandbox's pods, as the board assembles their inputs from a
// snapshot (owners, siblings, events): every healthy pod is taken (no diagnosis needed), the
// crash-looping one never, and plain pods made odd one field at a time are handed to the full
// diagnosis (lib/diagnosis/plainly-healthy.test.ts covers the fixtures and pasted cases).
import { describe, expect, it } from 'vitest';
import { ImageDigests, scalePod } from '../../sandbox/scale/scale-pod';
import { Rng } from '../../sandbox/sim/rng';
import type { DiagnosisInput, PodLike, WorkloadLike } from '../diagnosis';
import {
  expectAgreement,
  expectEachMutationSeen,
  withQuietEvents,
} from '../diagnosis/test-support/plain-mutations';
import { cacheInput } from './assemble-input';
import type { ClusterSnapshot } from './cluster-snapshot';

const NOW = Date.parse('2026-11-30T10:00:00Z');
const rs = { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'api-5d8f7c9b4', uid: 'rs-1' };

/** Five pods of one ReplicaSet as the scale sandbox makes them (the first crash-looping). */
function scalePods(): PodLike[] {
  const rng = new Rng(13);
  const digests = new ImageDigests(rng);
  return Array.from({ length: 5 }, (_, i) => {
    const made = scalePod({
      namespace: 'team-a',
      app: 'api',
      name: `api-5d8f7c9b4-${i}`,
      hash: '5d8f7c9b4',
      node: 'scale-node-0001',
      hostIP: '10.20.0.1',
      podIP: `10.100.0.${i}`,
      owner: { ...rs, controller: true },
      image: 'registry.example.com/team-a/api:1.4.2',
      digests,
      created: NOW - 3 * 86_400_000,
      crashLooping: i === 0 ? { restarts: 40, lastExit: NOW - 60_000 } : undefined,
      rng,
    });
    // The API server gives each pod its uid; the generator leaves that to the store.
    const pod = JSON.parse(JSON.stringify(made)) as PodLike;
    return { ...pod, metadata: { ...pod.metadata, uid: `pod-${i}` } };
  });
}

const pods = scalePods();
const replicaSet: WorkloadLike = {
  kind: 'ReplicaSet',
  metadata: { name: rs.name, namespace: 'team-a', uid: rs.uid },
};
const snapshot: ClusterSnapshot = {
  cluster: 'c',
  pods,
  events: [],
  workloads: [replicaSet],
  limitRanges: [],
  health: { cluster: 'c', state: 'synced', resources: [] },
};

const boardInput = (pod: PodLike): DiagnosisInput => cacheInput(snapshot, pod, NOW);

describe('the board fast path on scale-sandbox pods', () => {
  it('takes every healthy pod of a ReplicaSet and never its crash-looping one', () => {
    expect(boardInput(pods[1] as PodLike).siblings).toHaveLength(4);
    expect(pods.map((pod) => expectAgreement(boardInput(pod)))).toEqual([
      false,
      true,
      true,
      true,
      true,
    ]);
  });

  it('steps aside for a scale pod made odd one field at a time', () => {
    expectEachMutationSeen(() => structuredClone(boardInput(pods[2] as PodLike)), NOW);
  });

  it('keeps a scale pod through a readiness blip and Normal events', () => {
    const input = withQuietEvents(structuredClone(boardInput(pods[3] as PodLike)), NOW);
    expect(expectAgreement(input)).toBe(true);
  });
});
