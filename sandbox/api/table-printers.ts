/**
 * Server-side Table rows as kube-apiserver prints them (pkg/printers/internalversion/printers.go:
 * printPod, printDeployment, printReplicaSet, printEvent, printNode, printNamespace), generated
 * with Wide so kubectl can hide priority-1 columns itself.
 * Somewhat over the house size: the column definitions are long but flat data.
 */
import { humanDuration } from '../sim/human-duration';
import type { KObject } from '../store/types';

/** metav1.TableColumnDefinition. */
export interface Column {
  name: string;
  type: string;
  format: string;
  description: string;
  priority: number;
}

/** A printer: columns and a function producing one row's cells. */
export interface Printer {
  columns: Column[];
  cells: (obj: KObject, now: number) => unknown[];
}

/** Shared with table-printers-workloads.ts. */
export const col = (
  name: string,
  type = 'string',
  priority = 0,
  format = '',
  description = '',
): Column => ({
  name,
  type,
  format,
  description: description || name,
  priority,
});
/** Shared with table-printers-workloads.ts. */
export const NAME = col('Name', 'string', 0, 'name', 'Name must be unique within a namespace.');
/** Shared with table-printers-workloads.ts. */
export const since = (now: number, ts: unknown) =>
  typeof ts === 'string' && ts ? humanDuration(now - Date.parse(ts)) : '<unknown>';
export type Any = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- printers read loosely typed JSON

function podCells(obj: KObject, now: number): unknown[] {
  const pod = obj as Any;
  const statuses: Any[] = pod.status?.containerStatuses ?? [];
  let reason: string = pod.status?.reason || pod.status?.phase || '';
  let restarts = 0;
  let ready = 0;
  let lastRestart = 0;
  let hasRunning = false;
  for (let i = statuses.length - 1; i >= 0; i--) {
    const c = statuses[i] as Any;
    restarts += c.restartCount ?? 0;
    const finished = c.lastState?.terminated?.finishedAt;
    if (finished) lastRestart = Math.max(lastRestart, Date.parse(finished));
    if (c.state?.waiting?.reason) reason = c.state.waiting.reason;
    else if (c.state?.terminated?.reason) reason = c.state.terminated.reason;
    else if (c.state?.terminated) reason = `ExitCode:${c.state.terminated.exitCode}`;
    else if (c.ready && c.state?.running) {
      hasRunning = true;
      ready++;
    }
  }
  if (reason === 'Completed' && hasRunning) {
    const readyCond = (pod.status?.conditions ?? []).some(
      (c: Any) => c.type === 'Ready' && c.status === 'True',
    );
    reason = readyCond ? 'Running' : 'NotReady';
  }
  if (pod.metadata.deletionTimestamp) reason = 'Terminating';
  const restartsStr =
    restarts !== 0 && lastRestart
      ? `${restarts} (${humanDuration(now - lastRestart)} ago)`
      : String(restarts);
  const total = (pod.spec?.containers ?? []).length;
  return [
    pod.metadata.name,
    `${ready}/${total}`,
    reason,
    restartsStr,
    since(now, pod.metadata.creationTimestamp),
    pod.status?.podIP || '<none>',
    pod.spec?.nodeName || '<none>',
    pod.status?.nominatedNodeName || '<none>',
    '<none>',
  ];
}

/** Shared with table-printers-workloads.ts. */
export const images = (o: Any) =>
  (o.spec?.template?.spec?.containers ?? []).map((c: Any) => c.image).join(',');
/** Shared with table-printers-workloads.ts. */
export const names = (o: Any) =>
  (o.spec?.template?.spec?.containers ?? []).map((c: Any) => c.name).join(',');
/** Shared with table-printers-workloads.ts. */
export const selector = (o: Any) =>
  Object.entries((o.spec?.selector?.matchLabels ?? {}) as Record<string, string>)
    .map(([k, v]) => `${k}=${v}`)
    .join(',');

function source(e: Any): string {
  const component = e.source?.component || e.reportingComponent || '';
  const instance = e.source?.host || e.reportingInstance || '';
  return instance ? `${component}, ${instance}` : component;
}

function eventCells(obj: KObject, now: number): unknown[] {
  const e = obj as Any;
  const first = e.firstTimestamp ? since(now, e.firstTimestamp) : since(now, e.eventTime);
  const last = e.lastTimestamp ? since(now, e.lastTimestamp) : first;
  const target = e.involvedObject?.name
    ? `${String(e.involvedObject.kind).toLowerCase()}/${e.involvedObject.name}`
    : String(e.involvedObject?.kind ?? '').toLowerCase();
  return [
    last,
    e.type,
    e.reason,
    target,
    e.involvedObject?.fieldPath ?? '',
    source(e),
    String(e.message ?? '').trim(),
    first,
    e.count || 1,
    e.metadata.name,
  ];
}

