/**
 * The ReplicaSet controller (pkg/controller/replicaset): keeps spec.replicas pods alive, creating
 * `<rs>-<5 chars>` pods from the template with a controller ownerReference, deleting surplus ones
 * (not-ready first), and reporting status counts and SuccessfulCreate/SuccessfulDelete events.
 */
import { admitPodSpec, defaultPodSpec } from '../cluster/pod-defaults';
import type { EventRecorder } from '../kubelet/event-recorder';
import { qosClass } from '../kubelet/pod-status';
import type { PodObject, PodSpec } from '../kubelet/pod-types';
import type { SimClock } from '../sim/clock';
import type { Rng } from '../sim/rng';
import type { ObjectStore } from '../store/object-store';
import type { KObject } from '../store/types';
import { controllerOf, WorkQueue } from './work-queue';

/** True when a pod's Ready condition is True. */
export function isPodReady(pod: KObject): boolean {
  const conds = ((pod.status as Record<string, unknown> | undefined)?.conditions ?? []) as {
    type: string;
    status: string;
  }[];
  return conds.some((c) => c.type === 'Ready' && c.status === 'True');
}

/** Reconciles ReplicaSets against their pods. */
export class ReplicaSetController {
  private readonly queue: WorkQueue;

  constructor(
    private readonly store: ObjectStore,
    clock: SimClock,
    private readonly rng: Rng,
    private readonly recorder: EventRecorder,
    /** Pods deleted by "someone" (scenarios) or by scale-down go through here. */
    private readonly deletePod: (namespace: string, name: string) => void,
  ) {
    this.queue = new WorkQueue(clock, (key) => this.reconcile(key));
    store.subscribe((change) => {
      const o = change.object;
      if (change.resource === 'apps/replicasets')
        this.queue.add(`${o.metadata.namespace}/${o.metadata.name}`);
      if (change.resource === 'pods') {
        const owner = controllerOf(o);
        if (owner?.kind === 'ReplicaSet') this.queue.add(`${o.metadata.namespace}/${owner.name}`);
      }
    });
  }

  private reconcile(key: string): void {
    const [namespace = '', name = ''] = key.split('/');
    const rs = this.store.get('apps/replicasets', namespace, name);
    if (!rs) return;
    const spec = rs.spec as {
      replicas?: number;
      template: { metadata: { labels?: Record<string, string> }; spec: PodSpec };
    };
    const owned = (this.store.list('pods') as PodObject[]).filter(
      (p) => p.metadata.namespace === namespace && controllerOf(p)?.uid === rs.metadata.uid,
    );
    const active = owned.filter((p) => !p.metadata.deletionTimestamp);
    const want = spec.replicas ?? 1;
    for (let i = active.length; i < want; i++) this.createPod(rs, spec.template);
    if (active.length > want) {
      const ranked = [...active].sort((a, b) => {
        const ra = isPodReady(a) ? 1 : 0;
        const rb = isPodReady(b) ? 1 : 0;
        return ra - rb || (a.metadata.creationTimestamp < b.metadata.creationTimestamp ? 1 : -1);
      });
      for (const p of ranked.slice(0, active.length - want)) {
        this.deletePod(namespace, p.metadata.name);
        this.event(rs, `Deleted pod: ${p.metadata.name}`, 'SuccessfulDelete');
      }
    }
    this.writeStatus(rs);
  }

  private createPod(
    rs: KObject,
    template: { metadata: { labels?: Record<string, string> }; spec: PodSpec },
  ): void {
    const name = `${rs.metadata.name}-${this.rng.suffix(5)}`;
    const spec = admitPodSpec(defaultPodSpec(template.spec), this.rng);
    this.store.create('pods', {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name,
        generateName: `${rs.metadata.name}-`,
        namespace: rs.metadata.namespace,
        labels: { ...(template.metadata.labels ?? {}) },
        ownerReferences: [
          {
            apiVersion: 'apps/v1',
            kind: 'ReplicaSet',
            name: rs.metadata.name,
            uid: rs.metadata.uid,
            controller: true,
            blockOwnerDeletion: true,
          },
        ],
      },
      spec,
      status: { phase: 'Pending', qosClass: qosClass(spec.containers) },
    });
    this.event(rs, `Created pod: ${name}`, 'SuccessfulCreate');
  }

  private event(rs: KObject, message: string, reason: string): void {
    this.recorder.record({
      involvedObject: {
        kind: 'ReplicaSet',
        namespace: rs.metadata.namespace,
        name: rs.metadata.name,
        uid: rs.metadata.uid,
        apiVersion: 'apps/v1',
        resourceVersion: rs.metadata.resourceVersion,
      },
      type: 'Normal',
      reason,
      message,
      source: { component: 'replicaset-controller' },
    });
  }

  private writeStatus(rs: KObject): void {
    const fresh = this.store.get('apps/replicasets', rs.metadata.namespace, rs.metadata.name);
    if (!fresh) return;
    const pods = (this.store.list('pods') as PodObject[]).filter(
      (p) =>
        p.metadata.namespace === fresh.metadata.namespace &&
        controllerOf(p)?.uid === fresh.metadata.uid &&
        !p.metadata.deletionTimestamp,
    );
    const ready = pods.filter(isPodReady).length;
    const status: Record<string, unknown> = {
      replicas: pods.length,
      ...(pods.length ? { fullyLabeledReplicas: pods.length } : {}),
      ...(ready ? { readyReplicas: ready, availableReplicas: ready } : {}),
      observedGeneration: fresh.metadata.generation ?? 1,
    };
    if (JSON.stringify(status) === JSON.stringify(fresh.status)) return;
    fresh.status = status;
    this.store.update('apps/replicasets', fresh);
  }
}
