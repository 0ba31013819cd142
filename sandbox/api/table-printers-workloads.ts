/**
 * Server-side Table rows for StatefulSets, DaemonSets, Jobs and ConfigMaps
 * (pkg/printers/internalversion/printers.go printStatefulSet, printDaemonSet, printJob, printConfigMap).
 */
import { humanDuration } from '../sim/human-duration';
import type { KObject } from '../store/types';
import {
  col,
  images,
  NAME,
  names,
  selector,
  since,
  type Any,
  type Printer,
} from './table-printers';

function jobCells(o: KObject, now: number): unknown[] {
  const j = o as Any;
  const conds: Any[] = j.status?.conditions ?? [];
  const has = (t: string) => conds.some((c) => c.type === t && c.status === 'True');
  const status = has('Failed')
    ? 'Failed'
    : has('Complete')
      ? 'Complete'
      : j.spec?.suspend
        ? 'Suspended'
        : 'Running';
  const start = j.status?.startTime ? Date.parse(j.status.startTime) : 0;
  const end = j.status?.completionTime ? Date.parse(j.status.completionTime) : now;
  return [
    j.metadata.name,
    status,
    `${j.status?.succeeded ?? 0}/${j.spec?.completions ?? 1}`,
    start ? humanDuration(end - start) : '',
    since(now, j.metadata.creationTimestamp),
    names(j),
    images(j),
    Object.entries(j.spec?.selector?.matchLabels ?? {})
      .map(([k, v]) => `${k}=${String(v)}`)
      .join(','),
  ];
}

/** Printers of workloads kubectl lists with `get all`, by store resource id. */
export const WORKLOAD_PRINTERS = {
  'apps/statefulsets': {
    columns: [
      NAME,
      col('Ready'),
      col('Age'),
      col('Containers', 'string', 1),
      col('Images', 'string', 1),
    ],
    cells: (o: KObject, now: number) => {
      const s = o as Any;
      return [
        s.metadata.name,
        `${s.status?.readyReplicas ?? 0}/${s.spec?.replicas ?? 0}`,
        since(now, s.metadata.creationTimestamp),
        names(s),
        images(s),
      ];
    },
  },
  'apps/daemonsets': {
    columns: [
      NAME,
      col('Desired', 'integer'),
      col('Current', 'integer'),
      col('Ready', 'integer'),
      col('Up-to-date', 'integer'),
      col('Available', 'integer'),
      col('Node Selector'),
      col('Age'),
      col('Containers', 'string', 1),
      col('Images', 'string', 1),
      col('Selector', 'string', 1),
    ],
    cells: (o: KObject, now: number) => {
      const d = o as Any;
      const st = d.status ?? {};
      const ns =
        Object.entries(d.spec?.template?.spec?.nodeSelector ?? {})
          .map(([k, v]) => `${k}=${String(v)}`)
          .join(',') || '<none>';
      return [
        d.metadata.name,
        st.desiredNumberScheduled ?? 0,
        st.currentNumberScheduled ?? 0,
        st.numberReady ?? 0,
        st.updatedNumberScheduled ?? 0,
        st.numberAvailable ?? 0,
        ns,
        since(now, d.metadata.creationTimestamp),
        names(d),
        images(d),
        selector(d),
      ];
    },
  },
  'batch/jobs': {
    columns: [
      NAME,
      col('Status'),
      col('Completions'),
      col('Duration'),
      col('Age'),
      col('Containers', 'string', 1),
      col('Images', 'string', 1),
      col('Selector', 'string', 1),
    ],
    cells: jobCells,
  },
  configmaps: {
    columns: [NAME, col('Data', 'integer'), col('Age')],
    cells: (o: KObject, now: number) => [
      o.metadata.name,
      Object.keys((o as Any).data ?? {}).length + Object.keys((o as Any).binaryData ?? {}).length,
      since(now, o.metadata.creationTimestamp),
    ],
  },
} satisfies Record<string, Printer>;