/** Printers by store resource id. */
export const PRINTERS: Record<string, Printer> = {
  pods: {
    columns: [
      NAME,
      col(
        'Ready',
        'string',
        0,
        '',
        'The aggregate readiness state of this pod for accepting traffic.',
      ),
      col('Status', 'string', 0, '', 'The aggregate status of the containers in this pod.'),
      col(
        'Restarts',
        'string',
        0,
        '',
        'The number of times the containers in this pod have been restarted and when the last container in this pod has restarted.',
      ),
      col(
        'Age',
        'string',
        0,
        '',
        'CreationTimestamp is a timestamp representing the server time when this object was created.',
      ),
      col(
        'IP',
        'string',
        1,
        '',
        'IP address allocated to the pod. Routable at least within the cluster.',
      ),
      col(
        'Node',
        'string',
        1,
        '',
        'NodeName is a request to schedule this pod onto a specific node.',
      ),
      col(
        'Nominated Node',
        'string',
        1,
        '',
        'nominatedNodeName is set only when this pod preempts other pods on the node.',
      ),
      col(
        'Readiness Gates',
        'string',
        1,
        '',
        'If specified, all readiness gates will be evaluated for pod readiness.',
      ),
    ],
    cells: podCells,
  },
  'apps/deployments': {
    columns: [
      NAME,
      col('Ready'),
      col('Up-to-date', 'integer'),
      col('Available', 'integer'),
      col('Age'),
      col('Containers', 'string', 1),
      col('Images', 'string', 1),
      col('Selector', 'string', 1),
    ],
    cells: (o, now) => {
      const d = o as Any;
      return [
        d.metadata.name,
        `${d.status?.readyReplicas ?? 0}/${d.spec?.replicas ?? 0}`,
        d.status?.updatedReplicas ?? 0,
        d.status?.availableReplicas ?? 0,
        since(now, d.metadata.creationTimestamp),
        names(d),
        images(d),
        selector(d),
      ];
    },
  },
  'apps/replicasets': {
    columns: [
      NAME,
      col('Desired', 'integer'),
      col('Current', 'integer'),
      col('Ready', 'integer'),
      col('Age'),
      col('Containers', 'string', 1),
      col('Images', 'string', 1),
      col('Selector', 'string', 1),
    ],
    cells: (o, now) => {
      const r = o as Any;
      return [
        r.metadata.name,
        r.spec?.replicas ?? 0,
        r.status?.replicas ?? 0,
        r.status?.readyReplicas ?? 0,
        since(now, r.metadata.creationTimestamp),
        names(r),
        images(r),
        selector(r),
      ];
    },
  },
  events: {
    columns: [
      col('Last Seen'),
      col('Type'),
      col('Reason'),
      col('Object'),
      col('Subobject', 'string', 1),
      col('Source', 'string', 1),
      col('Message'),
      col('First Seen', 'string', 1),
      col('Count', 'string', 1),
      col('Name', 'string', 1),
    ],
    cells: eventCells,
  },
  nodes: {
    columns: [
      NAME,
      col('Status'),
      col('Roles'),
      col('Age'),
      col('Version'),
      col('Internal-IP', 'string', 1),
      col('External-IP', 'string', 1),
      col('OS-Image', 'string', 1),
      col('Kernel-Version', 'string', 1),
      col('Container-Runtime', 'string', 1),
    ],
    cells: (o, now) => {
      const n = o as Any;
      const ready = (n.status?.conditions ?? []).find((c: Any) => c.type === 'Ready');
      const ip =
        (n.status?.addresses ?? []).find((a: Any) => a.type === 'InternalIP')?.address ?? '<none>';
      const info = n.status?.nodeInfo ?? {};
      return [
        n.metadata.name,
        ready?.status === 'True' ? 'Ready' : 'NotReady',
        '<none>',
        since(now, n.metadata.creationTimestamp),
        info.kubeletVersion,
        ip,
        '<none>',
        info.osImage,
        info.kernelVersion,
        info.containerRuntimeVersion,
      ];
    },
  },
  namespaces: {
    columns: [NAME, col('Status'), col('Age')],
    cells: (o, now) => [
      o.metadata.name,
      (o as Any).status?.phase ?? '',
      since(now, o.metadata.creationTimestamp),
    ],
  },
};

/** events.k8s.io/v1 Events print like core ones (the server converts both to the internal type). */
PRINTERS['events.k8s.io/events'] = {
  columns: PRINTERS.events?.columns ?? [],
  cells: (o, now) => {
    const e = o as Any;
    const core = {
      ...e,
      involvedObject: e.regarding ?? {},
      message: e.note,
      source: e.deprecatedSource,
      firstTimestamp: e.deprecatedFirstTimestamp,
      lastTimestamp: e.deprecatedLastTimestamp,
      count: e.deprecatedCount,
      reportingComponent: e.reportingController,
    };
    return eventCells(core as unknown as KObject, now);
  },
};

/** The default printer of resources without one: Name and Created At (metav1 default table). */
export const DEFAULT_PRINTER: Printer = {
  columns: [
    NAME,
    col(
      'Created At',
      'date',
      0,
      '',
      'CreationTimestamp is a timestamp representing the server time when this object was created.',
    ),
  ],
  cells: (o) => [o.metadata.name, o.metadata.creationTimestamp],
};
