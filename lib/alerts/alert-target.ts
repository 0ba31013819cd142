// Which pod or workload an alert is about, from its labels. kube-prometheus' rules label pod
// alerts with namespace/pod/container (kube-state-metrics, honorLabels) and workload alerts with
// deployment, statefulset, daemonset or job_name; a multi-cluster Prometheus adds `cluster`.
// Federated or relabelled setups may carry the same names prefixed with `exported_`.

/** What an alert (or a /go link) points at. */
export interface AlertTarget {
  cluster?: string;
  namespace?: string;
  pod?: string;
  container?: string;
  workload?: { kind: WorkloadKind; name: string };
}

/** The workload kinds an alert label can name (as the API spells them). */
export type WorkloadKind =
  'Deployment' | 'StatefulSet' | 'DaemonSet' | 'Job' | 'CronJob' | 'ReplicaSet';

/** Label name → workload kind, in the order they win when several are present. */
const WORKLOAD_LABELS: Array<[string, WorkloadKind]> = [
  ['deployment', 'Deployment'],
  ['statefulset', 'StatefulSet'],
  ['daemonset', 'DaemonSet'],
  ['job_name', 'Job'],
  ['cronjob', 'CronJob'],
  ['replicaset', 'ReplicaSet'],
];

const OWNER_KINDS = new Set<string>(WORKLOAD_LABELS.map(([, kind]) => kind));

function pick(labels: Record<string, string | undefined>, name: string): string | undefined {
  const value = labels[name] ?? labels[`exported_${name}`];
  return value ? value : undefined;
}

function workloadOf(labels: Record<string, string | undefined>): AlertTarget['workload'] {
  for (const [label, kind] of WORKLOAD_LABELS) {
    const name = pick(labels, label);
    if (name) return { kind, name };
  }
  // kube_pod_owner's owner_kind/owner_name, as some rules copy them onto the alert.
  const kind = pick(labels, 'owner_kind');
  const name = pick(labels, 'owner_name');
  if (kind && name && OWNER_KINDS.has(kind)) return { kind: kind as WorkloadKind, name };
  return undefined;
}

/** Reads the target of an alert (or of a /go query) from Prometheus label names. */
export function targetOfLabels(labels: Record<string, string | undefined>): AlertTarget {
  return {
    cluster: pick(labels, 'cluster'),
    namespace: pick(labels, 'namespace'),
    pod: pick(labels, 'pod'),
    container: pick(labels, 'container'),
    workload: workloadOf(labels),
  };
}
