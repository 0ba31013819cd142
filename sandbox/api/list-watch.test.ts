import { CoreV1Api, KubeConfig, makeInformer, Watch, type V1Pod } from '@kubernetes/client-node';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../index';

type Any = Record<string, any>;
const TOKEN = 'sandbox-test-token';

let sb: Sandbox;
let kc: KubeConfig;
let api: CoreV1Api;

/** The first item of a list; fails the test when the list is empty. */
function firstPod(items: V1Pod[]): V1Pod {
  const pod = items[0];
  if (!pod) throw new Error('expected at least one pod');
  return pod;
}

const raw = async (p: string, token = TOKEN) => {
  const res = await fetch(sb.url + p, { headers: { authorization: `Bearer ${token}` } });
  return { status: res.status, body: (await res.json()) as Any };
};

async function apiError(p: Promise<unknown>): Promise<{ code: number; body: Any }> {
  try {
    await p;
  } catch (err) {
    const e = err as { code: number; body: string | Any };
    return {
      code: e.code,
      body: typeof e.body === 'string' ? (JSON.parse(e.body) as Any) : e.body,
    };
  }
  throw new Error('expected an API error');
}

async function until<T>(fn: () => T | undefined, ms = 5_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = fn();
    if (v) return v;
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

beforeAll(async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'sandbox-lw-'));
  sb = await startSandbox({
    port: 0,
    scenarios: ['oom-no-limit', 'delete-resets-backoff', 'healthy'],
    kubeconfigPath: path.join(dir, 'kubeconfig'),
    token: TOKEN,
    bookmarkIntervalMs: 200,
  });
  kc = new KubeConfig();
  kc.loadFromFile(sb.kubeconfigPath ?? '');
  api = kc.makeApiClient(CoreV1Api);
});
afterAll(() => sb.stop());

