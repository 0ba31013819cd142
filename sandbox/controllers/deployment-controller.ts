/**
 * The Deployment controller (pkg/controller/deployment), reduced to what incident history needs:
 * one ReplicaSet per pod template (`<deploy>-<pod-template-hash>`), revision annotations that
 * move on rollback (deployment.kubernetes.io/revision, revision-history), a rolling update with
 * maxSurge/maxUnavailable, ScalingReplicaSet events, and status with Available/Progressing.
 */
import type { EventRecorder } from '../kubelet/event-recorder';
import { defaultPodSpec } from '../cluster/pod-defaults';
import type { PodSpec } from '../kubelet/pod-types';
import type { SimClock } from '../sim/clock';
import { fnv32a, safeEncodeString } from '../sim/rng';
import type { ObjectStore } from '../store/object-store';
import type { KObject } from '../store/types';
import { controllerOf, WorkQueue } from './work-queue';
import { deploymentStatus } from './deployment-status';

const REVISION = 'deployment.kubernetes.io/revision';
const HASH = 'pod-template-hash';

/** A pod template as deployments hold it. */
export interface PodTemplate {
  metadata: { labels?: Record<string, string>; annotations?: Record<string, string> };
  spec: PodSpec;
}

interface DeploymentSpec {
  replicas?: number;
  selector: { matchLabels: Record<string, string> };
  template: PodTemplate;
  strategy?: { rollingUpdate?: { maxSurge?: string | number; maxUnavailable?: string | number } };
}

/** controller.ComputeHash: FNV-32a of the template, SafeEncodeString of its decimal value. */
export function templateHash(template: PodTemplate): string {
  const copy = structuredClone(template);
  delete copy.metadata.labels?.[HASH];
  return safeEncodeString(String(fnv32a(JSON.stringify(copy))));
}

function resolve(v: string | number | undefined, total: number, roundUp: boolean): number {
  if (v === undefined) return roundUp ? Math.ceil(total * 0.25) : Math.floor(total * 0.25);
  if (typeof v === 'number') return v;
  const pct = Number(v.replace('%', '')) / 100;
  return roundUp ? Math.ceil(total * pct) : Math.floor(total * pct);
}

function revisionOf(rs: KObject): number {
  return Number(rs.metadata.annotations?.[REVISION] ?? '0');
}

/** Reconciles Deployments into ReplicaSets. */
export class DeploymentController {
  private readonly queue: WorkQueue;
  /** ReplicaSets created but not yet scaled (their first scale-up is worded differently). */
  private readonly justCreated = new Set<string>();

  constructor(
    private readonly store: ObjectStore,
    private readonly clock: SimClock,
    private readonly recorder: EventRecorder,
  ) {
    this.queue = new WorkQueue(clock, (key) => this.reconcile(key));
    store.subscribe((change) => {
      const o = change.object;
      const ns = o.metadata.namespace;
      if (change.resource === 'apps/deployments') this.queue.add(`${ns}/${o.metadata.name}`);
      if (change.resource === 'apps/replicasets') {
        const owner = controllerOf(o);
        if (owner?.kind === 'Deployment') this.queue.add(`${ns}/${owner.name}`);
      }
    });
  }

  /** Applies the API server's defaults to a new Deployment object. */
  static defaults(dep: KObject): KObject {
    const spec = dep.spec as DeploymentSpec & Record<string, unknown>;
    dep.spec = {
      replicas: 1,
      revisionHistoryLimit: 10,
      progressDeadlineSeconds: 600,
      strategy: {
        type: 'RollingUpdate',
        rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' },
      },
      ...spec,
      template: { ...spec.template, spec: defaultPodSpec(spec.template.spec) },
    };
    return dep;
  }

  private owned(dep: KObject): KObject[] {
    return this.store
      .list('apps/replicasets')
      .filter(
        (rs) =>
          rs.metadata.namespace === dep.metadata.namespace &&
          controllerOf(rs)?.uid === dep.metadata.uid,
      );
  }

  private reconcile(key: string): void {
    const [namespace = '', name = ''] = key.split('/');
    const dep = this.store.get('apps/deployments', namespace, name);
    if (!dep) return;
    const spec = dep.spec as DeploymentSpec;
    const hash = templateHash(spec.template);
    const rses = this.owned(dep);
    const maxRev = Math.max(0, ...rses.map(revisionOf));
    let newRs = rses.find((rs) => rs.metadata.labels?.[HASH] === hash);
    if (!newRs) newRs = this.createRs(dep, spec, hash, maxRev + 1);
    else if (revisionOf(newRs) < maxRev) {
      // A rollback: the old ReplicaSet becomes the newest revision; its old number is history.
      const old = newRs.metadata.annotations?.[REVISION] ?? '';
      const hist = newRs.metadata.annotations?.['deployment.kubernetes.io/revision-history'];
      newRs.metadata.annotations = {
        ...newRs.metadata.annotations,
        [REVISION]: String(maxRev + 1),
        'deployment.kubernetes.io/revision-history': hist ? `${hist},${old}` : old,
      };
      newRs = this.store.update('apps/replicasets', newRs);
    }
    const newRev = newRs.metadata.annotations?.[REVISION] ?? '1';
    if (dep.metadata.annotations?.[REVISION] !== newRev) {
      dep.metadata.annotations = { ...dep.metadata.annotations, [REVISION]: newRev };
      this.store.update('apps/deployments', dep);
    }
    this.rollingUpdate(
      dep,
      spec,
      newRs,
      this.owned(dep).filter((rs) => rs.metadata.uid !== newRs.metadata.uid),
    );
    const fresh = this.store.get('apps/deployments', namespace, name);
    if (fresh)
      deploymentStatus(this.store, this.clock, fresh, this.owned(fresh), newRs.metadata.name, (k) =>
        this.queue.add(k),
      );
  }

