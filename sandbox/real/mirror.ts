/**
 * Plays the simulated cluster onto a real API server, as KWOK does: every change of the
 * simulator's store (the same scenarios, controllers and kubelet as the in-memory sandbox) is
 * written through the real API — objects created with the owners' real UIDs, pod status through
 * the status subresource (a merge patch carrying the pod's UID as precondition, as the kubelet
 * writes it), pods bound to nodes through pods/binding, graceful deletes, events created and
 * then patched with their counts, as client-go's recorder does.
 *
 * Only the scenarios' namespaces (created and labelled here), the simulated nodes and the events
 * the simulator emits are written; everything else on the cluster is left alone.
 */
import { RESOURCES, type ResourceDef } from '../store/resources';
import type { Change, KObject } from '../store/types';
import type { ObjectStore } from '../store/object-store';
import type { RealClient, RealResponse } from './client';

/** Label on every namespace and node the simulator creates (and will delete). */
export const MANAGED_LABEL = 'podtrail.dev/sandbox';

type Json = Record<string, unknown>;

const WITH_STATUS = new Set([
  'pods',
  'nodes',
  'apps/deployments',
  'apps/replicasets',
  'apps/statefulsets',
  'apps/daemonsets',
  'batch/jobs',
]);
const GENERATION_TRACKED = new Set([
  'apps/deployments',
  'apps/replicasets',
  'apps/statefulsets',
  'apps/daemonsets',
  'batch/jobs',
]);

/** The path of a resource collection (ns given) or object (name given). */
export function resourcePath(def: ResourceDef, namespace?: string, name?: string): string {
  const base = def.group ? `/apis/${def.group}/${def.version}` : `/api/${def.version}`;
  const ns = def.namespaced && namespace ? `/namespaces/${encodeURIComponent(namespace)}` : '';
  return `${base}${ns}/${def.plural}${name ? `/${encodeURIComponent(name)}` : ''}`;
}

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** An RFC 7386 merge patch turning `from` into `to` (undefined when equal). */
export function mergeDiff(from: unknown, to: unknown): unknown {
  if (isObject(from) && isObject(to)) {
    const out: Json = {};
    for (const k of new Set([...Object.keys(from), ...Object.keys(to)])) {
      if (!(k in to)) out[k] = null;
      else if (!(k in from)) out[k] = to[k];
      else {
        const d = mergeDiff(from[k], to[k]);
        if (d !== undefined) out[k] = d;
      }
    }
    return Object.keys(out).length ? out : undefined;
  }
  return JSON.stringify(from) === JSON.stringify(to) ? undefined : to;
}

interface Pending {
  def: ResourceDef;
  type: Change['type'];
  object: KObject;
}

interface Mirrored {
  /** What was last written (real UIDs, no server-owned metadata). */
  sent: Json;
  realUid: string;
  generation?: number;
  deleting?: boolean;
}

/** Options of a mirror. */
export interface MirrorOptions {
  client: RealClient;
  store: ObjectStore;
  /** Namespaces the simulator owns on the real cluster (scenario namespaces). */
  namespaces: string[];
  /** Where the API server reaches the simulated kubelets (the log endpoint). */
  kubeletPort: number;
  /** Label value marking this run's objects. */
  runId: string;
  log?: (msg: string) => void;
}

/** Replicates the simulator's store into a real API server. */
export class Mirror {
  readonly errors: string[] = [];
  private readonly uids = new Map<string, string>();
  private readonly mirrored = new Map<string, Mirrored>();
  private readonly queue = new Map<string, Pending>();
  private readonly ours: Set<string>;
  private readonly createdEvents = new Set<string>();
  private running = false;
  private idleWaiters: (() => void)[] = [];
  private unsubscribe?: () => void;
  private stopped = false;

  constructor(private readonly o: MirrorOptions) {
    this.ours = new Set(o.namespaces);
  }

  /** Copies the current state, then follows every change until stop(). */
  async start(): Promise<void> {
    const order = [
      'namespaces',
      'nodes',
      'configmaps',
      'limitranges',
      'services',
      'apps/deployments',
      'apps/statefulsets',
      'apps/daemonsets',
      'batch/jobs',
      'apps/replicasets',
      'pods',
      'events',
    ];
    const ids = [...order, ...RESOURCES.map((r) => r.id).filter((id) => !order.includes(id))];
    for (const id of ids) {
      const def = RESOURCES.find((r) => r.id === id);
      if (!def) continue;
      for (const object of this.o.store.list(id)) this.enqueue(def, 'ADDED', object);
    }
    this.unsubscribe = this.o.store.subscribe((change) => {
      const def = RESOURCES.find((r) => r.id === change.resource);
      if (def) this.enqueue(def, change.type, change.object);
    });
    await this.synced();
  }

