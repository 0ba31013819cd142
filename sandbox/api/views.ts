/**
 * Resources computed from others: events.k8s.io/v1 Events (the conversion of core/v1 Events,
 * pkg/apis/events/v1 conversion) and metrics.k8s.io/v1beta1 PodMetrics/NodeMetrics (what
 * metrics-server reports from the kubelet's resource usage).
 */
import type { Kubelet } from '../kubelet/kubelet';
import type { SimClock } from '../sim/clock';
import { rfc3339 } from '../sim/time-format';
import type { ObjectStore } from '../store/object-store';
import type { KObject } from '../store/types';

/** core/v1 Event → events.k8s.io/v1 Event. */
export function toEventsV1(e: KObject): KObject {
  const count = e.count as number | undefined;
  return {
    apiVersion: 'events.k8s.io/v1',
    kind: 'Event',
    metadata: e.metadata,
    eventTime: e.eventTime ?? null,
    ...(e.series ? { series: e.series } : {}),
    reportingController: e.reportingComponent ?? '',
    reportingInstance: e.reportingInstance ?? '',
    ...(e.action ? { action: e.action } : {}),
    reason: e.reason,
    regarding: e.involvedObject,
    note: e.message,
    type: e.type,
    ...(e.source && Object.keys(e.source as object).length ? { deprecatedSource: e.source } : {}),
    ...(e.firstTimestamp ? { deprecatedFirstTimestamp: e.firstTimestamp } : {}),
    ...(e.lastTimestamp ? { deprecatedLastTimestamp: e.lastTimestamp } : {}),
    ...(count ? { deprecatedCount: count } : {}),
  };
}

/** Bytes of a memory quantity ("128Mi", "1Gi", "500M", "1048576"); undefined if absent/unknown. */
export function memoryBytes(q: string | undefined): number | undefined {
  const m = q ? /^(\d+(?:\.\d+)?)(Ki|Mi|Gi|Ti|k|M|G|T)?$/.exec(q) : null;
  if (!m) return undefined;
  const unit: Record<string, number> = {
    Ki: 2 ** 10,
    Mi: 2 ** 20,
    Gi: 2 ** 30,
    Ti: 2 ** 40,
    k: 1e3,
    M: 1e6,
    G: 1e9,
    T: 1e12,
  };
  return Number(m[1]) * (m[2] ? (unit[m[2]] ?? 1) : 1);
}

/** metrics-server's 15s resolution window as it prints it. */
const WINDOW = '15.017s';

/** PodMetrics of every pod with a running container. */
export function podMetrics(store: ObjectStore, kubelet: Kubelet, clock: SimClock): KObject[] {
  const now = clock.now();
  const out: KObject[] = [];
  for (const p of kubelet.pods.values()) {
    const containers = [...p.containers.values()].flatMap((c) => {
      const inst = c.instances[c.instances.length - 1];
      if (!inst || inst.finishedAt !== undefined) return [];
      const planned = inst.plan.memoryBytes?.(now - inst.startedAt) ?? 24 * 1024 * 1024;
      // A container never uses its memory limit: reaching it is an OOM kill. The working set
      // stays just under it (as a cgroup under pressure reclaims page cache).
      const limit = memoryBytes(
        (c.spec as { resources?: { limits?: { memory?: string } } }).resources?.limits?.memory,
      );
      const mem = limit !== undefined ? Math.min(planned, Math.floor(limit * 0.95)) : planned;
      const cpu = (inst.plan.cpuMillis ?? 2) * 1_000_000 + ((now / 1000) % 97) * 10_000;
      return [
        {
          name: c.spec.name,
          usage: { cpu: `${Math.round(cpu)}n`, memory: `${Math.round(mem / 1024)}Ki` },
        },
      ];
    });
    if (!containers.length) continue;
    const pod = store.get('pods', p.namespace, p.name);
    out.push({
      kind: 'PodMetrics',
      apiVersion: 'metrics.k8s.io/v1beta1',
      metadata: {
        name: p.name,
        namespace: p.namespace,
        creationTimestamp: rfc3339(now),
        labels: pod?.metadata.labels ?? {},
      } as KObject['metadata'],
      timestamp: rfc3339(now - 7_000),
      window: WINDOW,
      containers,
    });
  }
  return out.sort((a, b) =>
    `${a.metadata.namespace}/${a.metadata.name}`.localeCompare(
      `${b.metadata.namespace}/${b.metadata.name}`,
    ),
  );
}

/** NodeMetrics: the sum of the node's pods plus system overhead. */
export function nodeMetrics(store: ObjectStore, kubelet: Kubelet, clock: SimClock): KObject[] {
  const now = clock.now();
  const pods = podMetrics(store, kubelet, clock);
  return store.list('nodes').map((node) => {
    let cpu = 180_000_000;
    let mem = 1_150 * 1024;
    for (const pm of pods) {
      const rt = [...kubelet.pods.values()].find(
        (p) => p.name === pm.metadata.name && p.namespace === pm.metadata.namespace,
      );
      if (rt?.node.name !== node.metadata.name) continue;
      for (const c of pm.containers as { usage: { cpu: string; memory: string } }[]) {
        cpu += parseInt(c.usage.cpu, 10);
        mem += parseInt(c.usage.memory, 10);
      }
    }
    return {
      kind: 'NodeMetrics',
      apiVersion: 'metrics.k8s.io/v1beta1',
      metadata: {
        name: node.metadata.name,
        creationTimestamp: rfc3339(now),
        labels: node.metadata.labels ?? {},
      } as KObject['metadata'],
      timestamp: rfc3339(now - 9_000),
      window: '20.035s',
      usage: { cpu: `${cpu}n`, memory: `${mem}Ki` },
    };
  });
}