describe('list', () => {
  it('counts every API request in /sandbox/stats', async () => {
    const before = (await (await fetch(`${sb.url}/sandbox/stats`)).json()) as Any;
    await raw('/api/v1/namespaces');
    await raw('/api/v1/namespaces/healthy');
    await raw('/api');
    const after = (await (await fetch(`${sb.url}/sandbox/stats`)).json()) as Any;
    expect(after.requests.total - before.requests.total).toBe(3);
    expect(after.requests.list - before.requests.list).toBe(1);
    expect(after.requests.get - before.requests.get).toBe(1);
    expect(typeof after.openWatches).toBe('number');
  });

  it('lists pods of every scenario with a numeric string resourceVersion and items without kind', async () => {
    const list = await api.listPodForAllNamespaces();
    expect(list.metadata?.resourceVersion).toMatch(/^\d+$/);
    expect(new Set(list.items.map((p) => p.metadata?.namespace))).toEqual(
      new Set(['oom-no-limit', 'delete-resets-backoff', 'healthy']),
    );
    const { body } = await raw('/api/v1/pods');
    expect(body.kind).toBe('PodList');
    expect(body.items[0].kind).toBeUndefined();
  });

  it('pages with limit and continue over one consistent snapshot', async () => {
    const all = (await api.listPodForAllNamespaces()).items.map((p) => p.metadata?.name);
    const first = await api.listPodForAllNamespaces({ limit: 3 });
    expect(first.items).toHaveLength(3);
    expect(first.metadata?.remainingItemCount).toBe(all.length - 3);
    const names = first.items.map((p) => p.metadata?.name);
    let cont = first.metadata?._continue;
    while (cont) {
      const page = await api.listPodForAllNamespaces({ limit: 3, _continue: cont });
      expect(page.metadata?.resourceVersion).toBe(first.metadata?.resourceVersion);
      names.push(...page.items.map((p) => p.metadata?.name));
      cont = page.metadata?._continue;
    }
    expect(names).toEqual(all);
  });

  it('filters by label and field selectors', async () => {
    const web = await api.listNamespacedPod({ namespace: 'healthy', labelSelector: 'app=web' });
    expect(web.items).toHaveLength(3);
    const onNode = await api.listPodForAllNamespaces({
      fieldSelector: 'spec.nodeName=sandbox-worker-1',
    });
    expect(onNode.items.length).toBeGreaterThan(0);
    expect(onNode.items.every((p) => p.spec?.nodeName === 'sandbox-worker-1')).toBe(true);
    const notRunning = await api.listPodForAllNamespaces({
      fieldSelector: 'status.phase!=Running',
    });
    expect(notRunning.items.every((p) => p.status?.phase !== 'Running')).toBe(true);
    const pod = firstPod(web.items);
    const byName = await api.listNamespacedPod({
      namespace: 'healthy',
      fieldSelector: `metadata.name=${pod.metadata?.name}`,
    });
    expect(byName.items.map((p) => p.metadata?.uid)).toEqual([pod.metadata?.uid]);
  });

  it('finds events by involvedObject fields as kubectl describe does', async () => {
    const pod = firstPod((await api.listNamespacedPod({ namespace: 'oom-no-limit' })).items);
    const sel = `involvedObject.name=${pod.metadata?.name},involvedObject.namespace=oom-no-limit,involvedObject.uid=${pod.metadata?.uid}`;
    const events = await api.listNamespacedEvent({ namespace: 'oom-no-limit', fieldSelector: sel });
    expect(events.items.length).toBeGreaterThan(3);
    expect(events.items.every((e) => e.involvedObject.uid === pod.metadata?.uid)).toBe(true);
    expect(events.items.map((e) => e.reason)).toEqual(
      expect.arrayContaining(['Scheduled', 'Started']),
    );
    const oom = await api.listNamespacedEvent({
      namespace: 'default',
      fieldSelector: 'involvedObject.kind=Node,reason=OOMKilling',
    });
    expect(oom.items[0]?.message).toMatch(
      /^(\(combined from similar events\): )?Out of memory: Killed process \d+ \(node\)/,
    );
  });

  it('answers an unsupported field label with the real 400', async () => {
    const err = await apiError(api.listPodForAllNamespaces({ fieldSelector: 'spec.foo=bar' }));
    expect(err.code).toBe(400);
    expect(err.body).toMatchObject({
      kind: 'Status',
      status: 'Failure',
      reason: 'BadRequest',
      message: 'field label not supported: spec.foo',
    });
  });

  it('answers a missing pod with a NotFound Status', async () => {
    const err = await apiError(api.readNamespacedPod({ namespace: 'healthy', name: 'nope' }));
    expect(err.code).toBe(404);
    expect(err.body).toMatchObject({
      reason: 'NotFound',
      message: 'pods "nope" not found',
      details: { name: 'nope', kind: 'pods' },
      code: 404,
    });
  });
});

