// Plain pods made odd one field at a time, for the fast path's equivalence test: each change is
// something a detector (or the health rule) reads, so the full diagnosis must speak about it.
// `finding` names the finding it must give when the change has one obvious owner.
import { expect } from 'vitest';
import { diagnosePod } from '../diagnose-pod';
import { isPlainlyHealthy } from '../plainly-healthy';
import type { ContainerStatusLike, DiagnosisInput, EventLike, PodLike } from '../types';

/** One change to a plain pod's input. */
export interface PlainMutation {
  name: string;
  finding?: string;
  apply: (input: DiagnosisInput, now: number) => void;
}

const iso = (ms: number) => new Date(ms).toISOString();

function firstStatus(pod: PodLike): ContainerStatusLike {
  const status = pod.status?.containerStatuses?.[0];
  if (!status) throw new Error('a plain pod has a container status');
  return status;
}

function firstSpec(pod: PodLike) {
  const spec = pod.spec?.containers[0];
  if (!spec) throw new Error('a plain pod has a container');
  return spec;
}

function event(input: DiagnosisInput, now: number, e: Partial<EventLike>, container = true) {
  const { pod } = input;
  const at = iso(now - 120_000);
  const involvedObject = {
    kind: 'Pod',
    name: pod.metadata.name,
    namespace: pod.metadata.namespace,
    uid: pod.metadata.uid,
    ...(container ? { fieldPath: `spec.containers{${firstSpec(pod).name}}` } : {}),
  };
  const full = { involvedObject, firstTimestamp: at, lastTimestamp: at, count: 3, ...e };
  input.events = [...(input.events ?? []), full];
}

const crashed = (now: number, exitCode: number, ago: number) => ({
  terminated: {
    exitCode,
    reason: exitCode === 0 ? 'Completed' : 'Error',
    startedAt: iso(now - ago - 600_000),
    finishedAt: iso(now - ago),
  },
});

