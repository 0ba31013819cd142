/**
 * Legacy (unaggregated) discovery documents: /version, /api, /apis and per-group-version
 * APIResourceLists, shaped as kube-apiserver 1.32 answers them. Clients that ask for aggregated
 * discovery (kubectl) fall back to these when the answer is plain application/json.
 */
import { RESOURCES, apiVersionOf } from '../store/resources';
import { VERSIONS } from '../cluster/nodes';

/** GET /version (version.Info). */
export function versionInfo(): Record<string, string> {
  return {
    major: '1',
    minor: VERSIONS.kube.split('.')[1] ?? '32',
    gitVersion: VERSIONS.kube,
    gitCommit: '32cc146f75aad04beaaa245a7157eb35063a9f99',
    gitTreeState: 'clean',
    buildDate: '2025-03-11T19:52:21Z',
    goVersion: 'go1.23.6',
    compiler: 'gc',
    platform: 'linux/amd64',
  };
}

/** GET /api (APIVersions). */
export function apiVersions(serverAddress: string): Record<string, unknown> {
  return {
    kind: 'APIVersions',
    versions: ['v1'],
    serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress }],
  };
}

/** kube-apiserver's group order in /apis (its priority order; aggregated groups come last). */
const GROUP_ORDER = [
  'apiregistration.k8s.io',
  'apps',
  'events.k8s.io',
  'authentication.k8s.io',
  'authorization.k8s.io',
  'autoscaling',
  'batch',
  'certificates.k8s.io',
  'networking.k8s.io',
  'policy',
  'rbac.authorization.k8s.io',
  'storage.k8s.io',
  'admissionregistration.k8s.io',
  'apiextensions.k8s.io',
  'scheduling.k8s.io',
  'coordination.k8s.io',
  'node.k8s.io',
  'discovery.k8s.io',
  'flowcontrol.apiserver.k8s.io',
];

function groups(): { name: string; version: string }[] {
  const seen = new Map<string, string>();
  for (const r of RESOURCES) if (r.group && !seen.has(r.group)) seen.set(r.group, r.version);
  const rank = (g: string) =>
    GROUP_ORDER.includes(g) ? GROUP_ORDER.indexOf(g) : GROUP_ORDER.length;
  return [...seen.entries()]
    .sort(([a], [b]) => rank(a) - rank(b))
    .map(([name, version]) => ({ name, version }));
}

/** GET /apis (APIGroupList). */
export function apiGroupList(): Record<string, unknown> {
  return {
    kind: 'APIGroupList',
    apiVersion: 'v1',
    groups: groups().map(({ name, version }) => apiGroup(name, version)),
  };
}

/** GET /apis/<group> (APIGroup). */
export function apiGroup(name: string, version: string): Record<string, unknown> {
  const gv = { groupVersion: `${name}/${version}`, version };
  return { kind: 'APIGroup', apiVersion: 'v1', name, versions: [gv], preferredVersion: gv };
}

/** Whether a group exists; returns its version. */
export function groupVersion(name: string): string | undefined {
  return groups().find((g) => g.name === name)?.version;
}

/** GET /api/v1 or /apis/<group>/<version> (APIResourceList), undefined if unknown. */
export function resourceList(group: string, version: string): Record<string, unknown> | undefined {
  const defs = RESOURCES.filter((r) => r.group === group && r.version === version);
  if (!defs.length) return undefined;
  const resources: Record<string, unknown>[] = [];
  for (const r of defs) {
    resources.push({
      name: r.plural,
      singularName: r.singular,
      namespaced: r.namespaced,
      kind: r.kind,
      verbs: r.verbs,
      ...(r.shortNames ? { shortNames: r.shortNames } : {}),
      ...(r.categories ? { categories: r.categories } : {}),
    });
    if (r.id === 'pods') {
      resources.push({
        name: 'pods/log',
        singularName: '',
        namespaced: true,
        kind: 'Pod',
        verbs: ['get'],
      });
      resources.push({
        name: 'pods/status',
        singularName: '',
        namespaced: true,
        kind: 'Pod',
        verbs: ['get', 'patch', 'update'],
      });
    }
    if (['apps/deployments', 'apps/replicasets', 'apps/statefulsets'].includes(r.id)) {
      resources.push({
        name: `${r.plural}/scale`,
        singularName: '',
        namespaced: true,
        group: 'autoscaling',
        version: 'v1',
        kind: 'Scale',
        verbs: ['get', 'patch', 'update'],
      });
    }
  }
  return {
    kind: 'APIResourceList',
    apiVersion: 'v1',
    groupVersion: apiVersionOf(defs[0]!),
    resources,
  };
}

/**
 * GET /openapi/v2: a valid Swagger 2.0 document without schemas (JSON only; kubectl and other
 * clients that fetch it find the server's API info; no field-level schema is offered).
 */
export function openApiV2(): Record<string, unknown> {
  return {
    swagger: '2.0',
    info: { title: 'Kubernetes', version: VERSIONS.kube },
    paths: {},
    definitions: {},
  };
}