describe('watch', () => {
  it('keeps an informer in sync: crash, delete, replacement with a new UID', async () => {
    const seen: string[] = [];
    const informer = makeInformer<V1Pod>(kc, '/api/v1/namespaces/delete-resets-backoff/pods', () =>
      api.listNamespacedPod({ namespace: 'delete-resets-backoff' }),
    );
    informer.on('update', () => seen.push('update'));
    informer.on('delete', (p) => seen.push(`delete ${p.metadata?.uid}`));
    informer.on('add', (p) => seen.push(`add ${p.metadata?.uid}`));
    await informer.start();
    const [pod] = informer.list('delete-resets-backoff');
    expect(pod).toBeDefined();
    const uid = pod?.metadata?.uid ?? '';
    sb.control.deletePod('delete-resets-backoff', pod?.metadata?.name ?? '');
    sb.control.advance(5_000);
    await until(() => seen.find((s) => s === `delete ${uid}`));
    const added = await until(() => seen.find((s) => s.startsWith('add ') && s !== `add ${uid}`));
    expect(added).not.toBe(`add ${uid}`);
    expect(informer.list('delete-resets-backoff').map((p) => p.metadata?.uid)).not.toContain(uid);
    await informer.stop();
  });

  it('sends BOOKMARK events when allowed', async () => {
    const { body } = await raw('/api/v1/pods?limit=1');
    const events: Any[] = [];
    const ctl = await new Watch(kc).watch(
      '/api/v1/pods',
      { allowWatchBookmarks: true, resourceVersion: body.metadata.resourceVersion },
      (type, obj) => events.push({ type, obj }),
      () => {},
    );
    const bookmark = await until(() => events.find((e) => e.type === 'BOOKMARK'));
    expect(bookmark.obj).toMatchObject({
      kind: 'Pod',
      apiVersion: 'v1',
      metadata: { resourceVersion: expect.stringMatching(/^\d+$/) },
    });
    ctl.abort();
  });

  it('answers a too-old resourceVersion with 410 Expired, as a watch ERROR and on list', async () => {
    const { body } = await raw('/api/v1/pods?limit=2');
    const oldRv = String(Number(body.metadata.resourceVersion) - 1);
    sb.control.advance(30_000); // the crash loops write something, so the list's RV becomes history
    sb.control.compact();
    const events: Any[] = [];
    let done = false;
    await new Watch(kc).watch(
      '/api/v1/pods',
      { resourceVersion: oldRv },
      (type, obj) => events.push({ type, obj }),
      () => (done = true),
    );
    await until(() => done);
    expect(events).toEqual([
      {
        type: 'ERROR',
        obj: expect.objectContaining({
          kind: 'Status',
          code: 410,
          reason: 'Expired',
          message: expect.stringMatching(/^too old resource version: \d+ \(\d+\)$/),
        }),
      },
    ]);
    const err = await apiError(
      api.listPodForAllNamespaces({ resourceVersion: oldRv, resourceVersionMatch: 'Exact' }),
    );
    expect(err.code).toBe(410);
    expect(err.body.reason).toBe('Expired');
    const stale = await apiError(
      api.listPodForAllNamespaces({ limit: 2, _continue: body.metadata.continue }),
    );
    expect(stale.code).toBe(410);
    expect(stale.body.message).toMatch(/^The provided continue parameter is too old/);
  });

  it('ends the initial events of sendInitialEvents with an annotated BOOKMARK', async () => {
    const events: Any[] = [];
    const ctl = await new Watch(kc).watch(
      '/api/v1/namespaces/healthy/pods',
      { sendInitialEvents: true, resourceVersionMatch: 'NotOlderThan', allowWatchBookmarks: true },
      (type, obj) => events.push({ type, obj }),
      () => {},
    );
    const end = await until(() => events.find((e) => e.type === 'BOOKMARK'));
    ctl.abort();
    expect(end.obj.metadata.annotations).toEqual({ 'k8s.io/initial-events-end': 'true' });
    const added = events.slice(0, events.indexOf(end));
    expect(added.length).toBe((await api.listNamespacedPod({ namespace: 'healthy' })).items.length);
    expect(added.every((e) => e.type === 'ADDED')).toBe(true);
  });

  it('ends a watch after timeoutSeconds', async () => {
    const started = Date.now();
    let done = false;
    const ctl = await new Watch(kc).watch(
      '/api/v1/namespaces/healthy/pods',
      { timeoutSeconds: 1 },
      () => {},
      () => (done = true),
    );
    await until(() => done, 4_000);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    ctl.abort();
  });

  it('replays changes after a resourceVersion, filtered by selector', async () => {
    const { body } = await raw('/api/v1/namespaces/delete-resets-backoff/pods?limit=1');
    sb.control.advance(400_000);
    const events: Any[] = [];
    const ctl = await new Watch(kc).watch(
      '/api/v1/namespaces/delete-resets-backoff/pods',
      { resourceVersion: body.metadata.resourceVersion, labelSelector: 'app=queue-worker' },
      (type, obj) => events.push({ type, obj }),
      () => {},
    );
    await until(() => events.some((e) => e.type === 'DELETED'));
    ctl.abort();
    expect(new Set(events.map((e) => e.type))).toEqual(new Set(['ADDED', 'MODIFIED', 'DELETED']));
    expect(events.every((e) => e.obj.metadata.labels.app === 'queue-worker')).toBe(true);
    const rvs = events.map((e) => Number(e.obj.metadata.resourceVersion));
    expect(rvs[0]).toBeGreaterThan(Number(body.metadata.resourceVersion));
    expect(rvs).toEqual([...rvs].sort((a, b) => a - b));
  });

  it('lets informers reconnect after every watch is dropped', async () => {
    let connects = 0;
    const informer = makeInformer<V1Pod>(kc, '/api/v1/namespaces/healthy/pods', () =>
      api.listNamespacedPod({ namespace: 'healthy' }),
    );
    informer.on('connect', () => connects++);
    await informer.start();
    await until(() => sb.stats().openWatches >= 1);
    const before = connects;
    expect(sb.control.dropWatches()).toBeGreaterThanOrEqual(1);
    await until(() => connects > before && sb.stats().openWatches >= 1);
    await informer.stop();
  });
});

