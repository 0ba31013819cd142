/**
 * The Endpoints controller (pkg/controller/endpoint), reduced to what clients read: for every
 * Service with a selector, an Endpoints object of the same name listing the matching pods'
 * IPs — ready ones under `addresses`, the others under `notReadyAddresses` — with the Service's
 * ports. Services without a selector keep whatever Endpoints were written by hand.
 */
import type { SimClock } from '../sim/clock';
import type { ObjectStore } from '../store/object-store';
import type { KObject } from '../store/types';
import { isPodReady } from './replicaset-controller';
import { WorkQueue } from './work-queue';

type ServiceSpec = {
  selector?: Record<string, string>;
  ports?: { name?: string; port: number; targetPort?: number | string; protocol?: string }[];
};

export class EndpointsController {
  private readonly queue: WorkQueue;

  constructor(
    private readonly store: ObjectStore,
    clock: SimClock,
  ) {
    this.queue = new WorkQueue(clock, (key) => this.reconcile(key));
    store.subscribe((change) => {
      const o = change.object;
      if (change.resource === 'services')
        this.queue.add(`${o.metadata.namespace}/${o.metadata.name}`);
      if (change.resource === 'pods')
        for (const svc of store.list('services'))
          if (svc.metadata.namespace === o.metadata.namespace)
            this.queue.add(`${svc.metadata.namespace}/${svc.metadata.name}`);
    });
  }

  private reconcile(key: string): void {
    const [namespace = '', name = ''] = key.split('/');
    const svc = this.store.get('services', namespace, name);
    const existing = this.store.get('endpoints', namespace, name);
    if (!svc) {
      if (existing) this.store.delete('endpoints', namespace, name);
      return;
    }
    const spec = svc.spec as ServiceSpec;
    if (!spec.selector) return;
    const selector = spec.selector;
    const pods = this.store
      .list('pods')
      .filter(
        (p) =>
          p.metadata.namespace === namespace &&
          !p.metadata.deletionTimestamp &&
          (p.status as { podIP?: string } | undefined)?.podIP &&
          Object.entries(selector).every(([k, v]) => p.metadata.labels?.[k] === v),
      );
    const address = (p: KObject) => ({
      ip: (p.status as { podIP: string }).podIP,
      ...((p.spec as { nodeName?: string }).nodeName
        ? { nodeName: (p.spec as { nodeName: string }).nodeName }
        : {}),
      targetRef: {
        kind: 'Pod',
        namespace,
        name: p.metadata.name,
        uid: p.metadata.uid,
      },
    });
    const ready = pods.filter(isPodReady).map(address);
    const notReady = pods.filter((p) => !isPodReady(p)).map(address);
    const ports = (spec.ports ?? []).map((p) => ({
      ...(p.name ? { name: p.name } : {}),
      port: typeof p.targetPort === 'number' ? p.targetPort : p.port,
      protocol: p.protocol ?? 'TCP',
    }));
    const subsets =
      ready.length || notReady.length
        ? [
            {
              ...(ready.length ? { addresses: ready } : {}),
              ...(notReady.length ? { notReadyAddresses: notReady } : {}),
              ports,
            },
          ]
        : [];
    const body = {
      apiVersion: 'v1',
      kind: 'Endpoints',
      metadata: {
        name,
        namespace,
        labels: {
          ...(svc.metadata.labels ?? {}),
          'endpoints.kubernetes.io/managed-by': 'endpoint-controller',
        },
      },
      ...(subsets.length ? { subsets } : {}),
    };
    if (!existing) {
      this.store.create('endpoints', body);
      return;
    }
    if (JSON.stringify(existing.subsets ?? []) === JSON.stringify(body.subsets ?? [])) return;
    this.store.update('endpoints', {
      ...existing,
      ...body,
      metadata: { ...existing.metadata, ...body.metadata },
    } as KObject);
  }
}
