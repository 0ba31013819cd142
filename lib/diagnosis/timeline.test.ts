import { describe, expect, it } from 'vitest';
import missingEnv from './fixtures/missing-env-new-code.pod.json';
import { diagnosePod, diffPodTemplates, summarizeForBoard } from './index';
import rev1 from './fixtures/auth-rev1.replicaset.json';
import rev2 from './fixtures/auth-rev2.replicaset.json';
import imagePull from './fixtures/image-pull-tag-not-found.pod.json';
import configError from './fixtures/create-config-error-missing-secret.pod.json';

const NOW = Date.parse('2025-03-04T10:21:00Z');
const FINISHED = Date.parse('2025-03-04T10:20:03Z');
const uid = missingEnv.metadata.uid;
const t = (s: number) => FINISHED - s * 1000;

describe('container timeline', () => {
  it('shows the next try as a window from the back-off message, not a single second', () => {
    const d = diagnosePod({ pod: missingEnv, now: NOW });
    expect(d.containers[0]?.nextRetry).toEqual({
      backoffMs: 300_000,
      earliest: FINISHED + 300_000,
      latest: FINISHED + 330_000,
    });
    expect(summarizeForBoard(d).nextRetry).toEqual({
      earliest: FINISHED + 300_000,
      latest: FINISHED + 330_000,
    });
  });

  it('counts restarts that were never seen instead of inventing runs', () => {
    const d = diagnosePod({ pod: missingEnv, now: NOW });
    expect(d.containers[0]?.runs.map((r) => r.id)).toEqual(['auth#14']);
    expect(d.containers[0]?.unobserved).toEqual([expect.objectContaining({ count: 14 })]);
  });

  const CREATED = Date.parse(missingEnv.metadata.creationTimestamp);
  const before = (s: number) => CREATED - s * 1000;
  const oldPod = {
    uid: 'old-pod-uid-0001',
    name: 'auth-7c9f6d8b5-aaaaa',
    createdAt: before(600),
    // Deleted (grace period and all) just after its replacement was created.
    deletionRequestedAt: before(1),
    deletedAt: CREATED + 30_000,
    ownerKind: 'ReplicaSet',
    ownerName: 'auth-7c9f6d8b5',
  };
  const oldCrash = {
    podUid: 'old-pod-uid-0001',
    podName: 'auth-7c9f6d8b5-aaaaa',
    container: 'auth',
    restartCount: 3,
    exitCode: 1,
    startedAt: before(62),
    finishedAt: before(60),
  };

  it('compares observed gaps with the kubelet schedule and marks a pod replacement', () => {
    const history = {
      pods: [oldPod],
      terminations: [
        oldCrash,
        {
          podUid: uid,
          podName: missingEnv.metadata.name,
          container: 'auth',
          restartCount: 12,
          exitCode: 1,
          startedAt: t(250),
          finishedAt: t(248),
        },
        {
          podUid: uid,
          podName: missingEnv.metadata.name,
          container: 'auth',
          restartCount: 13,
          exitCode: 1,
          containerID: 'containerd://x13',
          startedAt: t(10),
          finishedAt: t(8),
        },
        {
          podUid: uid,
          podName: missingEnv.metadata.name,
          container: 'auth',
          restartCount: 13,
          exitCode: 1,
          containerID: 'containerd://x13',
          startedAt: t(10),
          finishedAt: t(8),
        },
      ],
    };
    const d = diagnosePod({ pod: missingEnv, now: NOW, history });
    const c = d.containers[0];
    expect(c?.runs.map((r) => r.id)).toEqual(['auth@old-pod-#3', 'auth#12', 'auth#13', 'auth#14']);
    const gap = c?.gaps.find((g) => g.afterRunId === 'auth#12');
    expect(gap).toMatchObject({ observedMs: 238_000, expectedMs: 300_000, reset: 'pod-replaced' });
    expect(d.findings.some((f) => f.id === 'backoff-reset-pod-replaced')).toBe(true);
  });

  it('keeps a sibling replica’s runs off the timeline and claims no reset for it', () => {
    // Same ReplicaSet, but it ran beside this pod and was deleted long after this one started.
    const sibling = { ...oldPod, deletionRequestedAt: t(300), deletedAt: t(270) };
    const history = { pods: [sibling], terminations: [{ ...oldCrash, finishedAt: t(320) }] };
    const d = diagnosePod({ pod: missingEnv, now: NOW, history });
    const c = d.containers[0];
    expect(c?.runs.map((r) => r.id)).toEqual(['auth#14']);
    expect(c?.gaps.filter((g) => g.reset)).toEqual([]);
    expect(d.findings.some((f) => f.category === 'backoff-reset')).toBe(false);
  });
});

describe('commands', () => {
  it('suggests no `kubectl logs --previous` for containers that never ran', () => {
    for (const pod of [imagePull, configError]) {
      const d = diagnosePod({ pod, now: NOW });
      expect(d.findings.length).toBeGreaterThan(0);
      const commands = d.findings.flatMap((f) => f.commands.map((c) => c.command));
      expect(commands.filter((c) => c.includes('--previous'))).toEqual([]);
    }
  });

  it('keeps it for a container that crashed', () => {
    const d = diagnosePod({ pod: missingEnv, now: NOW });
    const commands = d.findings.flatMap((f) => f.commands.map((c) => c.command));
    expect(commands.some((c) => c.includes('--previous'))).toBe(true);
  });
});

describe('diffPodTemplates', () => {
  it('lists image and env changes between revisions', () => {
    const changes = diffPodTemplates(rev1.spec.template.spec, rev2.spec.template.spec);
    expect(changes).toEqual([
      {
        field: 'image',
        container: 'auth',
        before: 'registry.example.com/payments/auth:1.7.2',
        after: 'registry.example.com/payments/auth:1.8.0',
      },
    ]);
  });
  it('names config references without reading values', () => {
    const a = { containers: [{ name: 'app', envFrom: [{ configMapRef: { name: 'app-v1' } }] }] };
    const b = { containers: [{ name: 'app', envFrom: [{ configMapRef: { name: 'app-v2' } }] }] };
    expect(diffPodTemplates(a, b)).toEqual([
      { field: 'configRef', container: 'app', before: 'ConfigMap app-v1' },
      { field: 'configRef', container: 'app', after: 'ConfigMap app-v2' },
    ]);
  });
});
