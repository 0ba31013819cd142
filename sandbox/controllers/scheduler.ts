/**
 * kube-scheduler, reduced: binds each new pod to the node with the fewest pods of the same owner
 * (then fewest pods), honouring spec.nodeSelector's kubernetes.io/hostname, and reports
 * `Scheduled` through the events.k8s.io recorder as the real scheduler does.
 */
import type { EventRecorder } from '../kubelet/event-recorder';
import type { PodObject } from '../kubelet/pod-types';
import type { SimClock } from '../sim/clock';
import type { Rng } from '../sim/rng';
import { rfc3339 } from '../sim/time-format';
import type { ObjectStore } from '../store/object-store';
import { controllerOf } from './work-queue';

/** Binds unscheduled pods to nodes. */
export class Scheduler {
  constructor(
    private readonly store: ObjectStore,
    private readonly clock: SimClock,
    rng: Rng,
    private readonly recorder: EventRecorder,
    private readonly nodeNames: () => string[],
  ) {
    store.subscribe((change) => {
      if (change.resource !== 'pods' || change.type !== 'ADDED') return;
      const pod = change.object as PodObject;
      if (pod.spec.nodeName) return;
      const { namespace = '', name } = pod.metadata;
      clock.after(rng.int(3, 40), () => this.bind(namespace, name, pod.metadata.uid));
    });
  }

  private pickNode(pod: PodObject): string | undefined {
    const selector = (pod.spec.nodeSelector as Record<string, string> | undefined)?.[
      'kubernetes.io/hostname'
    ];
    const nodes = this.nodeNames().filter((n) => !selector || n === selector);
    const owner = controllerOf(pod)?.uid;
    const pods = this.store.list('pods') as PodObject[];
    const score = (n: string) => {
      const on = pods.filter((p) => p.spec.nodeName === n && !p.metadata.deletionTimestamp);
      return on.filter((p) => owner && controllerOf(p)?.uid === owner).length * 1000 + on.length;
    };
    return [...nodes].sort((a, b) => score(a) - score(b) || (a < b ? -1 : 1))[0];
  }

  private bind(namespace: string, name: string, uid: string): void {
    const pod = this.store.get('pods', namespace, name) as PodObject | undefined;
    if (!pod || pod.metadata.uid !== uid || pod.spec.nodeName || pod.metadata.deletionTimestamp)
      return;
    const node = this.pickNode(pod);
    if (!node) return;
    pod.spec.nodeName = node;
    const status = (pod.status ?? {}) as Record<string, unknown>;
    status.conditions = [
      {
        type: 'PodScheduled',
        status: 'True',
        lastProbeTime: null,
        lastTransitionTime: rfc3339(this.clock.now()),
      },
    ];
    pod.status = status;
    const bound = this.store.update('pods', pod);
    this.recorder.recordSeries({
      involvedObject: {
        kind: 'Pod',
        namespace,
        name,
        uid,
        apiVersion: 'v1',
        resourceVersion: bound.metadata.resourceVersion,
      },
      type: 'Normal',
      reason: 'Scheduled',
      message: `Successfully assigned ${namespace}/${name} to ${node}`,
      source: { component: 'default-scheduler' },
      action: 'Binding',
      reportingInstance: 'default-scheduler-sandbox-control-plane',
    });
  }
}
