/**
 * Least privilege on a real authoriser: the plain manifests in deploy/manifests (rendered from the
 * Helm chart) applied with the real kubectl 1.37 to the real kube-apiserver, then
 * `kubectl auth can-i --as=system:serviceaccount:podtrail:podtrail` for every read Podtrail makes
 * (derived from lib/k8s's resource list) and for what it must never do. Then Podtrail runs with a
 * token requested for that ServiceAccount (TokenRequest) and its board is compared with the API
 * server's own numbers.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PodLike } from '../lib/diagnosis';
import { loadClusters, resources } from '../lib/k8s';
import { waitFor } from '../lib/k8s/test-support/sandbox-cluster';
import {
  createRuntime,
  getBoardView,
  processHealth,
  startRecorders,
  stopRuntime,
  type Runtime,
} from '../lib/views';
import { installer } from './install';
import { REPO_ROOT } from './peers';
import { rawRequest, realEnv } from './real-env';

const env = realEnv();
const NS = 'podtrail';
const SA = `system:serviceaccount:${NS}:podtrail`;
const manifests = path.join(REPO_ROOT, 'deploy', 'manifests');
const dir = mkdtempSync(path.join(os.tmpdir(), 'podtrail-rbac-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const { kubectl, kubectlText, renderChart, serviceAccountKubeconfig } = installer(env, NS);

/** One check: verb resource [in namespace] as the ServiceAccount → yes / no. */
interface Check {
  verb: string;
  resource: string;
  subresource?: string;
  namespace?: string;
  name?: string;
  /** An API group the server does not serve (kubectl cannot resolve it): asked by a SubjectAccessReview. */
  unservedGroup?: string;
}

function describeCheck(c: Check): string {
  const plain = c.unservedGroup ? `${c.resource}.${c.unservedGroup}` : c.resource;
  const res = c.subresource ? `${plain}/${c.subresource}` : plain;
  const where = c.namespace === '*' ? ' -A' : c.namespace ? ` -n ${c.namespace}` : '';
  return `${c.verb} ${res}${c.name ? `/${c.name}` : ''}${where}`;
}

/**
 * The same question as `kubectl auth can-i --as`, put to the authoriser as a SubjectAccessReview:
 * for a group kubectl's discovery does not know (metrics.k8s.io without a metrics server).
 */
async function reviewAccess(c: Check): Promise<'yes' | 'no'> {
  const res = await rawRequest(`${env.url}/apis/authorization.k8s.io/v1/subjectaccessreviews`, {
    method: 'POST',
    token: env.adminToken,
    ca: env.caCert,
    body: {
      apiVersion: 'authorization.k8s.io/v1',
      kind: 'SubjectAccessReview',
      spec: {
        user: SA,
        groups: ['system:serviceaccounts', `system:serviceaccounts:${NS}`, 'system:authenticated'],
        resourceAttributes: {
          verb: c.verb,
          group: c.unservedGroup,
          resource: c.resource,
          namespace: c.namespace === '*' ? '' : c.namespace,
        },
      },
    },
  });
  expect(res.status).toBe(201);
  return res.json().status.allowed === true ? 'yes' : 'no';
}

async function canI(c: Check): Promise<'yes' | 'no'> {
  if (c.unservedGroup) return reviewAccess(c);
  const args = ['auth', 'can-i', c.verb, c.name ? `${c.resource}/${c.name}` : c.resource];
  if (c.subresource) args.push(`--subresource=${c.subresource}`);
  if (c.namespace === '*') args.push('--all-namespaces');
  else if (c.namespace) args.push('-n', c.namespace);
  args.push(`--as=${SA}`);
  try {
    return (await kubectl(args)).trim() === 'yes' ? 'yes' : 'no';
  } catch (error) {
    // kubectl answers "no" with exit status 1; anything else is a failure of the check itself.
    const e = error as { code?: number; stdout?: string; stderr?: string };
    if (e.code === 1 && e.stdout?.trim() === 'no') return 'no';
    throw new Error(`kubectl ${args.join(' ')}: ${e.stderr ?? String(error)}`);
  }
}

/** Every check's answer, four kubectl processes at a time. */
async function answers(checks: Check[]): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (let i = 0; i < checks.length; i += 4) {
    const batch = checks.slice(i, i + 4);
    const got = await Promise.all(batch.map(canI));
    batch.forEach((c, j) => (out[describeCheck(c)] = got[j]!));
  }
  return out;
}

function expectAll(got: Record<string, string>, answer: 'yes' | 'no') {
  expect(Object.entries(got).filter(([, a]) => a !== answer)).toEqual([]);
}