describe('access control', () => {
  it('answers 401 without the bearer token', async () => {
    const { status, body } = await raw('/api/v1/pods', 'wrong');
    expect(status).toBe(401);
    expect(body).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'Unauthorized',
      reason: 'Unauthorized',
      code: 401,
    });
  });

  it('answers 403 in the RBAC wording for a forbidden namespace and at the cluster scope', async () => {
    sb.control.forbid('oom-no-limit');
    try {
      const ns = await apiError(api.listNamespacedPod({ namespace: 'oom-no-limit' }));
      expect(ns.code).toBe(403);
      expect(ns.body.message).toBe(
        'pods is forbidden: User "system:serviceaccount:podtrail:dashboard" cannot list resource "pods" in API group "" in the namespace "oom-no-limit"',
      );
      const all = await apiError(api.listPodForAllNamespaces());
      expect(all.body.message).toContain('at the cluster scope');
      expect((await api.listNamespacedPod({ namespace: 'healthy' })).items.length).toBeGreaterThan(
        0,
      );
    } finally {
      sb.control.allow('oom-no-limit');
    }
    expect(
      (await api.listNamespacedPod({ namespace: 'oom-no-limit' })).items.length,
    ).toBeGreaterThan(0);
  });
});

describe('pod logs', () => {
  it('answers the kubelet 400 when there is no previous container', async () => {
    const pod = firstPod(
      (await api.listNamespacedPod({ namespace: 'healthy', labelSelector: 'app=web' })).items,
    );
    const err = await apiError(
      api.readNamespacedPodLog({
        namespace: 'healthy',
        name: pod.metadata?.name ?? '',
        previous: true,
      }),
    );
    expect(err.code).toBe(400);
    expect(err.body.message).toBe(
      `previous terminated container "nginx" in pod "${pod.metadata?.name}" not found`,
    );
  });

  it('serves the previous run with tailLines, timestamps and limitBytes', async () => {
    const pod = firstPod((await api.listNamespacedPod({ namespace: 'oom-no-limit' })).items);
    const name = pod.metadata?.name ?? '';
    const before = sb.stats().requests.log;
    const prev = await api.readNamespacedPodLog({
      namespace: 'oom-no-limit',
      name,
      previous: true,
    });
    expect(prev).toContain('report-builder 3.2.0 starting');
    expect(prev).toMatch(/heapUsed=\d+MB/);
    const tail = await api.readNamespacedPodLog({
      namespace: 'oom-no-limit',
      name,
      previous: true,
      tailLines: 2,
      timestamps: true,
    });
    const lines = tail.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d+Z batch \d+:/);
    const limited = await api.readNamespacedPodLog({
      namespace: 'oom-no-limit',
      name,
      limitBytes: 12,
    });
    expect(Buffer.byteLength(limited)).toBeLessThanOrEqual(12);
    expect(sb.stats().requests.log).toBe(before + 3);
  });

  it('counts requests by client, the product of the User-Agent', async () => {
    const byAgent = () => sb.stats().byAgent;
    const kubectl = byAgent().kubectl?.list ?? 0;
    const bench = byAgent()['naive-dashboard']?.get ?? 0;
    const ask = (path: string, agent: string) =>
      fetch(`${sb.url}${path}`, {
        headers: { 'User-Agent': agent, authorization: `Bearer ${TOKEN}` },
      }).then((r) => r.text());
    await ask(
      '/api/v1/namespaces/oom-no-limit/pods',
      'kubectl/v1.37.2 (linux/amd64) kubernetes/abc',
    );
    await ask(
      '/api/v1/namespaces/oom-no-limit/pods',
      'kubectl/v1.37.2 (linux/amd64) kubernetes/abc',
    );
    await ask('/api/v1/namespaces/oom-no-limit', 'naive-dashboard/1');
    expect(byAgent().kubectl?.list).toBe(kubectl + 2);
    expect(byAgent()['naive-dashboard']?.get).toBe(bench + 1);
  });
});

