/**
 * The simulated cluster: store, clock, registry, nodes with their kubelets, and the scheduler,
 * ReplicaSet and Deployment controllers, plus the verbs scenarios use to act on it (what people
 * do with kubectl: apply, roll back, delete a pod, edit a ConfigMap).
 */
import { DeploymentController, type PodTemplate } from '../controllers/deployment-controller';
import { EndpointsController } from '../controllers/endpoints-controller';
import { ReplicaSetController } from '../controllers/replicaset-controller';
import { Scheduler } from '../controllers/scheduler';
import type { BackoffConfig } from '../kubelet/backoff';
import { idleBehaviour, type Behaviour } from '../kubelet/behaviour';
import { EventRecorder } from '../kubelet/event-recorder';
import { Kubelet } from '../kubelet/kubelet';
import { NodeRuntime } from '../kubelet/node-runtime';
import { ImageRegistry } from '../registry/image-registry';
import { parseImageRef } from '../registry/image-ref';
import { SimClock } from '../sim/clock';
import { Rng } from '../sim/rng';
import { rfc3339 } from '../sim/time-format';
import { ObjectStore } from '../store/object-store';
import type { KObject, NewObject } from '../store/types';
import { namespaceObject, nodeObject } from './nodes';
import { admitPodSpec, defaultPodSpec } from './pod-defaults';
import { qosClass } from '../kubelet/pod-status';

/** Options of a cluster. */
export interface ClusterOptions {
  /** Virtual time at which the simulation begins. */
  start: number;
  speed: number;
  seed: number;
  eventTtlMs: number;
  backoff: Partial<BackoffConfig>;
  nodeCount?: number;
}

/** A simulated cluster with its controllers and kubelets. */
export class Cluster {
  readonly clock: SimClock;
  readonly rng: Rng;
  readonly store: ObjectStore;
  readonly recorder: EventRecorder;
  readonly registry = new ImageRegistry();
  readonly nodes = new Map<string, NodeRuntime>();
  readonly kubelet: Kubelet;
  readonly behaviours = new Map<string, Behaviour>();

