/**
 * Compares the sandbox's objects with the shapes of real API output. The expected key paths are
 * transcribed from real captures (sources in each comment; the files themselves are not copied).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../index';

type Any = Record<string, any>;
let sb: Sandbox;

/** Dotted key paths of a JSON value (array items collapse to []). */
function shape(v: unknown, prefix = ''): string[] {
  if (Array.isArray(v))
    return v.length ? [...new Set(v.flatMap((x) => shape(x, `${prefix}[]`)))] : [prefix];
  if (v && typeof v === 'object')
    return Object.entries(v).flatMap(([k, x]) => shape(x, prefix ? `${prefix}.${k}` : k));
  return [prefix];
}

// github.com/OSC/ood_core spec/fixtures/output/k8s/single_crash_loop_pod.json (containerd, CrashLoopBackOff), status.containerStatuses[0].
const REAL_CRASHLOOP_CONTAINER_STATUS = [
  'containerID',
  'image',
  'imageID',
  'lastState.terminated.containerID',
  'lastState.terminated.exitCode',
  'lastState.terminated.finishedAt',
  'lastState.terminated.reason',
  'lastState.terminated.startedAt',
  'name',
  'ready',
  'restartCount',
  'started',
  'state.waiting.message',
  'state.waiting.reason',
];
// Same capture, status (conditions items merged).
const REAL_POD_STATUS = [
  'conditions[].lastProbeTime',
  'conditions[].lastTransitionTime',
  'conditions[].message',
  'conditions[].reason',
  'conditions[].status',
  'conditions[].type',
  'hostIP',
  'phase',
  'podIP',
  'podIPs[].ip',
  'qosClass',
  'startTime',
];
// github.com/eclipse-che/che issue #14781: a kubelet core/v1 Event (selfLink dropped since 1.20).
const REAL_KUBELET_EVENT = [
  'apiVersion',
  'count',
  'eventTime',
  'firstTimestamp',
  'involvedObject.apiVersion',
  'involvedObject.fieldPath',
  'involvedObject.kind',
  'involvedObject.name',
  'involvedObject.namespace',
  'involvedObject.resourceVersion',
  'involvedObject.uid',
  'kind',
  'lastTimestamp',
  'message',
  'metadata.creationTimestamp',
  'metadata.name',
  'metadata.namespace',
  'metadata.resourceVersion',
  'metadata.uid',
  'reason',
  'reportingComponent',
  'reportingInstance',
  'source.component',
  'source.host',
  'type',
];
// Fields newer kubelets add (1.30 volumeMounts; PodReadyToStartContainers condition has no reason).
const NEWER = [
  'volumeMounts[].mountPath',
  'volumeMounts[].name',
  'volumeMounts[].readOnly',
  'volumeMounts[].recursiveReadOnly',
];

beforeAll(async () => {
  sb = await startSandbox({ port: 0, scenarios: ['delete-resets-backoff', 'exits-zero'] });
});
afterAll(() => sb.stop());

async function crashLoopingPod(): Promise<Any> {
  for (let i = 0; i < 60; i++) {
    const list = (await (await fetch(`${sb.url}/api/v1/pods`)).json()) as Any;
    const pod = (list.items as Any[]).find(
      (p) =>
        p.status.containerStatuses?.[0]?.state.waiting?.reason === 'CrashLoopBackOff' &&
        p.status.containerStatuses[0].restartCount > 1,
    );
    if (pod) return pod;
    sb.control.advance(2_000);
  }
  throw new Error('no crash-looping pod');
}

describe('shapes match real API output', () => {
  it('a crash-looping container status has exactly the real fields (plus 1.30 volumeMounts)', async () => {
    const cs = (await crashLoopingPod()).status.containerStatuses[0];
    expect(shape(cs).sort()).toEqual([...REAL_CRASHLOOP_CONTAINER_STATUS, ...NEWER].sort());
    expect(cs.state.waiting.message).toMatch(
      /^back-off (\d+m)?\d+s restarting failed container=\S+ pod=\S+_\S+\([0-9a-f-]{36}\)$/,
    );
    expect(cs.containerID).toMatch(/^containerd:\/\/[0-9a-f]{64}$/);
    expect(cs.imageID).toMatch(/^docker\.io\/acme\/[\w-]+@sha256:[0-9a-f]{64}$/);
    expect(cs.lastState.terminated.finishedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  });

  it('the pod status has the real fields and a Running phase during CrashLoopBackOff', async () => {
    const pod = await crashLoopingPod();
    const { containerStatuses: _c, hostIPs: _h, ...rest } = pod.status;
    expect(shape(rest).sort()).toEqual(REAL_POD_STATUS);
    expect(pod.status.phase).toBe('Running');
    const ready = pod.status.conditions.find((c: Any) => c.type === 'Ready');
    expect(ready).toMatchObject({
      status: 'False',
      reason: 'ContainersNotReady',
      message: `containers with unready status: [${pod.spec.containers[0].name}]`,
      lastProbeTime: null,
    });
    expect(pod.status.conditions.map((c: Any) => c.type)).toEqual([
      'PodReadyToStartContainers',
      'Initialized',
      'Ready',
      'ContainersReady',
      'PodScheduled',
    ]);
  });

  it('kubelet events have the legacy recorder fields, count and the generated name', async () => {
    const list = (await (
      await fetch(
        `${sb.url}/api/v1/namespaces/delete-resets-backoff/events?fieldSelector=reason=BackOff`,
      )
    ).json()) as Any;
    const e = { kind: 'Event', apiVersion: 'v1', ...list.items[0] };
    expect(shape(e).sort()).toEqual(REAL_KUBELET_EVENT);
    expect(e.eventTime).toBeNull();
    expect(e.metadata.name).toMatch(new RegExp(`^${e.involvedObject.name}\\.[0-9a-f]{16}$`));
    expect(e.source).toEqual({
      component: 'kubelet',
      host: expect.stringMatching(/^sandbox-worker-\d$/),
    });
    expect(e.reportingInstance).toBe(e.source.host);
    expect(e.involvedObject.fieldPath).toBe('spec.containers{worker}');
    const counted = (list.items as Any[]).find((x) => x.count > 1) as Any;
    expect(Date.parse(counted.lastTimestamp)).toBeGreaterThan(Date.parse(counted.firstTimestamp));
  });

  it('events expire after the TTL unless written again', async () => {
    const before = (await (
      await fetch(`${sb.url}/api/v1/namespaces/exits-zero/events?fieldSelector=reason=Scheduled`)
    ).json()) as Any;
    expect(before.items.length).toBe(1);
    sb.control.advance(3_600_000 + 60_000);
    const after = (await (
      await fetch(`${sb.url}/api/v1/namespaces/exits-zero/events?fieldSelector=reason=Scheduled`)
    ).json()) as Any;
    expect(after.items).toEqual([]);
    const backoff = (await (
      await fetch(`${sb.url}/api/v1/namespaces/exits-zero/events?fieldSelector=reason=BackOff`)
    ).json()) as Any;
    expect(backoff.items.length).toBe(1);
  });
});
