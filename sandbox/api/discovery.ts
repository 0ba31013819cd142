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

function groups(): { name: string; version: string }[] {
  const seen = new Map<string, string>();
  for (const r of RESOURCES) if (r.group && !seen.has(r.group)) seen.set(r.group, r.version);
  return [...seen.entries()].map(([name, version]) => ({ name, version }));
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
