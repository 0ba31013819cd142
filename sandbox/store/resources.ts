/**
 * The resources the sandbox serves, as discovery describes them (names, kinds, short names and
 * verbs copied from a kube-apiserver 1.32 `/api/v1` and `/apis/<group>/<version>` answer).
 */

/** One REST resource. `id` is the store key: `plural` for the core group, else `group/plural`. */
export interface ResourceDef {
  id: string;
  group: string;
  version: string;
  plural: string;
  singular: string;
  kind: string;
  namespaced: boolean;
  shortNames?: string[];
  categories?: string[];
  verbs: string[];
}

const READ = ['get', 'list', 'watch'];
const RW = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];

function def(
  group: string,
  version: string,
  plural: string,
  kind: string,
  namespaced: boolean,
  extra: Partial<ResourceDef> = {},
): ResourceDef {
  return {
    id: group ? `${group}/${plural}` : plural,
    group,
    version,
    plural,
    singular: kind.toLowerCase(),
    kind,
    namespaced,
    verbs: RW,
    ...extra,
  };
}

/** Every resource the sandbox knows, in discovery order. */
export const RESOURCES: ResourceDef[] = [
  def('', 'v1', 'configmaps', 'ConfigMap', true, { shortNames: ['cm'] }),
  def('', 'v1', 'endpoints', 'Endpoints', true, { shortNames: ['ep'] }),
  def('', 'v1', 'events', 'Event', true, { shortNames: ['ev'] }),
  def('', 'v1', 'limitranges', 'LimitRange', true, { shortNames: ['limits'] }),
  def('', 'v1', 'namespaces', 'Namespace', false, {
    shortNames: ['ns'],
    verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'],
  }),
  def('', 'v1', 'nodes', 'Node', false, { shortNames: ['no'] }),
  def('', 'v1', 'persistentvolumeclaims', 'PersistentVolumeClaim', true, { shortNames: ['pvc'] }),
  def('', 'v1', 'persistentvolumes', 'PersistentVolume', false, { shortNames: ['pv'] }),
  def('', 'v1', 'pods', 'Pod', true, { shortNames: ['po'], categories: ['all'] }),
  def('', 'v1', 'serviceaccounts', 'ServiceAccount', true, { shortNames: ['sa'] }),
  def('', 'v1', 'services', 'Service', true, {
    shortNames: ['svc'],
    categories: ['all'],
    verbs: ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'],
  }),
  def(
    'admissionregistration.k8s.io',
    'v1',
    'mutatingwebhookconfigurations',
    'MutatingWebhookConfiguration',
    false,
    {
      categories: ['api-extensions'],
    },
  ),
  def(
    'admissionregistration.k8s.io',
    'v1',
    'validatingwebhookconfigurations',
    'ValidatingWebhookConfiguration',
    false,
    {
      categories: ['api-extensions'],
    },
  ),
  def('apps', 'v1', 'daemonsets', 'DaemonSet', true, { shortNames: ['ds'], categories: ['all'] }),
  def('apps', 'v1', 'deployments', 'Deployment', true, {
    shortNames: ['deploy'],
    categories: ['all'],
  }),
  def('apps', 'v1', 'replicasets', 'ReplicaSet', true, { shortNames: ['rs'], categories: ['all'] }),
  def('apps', 'v1', 'statefulsets', 'StatefulSet', true, {
    shortNames: ['sts'],
    categories: ['all'],
  }),
  def('autoscaling', 'v2', 'horizontalpodautoscalers', 'HorizontalPodAutoscaler', true, {
    shortNames: ['hpa'],
    categories: ['all'],
  }),
  def('batch', 'v1', 'cronjobs', 'CronJob', true, { shortNames: ['cj'], categories: ['all'] }),
  def('batch', 'v1', 'jobs', 'Job', true, { categories: ['all'] }),
  def('coordination.k8s.io', 'v1', 'leases', 'Lease', true),
  def('discovery.k8s.io', 'v1', 'endpointslices', 'EndpointSlice', true),
  def('events.k8s.io', 'v1', 'events', 'Event', true, { shortNames: ['ev'] }),
  def('networking.k8s.io', 'v1', 'ingresses', 'Ingress', true, { shortNames: ['ing'] }),
  def('networking.k8s.io', 'v1', 'networkpolicies', 'NetworkPolicy', true, {
    shortNames: ['netpol'],
  }),
  def('policy', 'v1', 'poddisruptionbudgets', 'PodDisruptionBudget', true, {
    shortNames: ['pdb'],
  }),
  def('metrics.k8s.io', 'v1beta1', 'nodes', 'NodeMetrics', false, { verbs: READ }),
  def('metrics.k8s.io', 'v1beta1', 'pods', 'PodMetrics', true, { verbs: READ }),
];

/** Finds a resource by group and plural name. */
export function findResource(
  group: string,
  version: string,
  plural: string,
): ResourceDef | undefined {
  return RESOURCES.find((r) => r.group === group && r.version === version && r.plural === plural);
}

/** apiVersion string of a resource ("v1", "apps/v1"). */
export function apiVersionOf(r: ResourceDef): string {
  return r.group ? `${r.group}/${r.version}` : r.version;
}