  constructor(options: ClusterOptions) {
    this.clock = new SimClock(options.start, options.speed);
    this.rng = new Rng(options.seed);
    this.store = new ObjectStore({ now: () => this.clock.now(), newUid: () => this.rng.uid() });
    this.recorder = new EventRecorder(this.store, this.clock, this.rng, options.eventTtlMs);
    const created = options.start - 41 * 86_400_000;
    for (let i = 0; i < (options.nodeCount ?? 3); i++) {
      const name = `sandbox-worker-${i + 1}`;
      const node = new NodeRuntime(name, `172.18.0.${i + 2}`, `10.244.${i + 1}.`, options.backoff);
      node.onImagesChanged = () => this.refreshNodeImages(node);
      this.nodes.set(name, node);
      this.store.create('nodes', nodeObject(name, node.internalIP, i, created, this.rng));
    }
    for (const ns of ['default', 'kube-node-lease', 'kube-public', 'kube-system'])
      this.createNamespace(ns, created);
    this.kubelet = new Kubelet({
      store: this.store,
      clock: this.clock,
      rng: this.rng,
      recorder: this.recorder,
      registry: this.registry,
      nodes: this.nodes,
      behaviourFor: (image) =>
        this.behaviours.get(parseImageRef(image).repository) ?? idleBehaviour,
    });
    new Scheduler(this.store, this.clock, this.rng, this.recorder, () =>
      [...this.nodes.keys()].filter(
        (n) =>
          !(this.store.get('nodes', undefined, n)?.spec as { unschedulable?: boolean } | undefined)
            ?.unschedulable,
      ),
    );
    new ReplicaSetController(this.store, this.clock, this.rng, this.recorder, (ns, name) =>
      this.deletePod(ns, name),
    );
    new DeploymentController(this.store, this.clock, this.recorder);
    new EndpointsController(this.store, this.clock);
    // The API server's own Service (its endpoints are the control plane, not a pod).
    this.store.create('services', {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: {
        name: 'kubernetes',
        namespace: 'default',
        creationTimestamp: rfc3339(created),
        labels: { component: 'apiserver', provider: 'kubernetes' },
      },
      spec: {
        type: 'ClusterIP',
        clusterIP: '10.96.0.1',
        clusterIPs: ['10.96.0.1'],
        ipFamilies: ['IPv4'],
        ipFamilyPolicy: 'SingleStack',
        internalTrafficPolicy: 'Cluster',
        sessionAffinity: 'None',
        ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }],
      },
      status: { loadBalancer: {} },
    });
    this.store.create('endpoints', {
      apiVersion: 'v1',
      kind: 'Endpoints',
      metadata: {
        name: 'kubernetes',
        namespace: 'default',
        creationTimestamp: rfc3339(created),
        labels: { 'endpointslice.kubernetes.io/skip-mirror': 'true' },
      },
      subsets: [
        {
          addresses: [{ ip: '172.18.0.1' }],
          ports: [{ name: 'https', port: 6443, protocol: 'TCP' }],
        },
      ],
    });
  }

  /** Creates a Service (clusterIP allocated from 10.96.0.0/12 unless headless) in a namespace. */
  createService(
    namespace: string,
    name: string,
    spec: {
      selector: Record<string, string>;
      ports: { name?: string; port: number; targetPort?: number }[];
      headless?: boolean;
    },
  ): KObject {
    // From the name, not the seeded RNG: adding a Service must not change the incident's dice.
    let h = 0;
    for (const ch of `${namespace}/${name}`) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
    const ip = spec.headless ? 'None' : `10.96.${((h >>> 8) % 254) + 1}.${(h % 254) + 1}`;
    return this.store.create('services', {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name, namespace, labels: { ...spec.selector } },
      spec: {
        type: 'ClusterIP',
        clusterIP: ip,
        clusterIPs: [ip],
        ipFamilies: ['IPv4'],
        ipFamilyPolicy: 'SingleStack',
        internalTrafficPolicy: 'Cluster',
        sessionAffinity: 'None',
        selector: spec.selector,
        ports: spec.ports.map((p) => ({
          ...(p.name ? { name: p.name } : {}),
          port: p.port,
          protocol: 'TCP',
          targetPort: p.targetPort ?? p.port,
        })),
      },
      status: { loadBalancer: {} },
    });
  }

  /** Creates a namespace (with its `default` ServiceAccount and kube-root-ca.crt ConfigMap, as every real namespace has). */
  createNamespace(name: string, created = this.clock.now()): void {
    this.store.create('namespaces', namespaceObject(name, created));
    // The controller-manager's serviceaccount controller gives every namespace `default`.
    this.store.create('serviceaccounts', {
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: { name: 'default', namespace: name, creationTimestamp: rfc3339(created) },
    });
    this.store.create('configmaps', {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'kube-root-ca.crt', namespace: name, creationTimestamp: rfc3339(created) },
      data: {
        'ca.crt':
          '-----BEGIN CERTIFICATE-----\nMIIDBTCCAe2gAwIBAgIIsandboxCA\n-----END CERTIFICATE-----\n',
      },
    });
  }

  /** Creates any object (ConfigMaps, LimitRanges, StatefulSets, Jobs...). */
  create(resource: string, obj: NewObject): KObject {
    return this.store.create(resource, obj);
  }

  /** Creates or replaces a ConfigMap's data (kubectl apply of a ConfigMap). */
  applyConfigMap(
    namespace: string,
    name: string,
    data: Record<string, string>,
    labels?: Record<string, string>,
  ): void {
    const existing = this.store.get('configmaps', namespace, name);
    if (existing) {
      existing.data = data;
      this.store.update('configmaps', existing);
    } else {
      this.store.create('configmaps', {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name, namespace, ...(labels ? { labels } : {}) },
        data,
      });
    }
  }

  /** Creates a Deployment (defaults applied). */
  createDeployment(
    namespace: string,
    name: string,
    spec: { replicas: number; template: PodTemplate; labels?: Record<string, string> },
  ): void {
    const labels = spec.labels ?? { app: name };
    const dep = DeploymentController.defaults({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name, namespace, generation: 1, labels, annotations: {} },
      spec: { replicas: spec.replicas, selector: { matchLabels: labels }, template: spec.template },
    } as unknown as KObject);
    this.store.create('apps/deployments', dep as unknown as NewObject);
  }

  /** Changes a Deployment's pod template (kubectl set image / set env / rollout restart). */
  updateDeployment(namespace: string, name: string, mutate: (template: PodTemplate) => void): void {
    const dep = this.store.get('apps/deployments', namespace, name);
    if (!dep) throw new Error(`deployment ${namespace}/${name} not found`);
    const spec = dep.spec as { template: PodTemplate };
    mutate(spec.template);
    const defaulted = DeploymentController.defaults(dep);
    defaulted.metadata.generation = (dep.metadata.generation ?? 1) + 1;
    this.store.update('apps/deployments', defaulted);
  }

  /** kubectl rollout undo: the template of the given (default: previous) revision becomes current. */
  rollback(namespace: string, name: string, toRevision?: number): void {
    const dep = this.store.get('apps/deployments', namespace, name);
    if (!dep) throw new Error(`deployment ${namespace}/${name} not found`);
    const rses = this.store
      .list('apps/replicasets')
      .filter((rs) => rs.metadata.ownerReferences?.some((o) => o.uid === dep.metadata.uid))
      .map((rs) => ({
        rs,
        rev: Number(rs.metadata.annotations?.['deployment.kubernetes.io/revision'] ?? 0),
      }))
      .sort((a, b) => b.rev - a.rev);
    const target = toRevision ? rses.find((r) => r.rev === toRevision) : rses[1];
    if (!target) throw new Error(`no revision to roll back to for deployment ${namespace}/${name}`);
    const template = structuredClone((target.rs.spec as { template: PodTemplate }).template);
    delete template.metadata.labels?.['pod-template-hash'];
    this.updateDeployment(namespace, name, (t) => Object.assign(t, template));
  }

  /** kubectl delete pod: graceful deletion (deletionTimestamp now + grace). */
  deletePod(namespace: string, name: string, graceSeconds?: number): void {
    const pod = this.store.get('pods', namespace, name);
    if (!pod || pod.metadata.deletionTimestamp) return;
    const grace =
      graceSeconds ??
      (pod.spec as { terminationGracePeriodSeconds?: number }).terminationGracePeriodSeconds ??
      30;
    if (!(pod.spec as { nodeName?: string }).nodeName) {
      this.store.delete('pods', namespace, name);
      return;
    }
    pod.metadata.deletionTimestamp = rfc3339(this.clock.now() + grace * 1000);
    pod.metadata.deletionGracePeriodSeconds = grace;
    this.store.update('pods', pod);
  }

  /** Creates a pod owned by a StatefulSet/DaemonSet/Job (defaults and admission applied). */
  createOwnedPod(
    owner: KObject,
    name: string,
    template: PodTemplate,
    extra: { nodeName?: string; labels?: Record<string, string> } = {},
  ): KObject {
    const spec = admitPodSpec(
      defaultPodSpec({ ...template.spec, ...(extra.nodeName ? { nodeName: extra.nodeName } : {}) }),
      this.rng,
    );
    return this.store.create('pods', {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name,
        namespace: owner.metadata.namespace,
        labels: { ...(template.metadata.labels ?? {}), ...(extra.labels ?? {}) },
        ownerReferences: [
          {
            apiVersion: owner.apiVersion,
            kind: owner.kind,
            name: owner.metadata.name,
            uid: owner.metadata.uid,
            controller: true,
            blockOwnerDeletion: true,
          },
        ],
      },
      spec,
      status: { phase: 'Pending', qosClass: qosClass(spec.containers) },
    });
  }

  /** kubectl cordon / uncordon. */
  cordon(nodeName: string, unschedulable: boolean): void {
    const node = this.store.get('nodes', undefined, nodeName);
    if (!node) return;
    const spec = node.spec as Record<string, unknown>;
    if (unschedulable) spec.unschedulable = true;
    else delete spec.unschedulable;
    this.store.update('nodes', node);
  }

  /** Pods of a namespace that are not being deleted, oldest first. */
  livePods(namespace: string): KObject[] {
    return this.store
      .list('pods')
      .filter((p) => p.metadata.namespace === namespace && !p.metadata.deletionTimestamp)
      .sort((a, b) => (a.metadata.creationTimestamp < b.metadata.creationTimestamp ? -1 : 1));
  }

  private refreshNodeImages(node: NodeRuntime): void {
    const obj = this.store.get('nodes', undefined, node.name);
    if (!obj) return;
    const byDigest = new Map<string, string[]>();
    for (const [ref, digest] of node.images)
      byDigest.set(digest, [...(byDigest.get(digest) ?? []), ref]);
    (obj.status as Record<string, unknown>).images = [...byDigest.entries()].map(
      ([digest, names]) => ({
        names: names.sort((a, b) =>
          a.includes('@') === b.includes('@') ? (a < b ? -1 : 1) : a.includes('@') ? -1 : 1,
        ),
        sizeBytes: this.registry.sizeOf(digest),
      }),
    );
    this.store.update('nodes', obj);
  }
}