/** What Podtrail reads (lib/k8s/resources.ts, pod-logs.ts, pod-metrics.ts), in `namespace`. */
function reads(namespace: string | undefined, { clusterScoped }: { clusterScoped: boolean }) {
  const checks: Check[] = [];
  for (const r of Object.values(resources)) {
    if (!r.namespaced && !clusterScoped) continue;
    const resource = r.group ? `${r.name}.${r.group}` : r.name;
    for (const verb of ['get', 'list', 'watch'])
      checks.push({ verb, resource, namespace: r.namespaced ? namespace : undefined });
  }
  checks.push({ verb: 'get', resource: 'pods', subresource: 'log', namespace });
  checks.push({ verb: 'get', resource: 'pods', unservedGroup: 'metrics.k8s.io', namespace });
  return checks;
}

/** What Podtrail must never be able to do, in `namespace`. */
function forbidden(namespace: string | undefined): Check[] {
  const checks: Check[] = [];
  for (const verb of ['get', 'list', 'watch'])
    checks.push({ verb, resource: 'secrets', namespace }, { verb, resource: 'secrets' });
  for (const resource of ['pods', 'deployments.apps', 'configmaps', 'events', 'replicasets.apps'])
    for (const verb of ['create', 'update', 'patch', 'delete', 'deletecollection'])
      checks.push({ verb, resource, namespace });
  for (const subresource of ['exec', 'attach', 'portforward'])
    for (const verb of ['get', 'create'])
      checks.push({ verb, resource: 'pods', subresource, namespace });
  checks.push(
    { verb: 'create', resource: 'pods', subresource: 'eviction', namespace },
    { verb: 'create', resource: 'serviceaccounts', subresource: 'token', namespace: NS },
    { verb: 'impersonate', resource: 'users' },
    { verb: 'impersonate', resource: 'groups' },
    { verb: 'impersonate', resource: 'serviceaccounts', namespace },
    { verb: 'update', resource: 'nodes' },
    { verb: 'delete', resource: 'namespaces' },
    { verb: 'escalate', resource: 'clusterroles.rbac.authorization.k8s.io' },
    { verb: 'bind', resource: 'clusterroles.rbac.authorization.k8s.io' },
    { verb: 'create', resource: 'leases.coordination.k8s.io', namespace: NS },
    { verb: 'update', resource: 'leases.coordination.k8s.io', namespace: NS },
  );
  return checks;
}

const admin = (apiPath: string) =>
  rawRequest(env.url + apiPath, { token: env.adminToken, ca: env.caCert });

/** The highest restartCount of a pod's containers, as the API server has it now. */
async function apiRestarts(namespace: string, pod: string): Promise<number> {
  const p = (await admin(`/api/v1/namespaces/${namespace}/pods/${pod}`)).json<PodLike>();
  return Math.max(0, ...(p.status?.containerStatuses ?? []).map((s) => s.restartCount ?? 0));
}

/** Podtrail's runtime reading the cluster with the ServiceAccount's token only. */
async function startPodtrail(kubeconfig: string, namespaces?: string[]): Promise<Runtime> {
  const dataDir = mkdtempSync(path.join(dir, 'data-'));
  const runtime = createRuntime({
    clusters: loadClusters({ kubeconfig, namespaces }),
    dataDir,
    databaseUrl: '',
  });
  await startRecorders(runtime);
  return runtime;
}

/** Board rows whose restarts equal the API server's for their pod (retried: pods keep crashing). */
async function boardMatchesApiServer(runtime: Runtime, namespaces: string[]) {
  let mismatched: unknown[] = [];
  for (let attempt = 0; attempt < 30; attempt++) {
    const board = await getBoardView({}, runtime);
    const rows = board.rows.filter((r) => namespaces.includes(r.namespace));
    mismatched = [];
    for (const row of rows) {
      const real = await apiRestarts(row.namespace, row.pod);
      if (real !== row.restarts) mismatched.push({ pod: row.pod, board: row.restarts, real });
    }
    if (rows.length > 0 && mismatched.length === 0) return board;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`board and API server disagree: ${JSON.stringify(mismatched)}`);
}

beforeAll(async () => {
  await kubectl(['create', 'namespace', NS]).catch(() => '');
  for (const ns of ['shop', 'payments']) await kubectl(['create', 'namespace', ns]).catch(() => '');
});