/** The changes, each applied to a fresh copy of a plain pod's input. */
export const MUTATIONS: PlainMutation[] = [
  {
    name: 'a restart a minute ago',
    apply: ({ pod }, now) => {
      Object.assign(firstStatus(pod), { restartCount: 1, lastState: crashed(now, 1, 60_000) });
    },
  },
  {
    name: 'an old restart that exited 0',
    finding: 'exits-zero-restarted',
    apply: ({ pod }, now) => {
      Object.assign(firstStatus(pod), {
        restartCount: 1,
        lastState: crashed(now, 0, 3 * 3600_000),
      });
    },
  },
  {
    name: 'restartCount without a lastState',
    finding: 'not-enough-evidence',
    apply: ({ pod }) => {
      firstStatus(pod).restartCount = 2;
    },
  },
  {
    name: 'waiting in CrashLoopBackOff',
    apply: ({ pod }, now) => {
      Object.assign(firstStatus(pod), {
        ready: false,
        restartCount: 5,
        state: { waiting: { reason: 'CrashLoopBackOff', message: 'back-off 2m40s restarting' } },
        lastState: crashed(now, 1, 30_000),
      });
    },
  },
  {
    name: 'not ready',
    apply: ({ pod }) => {
      firstStatus(pod).ready = false;
    },
  },
  {
    name: 'a sibling runs another digest of the tag',
    finding: 'image-tag-drift',
    apply: (input) => {
      const sibling = structuredClone(input.pod);
      sibling.metadata = { ...sibling.metadata, name: 'sibling-x1', uid: 'sibling-x1' };
      const status = firstStatus(sibling);
      status.imageID = `${(status.imageID ?? '').split('@')[0]}@sha256:${'e'.repeat(64)}`;
      input.siblings = [...(input.siblings ?? []), sibling];
    },
  },
  {
    name: 'the registry expects another digest',
    finding: 'image-digest-mismatch',
    apply: (input) => {
      const name = firstSpec(input.pod).name;
      input.expectedImages = { [name]: { digest: `sha256:${'d'.repeat(64)}`, source: 'registry' } };
    },
  },
  {
    name: 'memory usage near the limit',
    finding: 'memory-near-limit',
    apply: (input) => {
      const spec = firstSpec(input.pod);
      spec.resources = { ...spec.resources, limits: { memory: '128Mi' } };
      input.memoryUsage = { [spec.name]: 125 * 2 ** 20 };
    },
  },
  {
    name: 'a heap as large as the limit in args',
    finding: 'heap-over-memory-limit',
    apply: ({ pod }) => {
      const spec = firstSpec(pod);
      spec.resources = { ...spec.resources, limits: { memory: '512Mi' } };
      spec.args = ['-server', '-Xmx512m', '-jar', 'app.jar'];
    },
  },
  {
    name: 'a StatefulSet pod with a PersistentVolumeClaim',
    finding: 'statefulset-volumes',
    apply: ({ pod }) => {
      pod.metadata.ownerReferences = [
        { kind: 'StatefulSet', name: 'db', uid: 'sts-1', controller: true },
      ];
      pod.spec?.volumes?.push({ name: 'data', persistentVolumeClaim: { claimName: 'data-db-0' } });
    },
  },
  {
    name: 'evicted',
    finding: 'evicted-node-pressure',
    apply: ({ pod }) => {
      Object.assign(pod.status ?? {}, {
        phase: 'Failed',
        reason: 'Evicted',
        message: 'The node was low on resource: memory.',
      });
    },
  },
  {
    name: 'a liveness probe killing the container',
    apply: (input, now) => {
      event(input, now, {
        type: 'Warning',
        reason: 'Unhealthy',
        message: 'Liveness probe failed: HTTP probe failed with statuscode: 500',
      });
      event(input, now, {
        type: 'Normal',
        reason: 'Killing',
        message: 'Container app failed liveness probe, will be restarted',
      });
    },
  },
  {
    name: 'a missing ConfigMap event',
    apply: (input, now) =>
      event(input, now, {
        type: 'Warning',
        reason: 'Failed',
        message: 'Error: configmap "app-config" not found',
      }),
  },
  {
    name: 'an image pull failure event',
    apply: (input, now) =>
      event(input, now, {
        type: 'Warning',
        reason: 'Failed',
        message: 'Failed to pull image "x:9": not found',
      }),
  },
  {
    name: 'it replaced a pod that crashed',
    finding: 'backoff-reset-pod-replaced',
    apply: (input) => {
      const { pod } = input;
      const created = Date.parse(String(pod.metadata.creationTimestamp));
      const owner = pod.metadata.ownerReferences?.[0];
      const old = { uid: 'replaced-1', name: 'replaced-1' };
      input.history = {
        pods: [
          {
            ...old,
            createdAt: created - 86_400_000,
            deletedAt: created - 5_000,
            ownerKind: owner?.kind,
            ownerName: owner?.name,
          },
        ],
        terminations: [
          {
            podUid: old.uid,
            podName: old.name,
            container: firstSpec(pod).name,
            restartCount: 4,
            exitCode: 1,
            reason: 'Error',
            finishedAt: created - 10_000,
          },
        ],
      };
    },
  },
  {
    name: 'a failing pod listed beside it',
    apply: (input) => {
      input.listedPods = [
        { name: 'other-7f9c', statuses: ['CrashLoopBackOff'], restarts: 7, ready: '0/1' },
      ];
    },
  },
  {
    name: 'an init container that failed',
    apply: ({ pod }, now) => {
      pod.spec?.initContainers?.splice(0);
      pod.spec?.initContainers?.push({ name: 'setup', image: 'busybox:1.36' });
      if (!pod.spec?.initContainers)
        Object.assign(pod.spec ?? {}, {
          initContainers: [{ name: 'setup', image: 'busybox:1.36' }],
        });
      Object.assign(pod.status ?? {}, {
        initContainerStatuses: [
          { name: 'setup', restartCount: 0, ready: false, state: crashed(now, 1, 60_000) },
        ],
      });
    },
  },
  {
    name: 'a container status without a spec',
    apply: ({ pod }) => {
      pod.status?.containerStatuses?.push({
        name: 'debugger',
        restartCount: 3,
        ready: false,
        state: { waiting: { reason: 'CrashLoopBackOff' } },
      });
    },
  },
];

/** The fast path's claim, checked: plainly healthy ⇒ no finding and healthy. Returns the verdict. */
export function expectAgreement(input: DiagnosisInput): boolean {
  const plain = isPlainlyHealthy(input);
  if (plain) {
    const d = diagnosePod(input);
    expect(d.findings.map((f) => f.id)).toEqual([]);
    expect(d.healthy).toBe(true);
  }
  return plain;
}

/**
 * Applies every mutation to a fresh plain input: the full diagnosis must speak (with the named
 * finding) and the fast path must step aside.
 */
export function expectEachMutationSeen(make: () => DiagnosisInput, now: number): void {
  expect(isPlainlyHealthy(make())).toBe(true);
  for (const mutation of MUTATIONS) {
    const input = make();
    mutation.apply(input, now);
    const d = diagnosePod(input);
    const ids = d.findings.map((f) => f.id);
    const spoke = !d.healthy || ids.length > 0;
    expect({ mutation: mutation.name, spoke }).toEqual({ mutation: mutation.name, spoke: true });
    if (mutation.finding) expect(ids).toContain(mutation.finding);
    const plain = isPlainlyHealthy(input);
    expect({ mutation: mutation.name, plain }).toEqual({ mutation: mutation.name, plain: false });
  }
}

/** A readiness probe failure and a Normal event on the first container: nothing to report. */
export function withQuietEvents(input: DiagnosisInput, now: number): DiagnosisInput {
  event(input, now, {
    type: 'Normal',
    reason: 'Pulled',
    message: 'Container image "x" already present on machine',
    count: 1,
  });
  event(input, now, {
    type: 'Warning',
    reason: 'Unhealthy',
    message: 'Readiness probe failed: Get "http://10.0.0.1:8080/ready": context deadline exceeded',
  });
  return input;
}