  /** Resolves when every change so far has been written. */
  synced(): Promise<void> {
    if (!this.running && this.queue.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** The real UID of a simulated object's UID (as written to the real server). */
  realUid(simUid: string): string | undefined {
    return this.uids.get(simUid);
  }

  /** Stops following changes (objects stay; see cleanup()). */
  async stop(): Promise<void> {
    this.unsubscribe?.();
    this.stopped = true;
    this.queue.clear();
    await this.synced();
  }

  /** Deletes what the simulator created: pods (grace 0), namespaces, nodes, events elsewhere. */
  async cleanup(): Promise<void> {
    const c = this.o.client;
    for (const ns of this.ours)
      await c
        .request('DELETE', `/api/v1/namespaces/${ns}/pods?gracePeriodSeconds=0`)
        .catch(() => undefined);
    for (const ns of this.ours)
      await c.request('DELETE', `/api/v1/namespaces/${ns}`).catch(() => undefined);
    const nodes = await c.request('GET', `/api/v1/nodes?labelSelector=${MANAGED_LABEL}`);
    if (nodes.status === 200)
      for (const n of nodes.json<{ items: KObject[] }>().items)
        await c.request('DELETE', `/api/v1/nodes/${n.metadata.name}`).catch(() => undefined);
    for (const path of this.createdEvents) await c.request('DELETE', path).catch(() => undefined);
  }

  private enqueue(def: ResourceDef, type: Change['type'], object: KObject): void {
    if (this.stopped || !this.wanted(def, object)) return;
    // Coalesce: only the newest state of an object matters; it keeps its place in the queue so
    // owners are still written before what they own.
    this.queue.set(this.key(def, object), { def, type, object });
    if (!this.running) void this.run();
  }

  private wanted(def: ResourceDef, obj: KObject): boolean {
    if (def.group === 'events.k8s.io' || def.group === 'metrics.k8s.io') return false; // views
    if (def.id === 'nodes') return true;
    if (def.id === 'namespaces') return this.ours.has(obj.metadata.name);
    if (def.id === 'events') return true;
    return !!obj.metadata.namespace && this.ours.has(obj.metadata.namespace);
  }

  private key(def: ResourceDef, obj: KObject): string {
    return `${def.id}|${obj.metadata.namespace ?? ''}|${obj.metadata.name}`;
  }

  private async run(): Promise<void> {
    this.running = true;
    try {
      while (this.queue.size) {
        const [key, item] = this.queue.entries().next().value as [string, Pending];
        this.queue.delete(key);
        try {
          await this.apply(key, item);
        } catch (err) {
          this.fail(`${item.type} ${key}: ${(err as Error).message}`);
        }
      }
    } finally {
      this.running = false;
      const waiters = this.idleWaiters;
      this.idleWaiters = [];
      for (const w of waiters) w();
    }
  }

  private fail(msg: string): void {
    this.errors.push(msg);
    this.o.log?.(`simulator: ${msg}`);
  }

  private check(res: RealResponse, what: string, ok: number[] = [200, 201]): RealResponse {
    if (!ok.includes(res.status))
      throw new Error(`${what}: ${res.status} ${res.body.slice(0, 500)}`);
    return res;
  }

  private async apply(key: string, { def, type, object }: Pending): Promise<void> {
    const c = this.o.client;
    const ns = object.metadata.namespace;
    const name = object.metadata.name;
    const path = resourcePath(def, ns, name);
    const known = this.mirrored.get(key);

    if (type === 'DELETED') {
      if (!known) return;
      const q = def.id === 'pods' ? '?gracePeriodSeconds=0' : '';
      this.check(await c.request('DELETE', path + q), `delete ${path}`, [200, 202, 404]);
      this.mirrored.delete(key);
      this.createdEvents.delete(path);
      return;
    }

    const desired = this.toReal(def, object);
    if (!known) {
      await this.create(key, def, object, desired, path);
      return;
    }
    if (known.deleting) return;

    // Metadata/spec changes (pods: only what a real pod allows — metadata and the binding).
    const { status: _s, ...mainNow } = desired;
    const { status: _p, ...mainBefore } = known.sent;
    let mainPatch = mergeDiff(mainBefore, mainNow) as Json | undefined;
    if (def.id === 'pods' && mainPatch) {
      const nodeName = (mainPatch.spec as Json | undefined)?.nodeName;
      if (typeof nodeName === 'string') await this.bind(ns ?? '', name, nodeName);
      mainPatch = mainPatch.metadata ? { metadata: mainPatch.metadata } : undefined;
    }
    if (mainPatch) {
      const res = this.check(
        await c.request('PATCH', path, mainPatch, 'application/merge-patch+json'),
        `patch ${path}`,
      );
      known.generation = res.json<KObject>().metadata.generation;
    }
    known.sent = { ...mainNow, status: known.sent.status };

    if (object.metadata.deletionTimestamp && def.id === 'pods') {
      const grace = object.metadata.deletionGracePeriodSeconds ?? 30;
      this.check(
        await c.request('DELETE', `${path}?gracePeriodSeconds=${grace}`),
        `delete ${path}`,
        [200, 202, 404],
      );
      known.deleting = true;
      return;
    }
    await this.writeStatus(def, path, object, desired, known);
  }

  private async create(
    key: string,
    def: ResourceDef,
    object: KObject,
    desired: Json,
    path: string,
  ): Promise<void> {
    const c = this.o.client;
    const collection = resourcePath(def, object.metadata.namespace);
    let res = await c.request('POST', collection, desired);
    if (res.status === 409) {
      res = this.check(await c.request('GET', path), `get ${path}`);
      const existing = res.json<KObject>();
      this.uids.set(object.metadata.uid, existing.metadata.uid);
      if (def.id === 'configmaps' && object.metadata.name === 'kube-root-ca.crt') {
        // The cluster's controller-manager made it: keep theirs.
        this.mirrored.set(key, { sent: desired, realUid: existing.metadata.uid });
        return;
      }
      // Ours from an earlier run (a node): write everything over it.
      this.mirrored.set(key, {
        sent: { status: {} },
        realUid: existing.metadata.uid,
        generation: existing.metadata.generation,
      });
      await this.apply(key, { def, type: 'MODIFIED', object });
      return;
    }
    this.check(res, `create ${path}`);
    const created = res.json<KObject>();
    this.uids.set(object.metadata.uid, created.metadata.uid);
    const known: Mirrored = {
      sent: { ...desired, status: created.status ?? {} },
      realUid: created.metadata.uid,
      generation: created.metadata.generation,
    };
    this.mirrored.set(key, known);
    if (
      def.id === 'events' &&
      object.metadata.namespace &&
      !this.ours.has(object.metadata.namespace)
    )
      this.createdEvents.add(path);
    if (def.id === 'namespaces') {
      // No controller-manager may run: the namespace's `default` ServiceAccount is ours to make.
      this.check(
        await c.request('POST', `/api/v1/namespaces/${object.metadata.name}/serviceaccounts`, {
          apiVersion: 'v1',
          kind: 'ServiceAccount',
          metadata: { name: 'default' },
        }),
        `create serviceaccount ${object.metadata.name}/default`,
        [201, 409],
      );
    }
    await this.writeStatus(def, path, object, desired, known);
  }

  private async bind(namespace: string, name: string, nodeName: string): Promise<void> {
    this.check(
      await this.o.client.request('POST', `/api/v1/namespaces/${namespace}/pods/${name}/binding`, {
        apiVersion: 'v1',
        kind: 'Binding',
        metadata: { name },
        target: { apiVersion: 'v1', kind: 'Node', name: nodeName },
      }),
      `bind ${namespace}/${name}`,
      [201],
    );
  }

  private async writeStatus(
    def: ResourceDef,
    path: string,
    object: KObject,
    desired: Json,
    known: Mirrored,
  ): Promise<void> {
    if (!WITH_STATUS.has(def.id) || desired.status === undefined) return;
    const status = structuredClone(desired.status) as Json;
    // The simulator counts generations from the first spec it ever had; the real server from
    // the create. "Observed the current spec" is what has to carry over.
    if (
      GENERATION_TRACKED.has(def.id) &&
      known.generation !== undefined &&
      status.observedGeneration !== undefined &&
      status.observedGeneration === object.metadata.generation
    )
      status.observedGeneration = known.generation;
    const patch = mergeDiff(known.sent.status ?? {}, status);
    if (patch === undefined) return;
    const body =
      def.id === 'pods' ? { metadata: { uid: known.realUid }, status: patch } : { status: patch };
    this.check(
      await this.o.client.request('PATCH', `${path}/status`, body, 'application/merge-patch+json'),
      `patch ${path}/status`,
    );
    known.sent = { ...known.sent, status };
  }

  /** The object as it is written to the real server. */
  private toReal(def: ResourceDef, object: KObject): Json {
    const o = this.mapUids(structuredClone(object)) as KObject;
    const md = o.metadata as unknown as Json;
    for (const k of [
      'uid',
      'resourceVersion',
      'creationTimestamp',
      'generation',
      'deletionTimestamp',
      'deletionGracePeriodSeconds',
      'managedFields',
      'selfLink',
    ])
      delete md[k];
    const labels = (o.metadata.labels ??= {});
    switch (def.id) {
      case 'namespaces':
        labels[MANAGED_LABEL] = this.o.runId;
        delete o.spec;
        delete o.status;
        break;
      case 'nodes': {
        labels[MANAGED_LABEL] = this.o.runId;
        const status = (o.status ?? {}) as Json;
        // The API server proxies kubelet requests (logs) to InternalIP:kubeletEndpoint.Port.
        status.addresses = [
          { type: 'InternalIP', address: '127.0.0.1' },
          { type: 'Hostname', address: o.metadata.name },
        ];
        status.daemonEndpoints = { kubeletEndpoint: { Port: this.o.kubeletPort } };
        // Nothing real may be scheduled onto a simulated node.
        const spec = (o.spec ??= {}) as Json;
        spec.taints = [
          ...((spec.taints as unknown[] | undefined) ?? []),
          { key: MANAGED_LABEL, value: 'true', effect: 'NoSchedule' },
        ];
        break;
      }
      case 'events': {
        const inv = o.involvedObject as Json | undefined;
        if (inv) delete inv.resourceVersion;
        break;
      }
      case 'services': {
        // ClusterIPs come from the real server's own service range.
        const spec = o.spec as Json;
        if (spec.clusterIP !== 'None') {
          delete spec.clusterIP;
          delete spec.clusterIPs;
        }
        break;
      }
      case 'batch/jobs': {
        // The API server generates a Job's selector and controller-uid labels from its own UID.
        const spec = o.spec as Json;
        delete spec.selector;
        const tl = ((spec.template as Json).metadata as Json | undefined)?.labels as
          Json | undefined;
        if (tl)
          for (const k of ['controller-uid', 'batch.kubernetes.io/controller-uid']) delete tl[k];
        break;
      }
    }
    if (!Object.keys(labels).length) delete o.metadata.labels;
    return o as unknown as Json;
  }

  /** Replaces every string equal to a simulated UID already written with the real UID. */
  private mapUids(v: unknown): unknown {
    if (typeof v === 'string') return this.uids.get(v) ?? v;
    if (Array.isArray(v)) return v.map((x) => this.mapUids(x));
    if (isObject(v)) {
      for (const k of Object.keys(v)) v[k] = this.mapUids(v[k]);
      return v;
    }
    return v;
  }
}

/** Checks the simulator may use these namespaces and nodes on the real cluster. */
export async function preflight(
  client: RealClient,
  namespaces: string[],
  nodes: string[],
): Promise<void> {
  const problems: string[] = [];
  for (const ns of namespaces) {
    const res = await client.request('GET', `/api/v1/namespaces/${ns}`);
    if (res.status === 404) continue;
    if (res.status !== 200) {
      problems.push(`namespace ${ns}: ${res.status} ${res.body.slice(0, 200)}`);
      continue;
    }
    const labels = res.json<KObject>().metadata.labels ?? {};
    problems.push(
      labels[MANAGED_LABEL]
        ? `namespace "${ns}" is left from an earlier run (delete it: kubectl delete namespace ${ns})`
        : `namespace "${ns}" exists and was not created by the sandbox; refusing to touch it`,
    );
  }
  for (const node of nodes) {
    const res = await client.request('GET', `/api/v1/nodes/${node}`);
    if (res.status === 200 && !res.json<KObject>().metadata.labels?.[MANAGED_LABEL])
      problems.push(
        `node "${node}" exists and was not created by the sandbox; refusing to touch it`,
      );
  }
  if (problems.length)
    throw new Error(
      `cannot play the scenarios on context "${client.context}":\n  ${problems.join('\n  ')}`,
    );
}
