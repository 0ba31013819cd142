import { describe, expect, it } from 'vitest';
import pod from './fixtures/exits-zero-restart-always.pod.json';
import nodeEvents from './fixtures/kubelet-restart-worker-2.events.json';
import { diagnosePod, type EventLike, type RecordedTermination } from './index';

const at = (hms: string) => Date.parse(`2025-03-04T${hms}Z`);
const uid = pod.metadata.uid;
const run = (restartCount: number, start: string, finish: string): RecordedTermination => ({
  podUid: uid,
  podName: pod.metadata.name,
  container: 'nginx',
  restartCount,
  containerID: `containerd://${String(restartCount).padStart(64, 'a')}`,
  exitCode: 0,
  reason: 'Completed',
  startedAt: at(start),
  finishedAt: at(finish),
  image: 'docker.io/library/nginx:1.27',
});
// Runs #11 and #12 recorded; #13 is the status's lastState (10:44:00–10:44:10).
const history = {
  terminations: [run(11, '10:33:20', '10:33:30'), run(12, '10:38:40', '10:38:50')],
};
const kubeletOnly = (e: EventLike) => e.source?.component === 'kubelet';

function gaps(events: EventLike[]) {
  const d = diagnosePod({ pod, events, history, now: at('10:44:30') });
  return d.containers[0]?.gaps ?? [];
}

describe('back-off reset after a kubelet restart', () => {
  it('claims the reset at the first run after the "Starting kubelet." event of the pod’s node', () => {
    const g = gaps(nodeEvents.items);
    expect(g.map((x) => [x.afterRunId, x.reset ?? null, x.expectedMs])).toEqual([
      ['nginx#11', null, 300_000],
      // The kubelet restarted at 10:43:40 while #12 waited: its back-off map was empty, so #13
      // started at once and the curve starts over (10 s after #13, not the 5 min cap).
      ['nginx#12', 'kubelet-restarted', 0],
      ['nginx#13', null, 10_000],
    ]);
    expect(g[1]?.resetEvidence).toBe(
      'event Starting from kubelet on Node/worker-2 at 2025-03-04T10:43:40Z: “Starting kubelet.”',
    );
  });

  it('does not take kube-proxy’s "Starting" event, or another node’s kubelet, for a restart', () => {
    const proxyOnly = nodeEvents.items.filter((e) => !kubeletOnly(e));
    expect(proxyOnly.map((e) => e.reason)).toEqual(['Starting']);
    expect(gaps(proxyOnly).map((x) => x.reset ?? null)).toEqual([null, null, null]);
    expect(gaps(nodeEvents.items.filter(kubeletOnly)).map((x) => x.reset ?? null)).toEqual([
      null,
      'kubelet-restarted',
      null,
    ]);
    expect(gaps(proxyOnly).at(-1)?.expectedMs).toBe(300_000);
    const otherNode = nodeEvents.items.map((e) => ({
      ...e,
      involvedObject: { ...e.involvedObject, name: 'worker-9', uid: 'worker-9' },
    }));
    expect(gaps(otherNode).some((x) => x.reset)).toBe(false);
  });

  it('reads the node’s Ready transition as a restart when no event is left', () => {
    const node = {
      metadata: { name: 'worker-2', creationTimestamp: '2025-02-01T09:00:00Z' },
      status: {
        conditions: [
          {
            type: 'Ready',
            status: 'True',
            reason: 'KubeletReady',
            message: 'kubelet is posting ready status',
            lastHeartbeatTime: '2025-03-04T10:44:20Z',
            lastTransitionTime: '2025-03-04T10:43:52Z',
          },
        ],
      },
    };
    const d = diagnosePod({ pod, history, node, now: at('10:44:30') });
    const [, last, after] = d.containers[0]?.gaps ?? [];
    expect(last?.reset).toBe('kubelet-restarted');
    expect(after?.expectedMs).toBe(10_000);
    expect(last?.resetEvidence).toBe(
      'Node/worker-2 condition Ready turned True at 2025-03-04T10:43:52Z (KubeletReady): the kubelet came back',
    );
  });
});