describe('pod log follow', () => {
  it('streams new lines as the app writes them', async () => {
    const pod = firstPod(
      (await api.listNamespacedPod({ namespace: 'healthy', labelSelector: 'app=web' })).items,
    );
    const url = `${sb.url}/api/v1/namespaces/healthy/pods/${pod.metadata?.name}/log?follow=true&tailLines=1`;
    const res = await fetch(url, { headers: { authorization: `Bearer ${TOKEN}` } });
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    let text = decoder.decode((await reader.read()).value);
    expect(text.trimEnd().split('\n')).toHaveLength(1);
    sb.control.advance(20_000);
    while (text.trimEnd().split('\n').length < 4)
      text += decoder.decode((await reader.read()).value);
    expect(text).toContain('HTTP/1.1" 200');
    await reader.cancel();
  });
});

describe('other resources', () => {
  it('serves events.k8s.io/v1 as a view of core events', async () => {
    const { body } = await raw('/apis/events.k8s.io/v1/namespaces/oom-no-limit/events');
    expect(body.kind).toBe('EventList');
    const e = body.items.find((x: Any) => x.reason === 'Started');
    expect(e).toMatchObject({
      reportingController: 'kubelet',
      regarding: { kind: 'Pod' },
      note: expect.stringMatching(/^Started container /),
      deprecatedCount: expect.any(Number),
    });
  });

  it('serves legacy discovery documents', async () => {
    expect((await raw('/version')).body).toMatchObject({
      major: '1',
      minor: '32',
      gitVersion: 'v1.32.3',
    });
    expect((await raw('/api')).body).toMatchObject({ kind: 'APIVersions', versions: ['v1'] });
    const groups = (await raw('/apis')).body;
    expect(groups.groups.map((g: Any) => g.preferredVersion.groupVersion)).toEqual([
      'apps/v1',
      'events.k8s.io/v1',
      'autoscaling/v2',
      'batch/v1',
      'networking.k8s.io/v1',
      'policy/v1',
      'admissionregistration.k8s.io/v1',
      'coordination.k8s.io/v1',
      'discovery.k8s.io/v1',
      'metrics.k8s.io/v1beta1',
    ]);
    const core = (await raw('/api/v1')).body;
    expect(core.resources.find((r: Any) => r.name === 'pods')).toEqual({
      name: 'pods',
      singularName: 'pod',
      namespaced: true,
      kind: 'Pod',
      verbs: expect.arrayContaining(['get', 'list', 'watch']),
      shortNames: ['po'],
      categories: ['all'],
    });
    expect(core.resources.map((r: Any) => r.name)).toContain('pods/log');
    expect((await raw('/apis/apps/v1')).body.resources.map((r: Any) => r.name)).toEqual(
      expect.arrayContaining(['deployments', 'replicasets', 'statefulsets', 'daemonsets']),
    );
    expect((await raw('/apis/nope/v1')).status).toBe(404);
  });

  it('serves pod metrics for running pods', async () => {
    const { body } = await raw('/apis/metrics.k8s.io/v1beta1/namespaces/healthy/pods');
    expect(body.kind).toBe('PodMetricsList');
    expect(body.items[0].containers[0].usage).toMatchObject({
      cpu: expect.stringMatching(/^\d+n$/),
      memory: expect.stringMatching(/^\d+Ki$/),
    });
  });
});