  private createRs(dep: KObject, spec: DeploymentSpec, hash: string, revision: number): KObject {
    const replicas = spec.replicas ?? 1;
    const labels = { ...(spec.template.metadata.labels ?? {}), [HASH]: hash };
    const created = this.store.create('apps/replicasets', {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: {
        name: `${dep.metadata.name}-${hash}`,
        namespace: dep.metadata.namespace,
        generation: 1,
        labels,
        annotations: {
          'deployment.kubernetes.io/desired-replicas': String(replicas),
          'deployment.kubernetes.io/max-replicas': String(
            replicas + resolve(spec.strategy?.rollingUpdate?.maxSurge, replicas, true),
          ),
          [REVISION]: String(revision),
        },
        ownerReferences: [
          {
            apiVersion: 'apps/v1',
            kind: 'Deployment',
            name: dep.metadata.name,
            uid: dep.metadata.uid,
            controller: true,
            blockOwnerDeletion: true,
          },
        ],
      },
      spec: {
        replicas: 0,
        selector: { matchLabels: { ...spec.selector.matchLabels, [HASH]: hash } },
        template: { metadata: { ...spec.template.metadata, labels }, spec: spec.template.spec },
      },
      status: { replicas: 0 },
    });
    this.justCreated.add(created.metadata.uid);
    return created;
  }

  /** rolloutRolling: scale the new ReplicaSet up within maxSurge, old ones down within maxUnavailable. */
  private rollingUpdate(dep: KObject, spec: DeploymentSpec, newRs: KObject, olds: KObject[]): void {
    const desired = spec.replicas ?? 1;
    const surge = resolve(spec.strategy?.rollingUpdate?.maxSurge, desired, true);
    let unavailable = resolve(spec.strategy?.rollingUpdate?.maxUnavailable, desired, false);
    if (surge === 0 && unavailable === 0) unavailable = 1;
    const replicasOf = (rs: KObject) => (rs.spec as { replicas?: number }).replicas ?? 0;
    const availableOf = (rs: KObject) =>
      (rs.status as { availableReplicas?: number } | undefined)?.availableReplicas ?? 0;
    const total = replicasOf(newRs) + olds.reduce((a, rs) => a + replicasOf(rs), 0);
    const newCount = replicasOf(newRs);
    if (newCount < desired && total < desired + surge) {
      this.scale(dep, newRs, Math.min(desired, newCount + (desired + surge - total)));
    } else if (newCount > desired) this.scale(dep, newRs, desired);
    const totalNow =
      replicasOf(
        this.store.get('apps/replicasets', newRs.metadata.namespace, newRs.metadata.name) ?? newRs,
      ) + olds.reduce((a, rs) => a + replicasOf(rs), 0);
    const newFresh =
      this.store.get('apps/replicasets', newRs.metadata.namespace, newRs.metadata.name) ?? newRs;
    const newUnavailable = replicasOf(newFresh) - availableOf(newFresh);
    let budget = totalNow - (desired - unavailable) - newUnavailable;
    for (const rs of [...olds].sort((a, b) => revisionOf(a) - revisionOf(b))) {
      const n = replicasOf(rs);
      if (n === 0) continue;
      // Old pods that are not available can go at once; available ones only within the budget.
      const unhealthy = n - availableOf(rs);
      const cut = Math.min(n, Math.max(unhealthy, budget));
      if (cut <= 0) continue;
      this.scale(dep, rs, n - cut);
      budget -= Math.max(0, cut - unhealthy);
    }
  }

  private scale(dep: KObject, rs: KObject, to: number): void {
    const from = (rs.spec as { replicas?: number }).replicas ?? 0;
    if (from === to) return;
    const fresh = this.store.get('apps/replicasets', rs.metadata.namespace, rs.metadata.name);
    if (!fresh) return;
    (fresh.spec as { replicas: number }).replicas = to;
    const wasFresh = this.justCreated.delete(fresh.metadata.uid);
    fresh.metadata.generation = (fresh.metadata.generation ?? 1) + 1;
    this.store.update('apps/replicasets', fresh);
    const dir = to > from ? 'up' : 'down';
    this.recorder.record({
      involvedObject: {
        kind: 'Deployment',
        namespace: dep.metadata.namespace,
        name: dep.metadata.name,
        uid: dep.metadata.uid,
        apiVersion: 'apps/v1',
        resourceVersion: dep.metadata.resourceVersion,
      },
      type: 'Normal',
      reason: 'ScalingReplicaSet',
      // sync.go scaleReplicaSet; getNewReplicaSet words a freshly created one "Scaled up replica set X to N".
      message: wasFresh
        ? `Scaled up replica set ${rs.metadata.name} to ${to}`
        : `Scaled ${dir} replica set ${rs.metadata.name} to ${to} from ${from}`,
      source: { component: 'deployment-controller' },
    });
  }
}