// Each test runs dozens of kubectl processes: slow while the whole real project shares 2 cores.
describe(
  'deploy/manifests/podtrail.yaml (ClusterRole) on a real kube-apiserver',
  { timeout: 180_000 },
  () => {
    it('applies with kubectl and allows every read Podtrail makes, in every namespace', async () => {
      const applied = await kubectl(['apply', '-f', path.join(manifests, 'podtrail.yaml')]);
      expect(applied).toContain('clusterrolebinding.rbac.authorization.k8s.io/podtrail-read');
      const got = await answers([
        ...reads('oom-no-limit', { clusterScoped: true }),
        ...reads('*', { clusterScoped: false }),
      ]);
      expect(got).toMatchObject({ 'watch pods -A': 'yes', 'get pods/log -n oom-no-limit': 'yes' });
      expectAll(got, 'yes');
    });

    it('denies Secrets, every write, exec/attach/port-forward, tokens and impersonation', async () => {
      const got = await answers(forbidden('oom-no-limit'));
      expect(Object.keys(got).length).toBeGreaterThan(40);
      expectAll(got, 'no');
    });

    it('runs Podtrail with a token of the ServiceAccount: the board shows the API server’s restarts', async () => {
      const kubeconfig = await serviceAccountKubeconfig('sa-cluster');
      const runtime = await startPodtrail(kubeconfig);
      try {
        const crashLooping = ['oom-no-limit', 'rollback-hides-cause', 'delete-resets-backoff'];
        const board = await boardMatchesApiServer(runtime, env.scenarios);
        const onBoard = new Set(board.rows.map((r) => r.namespace));
        expect(crashLooping.filter((ns) => !onBoard.has(ns))).toEqual([]);
        expect(board.rows.find((r) => r.namespace === 'oom-no-limit')?.restarts).toBeGreaterThan(0);
        expect(board.clusters.map((c) => [c.cluster, c.state])).toEqual([['real', 'synced']]);
        const health = await processHealth(runtime);
        expect(health).toMatchObject({ ok: true, recorders: 1 });
        // The recorder read previous logs through pods/log with the same token.
        const recorder = runtime.recorders[0]!;
        await recorder.flush();
        expect(recorder.failures).toBe(0);
        expect(recorder.logHeadFailures).toBe(0);
      } finally {
        await stopRuntime(runtime);
      }
    });
  },
);

describe(
  'a namespace-scoped install (a Role per namespace) on a real kube-apiserver',
  { timeout: 180_000 },
  () => {
    it('deploy/manifests/podtrail-namespaced.yaml allows the reads in its namespaces only', async () => {
      await kubectl(['delete', '-f', path.join(manifests, 'podtrail.yaml'), '--wait=true']);
      await kubectl(['apply', '-f', path.join(manifests, 'podtrail-namespaced.yaml')]);
      const inside = await answers([
        ...reads('shop', { clusterScoped: false }),
        ...reads('payments', { clusterScoped: false }),
      ]);
      expect(inside).toMatchObject({
        'watch pods -n shop': 'yes',
        'get pods/log -n payments': 'yes',
      });
      expectAll(inside, 'yes');
      const outside = await answers([
        ...reads('oom-no-limit', { clusterScoped: true }),
        ...reads('*', { clusterScoped: false }),
        ...forbidden('shop'),
      ]);
      expectAll(outside, 'no');
    });

    it('runs Podtrail with the token and PODTRAIL_NAMESPACES: those namespaces only, 403 nowhere', async () => {
      // The same chart rendered for two scenario namespaces (shop and payments have no pods).
      const readable = ['oom-no-limit', 'rollback-hides-cause'];
      const rendered = await renderChart(
        'rbac.scope=namespaces',
        `rbac.namespaces={${readable.join(',')}}`,
      );
      expect(rendered).toContain(`value: "${readable.join(',')}"`);
      await kubectlText('apply', rendered);
      const kubeconfig = await serviceAccountKubeconfig('sa-namespaced');
      const runtime = await startPodtrail(kubeconfig, readable);
      try {
        const board = await boardMatchesApiServer(runtime, readable);
        expect([...new Set(board.rows.map((r) => r.namespace))].sort()).toEqual(readable);
        const pods = runtime.access.caches.acquire({ cluster: 'real', resource: 'pods' });
        await waitFor(() => pods.cache.health().state === 'synced', 15_000, 'pods synced');
        expect(pods.cache.health().forbidden).toEqual([]);
        pods.release();
      } finally {
        await stopRuntime(runtime);
        await kubectlText('delete', rendered);
      }
    });
  },
);

describe('leader election values on a real kube-apiserver', { timeout: 180_000 }, () => {
  it('grants create on Leases and get/update on its own Lease only, in its namespace', async () => {
    const rendered = await renderChart('leaderElection.enabled=true');
    await kubectlText('apply', rendered);
    const lease = 'leases.coordination.k8s.io';
    const yes = await answers([
      { verb: 'create', resource: lease, namespace: NS },
      { verb: 'get', resource: lease, namespace: NS, name: 'podtrail-recorder' },
      { verb: 'update', resource: lease, namespace: NS, name: 'podtrail-recorder' },
    ]);
    expectAll(yes, 'yes');
    const no = await answers([
      { verb: 'update', resource: lease, namespace: NS, name: 'kube-controller-manager' },
      { verb: 'get', resource: lease, namespace: NS, name: 'other' },
      { verb: 'delete', resource: lease, namespace: NS, name: 'podtrail-recorder' },
      { verb: 'patch', resource: lease, namespace: NS, name: 'podtrail-recorder' },
      { verb: 'create', resource: lease, namespace: 'kube-system' },
      { verb: 'update', resource: lease, namespace: 'kube-system', name: 'podtrail-recorder' },
      { verb: 'list', resource: lease, namespace: NS },
      { verb: 'get', resource: 'secrets', namespace: NS },
    ]);
    expectAll(no, 'no');
    await kubectlText('delete', rendered);
  });
});
