/**
 * The contract suite: the same assertions against the in-memory sandbox and against a real
 * kube-apiserver 1.37 driven by the simulator. A difference found here is fixed in the sandbox;
 * what cannot be is listed in sandbox/README.md ("Known differences").
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { realTarget, sandboxTarget, type Target } from './targets';

type Any = any;

const TABLE = 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json';

async function json(t: Target, apiPath: string, opts: Parameters<Target['get']>[1] = {}) {
  const res = await t.get(apiPath, opts);
  if (res.status !== 200) throw new Error(`${apiPath}: ${res.status} ${res.text.slice(0, 300)}`);
  return res.json();
}

/** Reads a watch stream until `done` says so (or the deadline), then aborts it. */
async function watchUntil(
  t: Target,
  apiPath: string,
  done: (events: Any[]) => boolean,
  timeoutMs = 15_000,
): Promise<Any[]> {
  const { default: https } = await import('node:https');
  const { default: http } = await import('node:http');
  const url = new URL(t.url + apiPath);
  const request = url.protocol === 'https:' ? https.request : http.request;
  return new Promise((resolve, reject) => {
    const events: Any[] = [];
    let buf = '';
    const req = request(
      url,
      {
        headers: { authorization: `Bearer ${t.adminToken}`, accept: 'application/json' },
        rejectUnauthorized: false,
      },
      (res) => {
        if (res.statusCode !== 200) {
          let body = '';
          res.on('data', (c: Buffer) => (body += c.toString()));
          res.on('end', () => reject(new Error(`watch ${apiPath}: ${res.statusCode} ${body}`)));
          return;
        }
        res.on('data', (c: Buffer) => {
          buf += c.toString('utf8');
          let nl;
          while ((nl = buf.indexOf('\n')) >= 0) {
            const line = buf.slice(0, nl).trim();
            buf = buf.slice(nl + 1);
            if (line) events.push(JSON.parse(line));
          }
          if (done(events)) {
            clearTimeout(timer);
            req.destroy();
            resolve(events);
          }
        });
        res.on('end', () => {
          clearTimeout(timer);
          resolve(events);
        });
      },
    );
    const timer = setTimeout(() => {
      req.destroy();
      resolve(events);
    }, timeoutMs);
    req.on('error', (err) => {
      if (!done(events)) reject(err);
    });
    req.end();
  });
}

function podsOf(list: Any, ns?: string): Any[] {
  return list.items.filter((p: Any) => !ns || p.metadata.namespace === ns);
}

const targets: [string, () => Promise<Target>][] = [
  ['sandbox', sandboxTarget],
  ['kube-apiserver', async () => realTarget()],
];

describe.each(targets)('contract: %s', (_name, make) => {
  let t: Target;
  beforeAll(async () => {
    t = await make();
  });
  afterAll(async () => {
    await t?.stop();
  });

  describe('discovery', () => {
    it('serves /version, /api, /apis and the resource lists clients look for', async () => {
      const version = await json(t, '/version');
      expect(version).toMatchObject({
        major: '1',
        gitVersion: expect.stringMatching(/^v1\.\d+\.\d+$/),
      });
      expect(await json(t, '/api')).toMatchObject({ kind: 'APIVersions', versions: ['v1'] });
      const groups = (await json(t, '/apis')).groups.map(
        (g: Any) => g.preferredVersion.groupVersion,
      );
      for (const gv of [
        'apps/v1',
        'events.k8s.io/v1',
        'batch/v1',
        'networking.k8s.io/v1',
        'policy/v1',
        'admissionregistration.k8s.io/v1',
        'coordination.k8s.io/v1',
        'discovery.k8s.io/v1',
      ])
        expect(groups).toContain(gv);
      // Groups in the API server's priority order.
      expect(groups.indexOf('apps/v1')).toBeLessThan(groups.indexOf('batch/v1'));
      expect(groups.indexOf('batch/v1')).toBeLessThan(groups.indexOf('coordination.k8s.io/v1'));
      const core = await json(t, '/api/v1');
      const names = core.resources.map((r: Any) => r.name);
      for (const r of [
        'configmaps',
        'endpoints',
        'events',
        'namespaces',
        'nodes',
        'persistentvolumeclaims',
        'pods',
        'pods/log',
        'pods/status',
        'serviceaccounts',
        'services',
      ])
        expect(names).toContain(r);
      expect(core.resources.find((r: Any) => r.name === 'pods')).toMatchObject({
        name: 'pods',
        singularName: 'pod',
        namespaced: true,
        kind: 'Pod',
        shortNames: ['po'],
        categories: ['all'],
      });
      const openapi = await t.get('/openapi/v2');
      expect(openapi.status).toBe(200);
      expect(openapi.json()).toMatchObject({ swagger: '2.0', info: { title: 'Kubernetes' } });
    });

    it('answers the lists a fresh cluster has (maybe empty) for what real tools ask', async () => {
      for (const p of [
        '/api/v1/endpoints',
        '/api/v1/services',
        '/api/v1/persistentvolumeclaims',
        '/api/v1/serviceaccounts',
        '/apis/batch/v1/cronjobs',
        '/apis/networking.k8s.io/v1/ingresses',
        '/apis/admissionregistration.k8s.io/v1/mutatingwebhookconfigurations',
        '/apis/admissionregistration.k8s.io/v1/validatingwebhookconfigurations',
        '/apis/coordination.k8s.io/v1/namespaces/healthy/leases',
        '/apis/policy/v1/poddisruptionbudgets',
      ]) {
        const res = await t.get(p);
        expect(res.status, p).toBe(200);
        expect(res.json().items, p).toEqual(expect.any(Array));
      }
      // The objects the scenarios imply: the StatefulSet's governing Service and each
      // namespace's default ServiceAccount.
      const svc = await json(t, '/api/v1/namespaces/healthy/services/redis');
      expect(svc.spec).toMatchObject({ clusterIP: 'None', selector: { app: 'redis' } });
      await json(t, '/api/v1/namespaces/oom-no-limit/serviceaccounts/default');
    });
  });

  describe('list', () => {
    it('lists with a resourceVersion, items without kind, and pages with limit/continue', async () => {
      const all = await json(t, '/api/v1/pods');
      expect(all).toMatchObject({ kind: 'PodList', apiVersion: 'v1' });
      expect(all.metadata.resourceVersion).toMatch(/^\d+$/);
      expect(all.items.length).toBeGreaterThan(10);
      expect(all.items[0].kind).toBeUndefined();
      const seen: string[] = [];
      let cont = '';
      let pages = 0;
      do {
        const page = await json(
          t,
          `/api/v1/pods?limit=4${cont ? `&continue=${encodeURIComponent(cont)}` : ''}`,
        );
        pages++;
        seen.push(...page.items.map((p: Any) => `${p.metadata.namespace}/${p.metadata.name}`));
        cont = page.metadata.continue ?? '';
        if (cont) expect(page.metadata.remainingItemCount).toEqual(expect.any(Number));
      } while (cont && pages < 100);
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen.length).toBeGreaterThanOrEqual(all.items.length - 2);
    });

    it('filters by label and field selectors, and refuses unknown field labels', async () => {
      const web = await json(t, '/api/v1/namespaces/healthy/pods?labelSelector=app%3Dweb');
      expect(web.items).toHaveLength(3);
      const running = await json(t, '/api/v1/pods?fieldSelector=status.phase%3DRunning');
      expect(running.items.every((p: Any) => p.status.phase === 'Running')).toBe(true);
      const one = web.items[0];
      const byName = await json(
        t,
        `/api/v1/namespaces/healthy/pods?fieldSelector=metadata.name%3D${one.metadata.name}`,
      );
      expect(byName.items.map((p: Any) => p.metadata.name)).toEqual([one.metadata.name]);
      const byNode = await json(
        t,
        `/api/v1/pods?fieldSelector=spec.nodeName%3D${one.spec.nodeName}`,
      );
      expect(byNode.items.every((p: Any) => p.spec.nodeName === one.spec.nodeName)).toBe(true);
      const events = await json(
        t,
        `/api/v1/namespaces/healthy/events?fieldSelector=involvedObject.kind%3DPod`,
      );
      expect(events.items.every((e: Any) => e.involvedObject.kind === 'Pod')).toBe(true);
      const bad = await t.get('/api/v1/pods?fieldSelector=spec.bogus%3Dx');
      expect(bad.status).toBe(400);
      expect(bad.json()).toMatchObject({
        kind: 'Status',
        status: 'Failure',
        reason: 'BadRequest',
        code: 400,
        message: expect.stringContaining('field label not supported: spec.bogus'),
      });
    });
  });

  describe('watch', () => {
    it('streams a crash as MODIFIED after the list resourceVersion', async () => {
      const ns = 'oom-no-limit';
      const list = await json(t, `/api/v1/namespaces/${ns}/pods`);
      const rv = list.metadata.resourceVersion;
      const pending = watchUntil(
        t,
        `/api/v1/namespaces/${ns}/pods?watch=1&resourceVersion=${rv}&allowWatchBookmarks=true`,
        (evs) => evs.some((e) => e.type === 'MODIFIED'),
      );
      await new Promise((r) => setTimeout(r, 300));
      const crashed = await t.control('crash', { namespace: ns });
      expect(crashed.status).toBe(200);
      const events = await pending;
      const mod = events.find((e) => e.type === 'MODIFIED');
      expect(mod).toBeDefined();
      expect(mod.object).toMatchObject({ kind: 'Pod', apiVersion: 'v1' });
      expect(Number(mod.object.metadata.resourceVersion)).toBeGreaterThan(Number(rv));
    });

    it('ends the initial events with a BOOKMARK annotated initial-events-end', async () => {
      const events = await watchUntil(
        t,
        '/api/v1/namespaces/healthy/pods?watch=1&sendInitialEvents=true&resourceVersionMatch=NotOlderThan&allowWatchBookmarks=true',
        (evs) => evs.some((e) => e.type === 'BOOKMARK'),
      );
      const bookmark = events.find((e) => e.type === 'BOOKMARK');
      expect(events.filter((e) => e.type === 'ADDED').length).toBeGreaterThanOrEqual(5);
      expect(bookmark.object.metadata.annotations).toEqual({ 'k8s.io/initial-events-end': 'true' });
      expect(bookmark.object.metadata.resourceVersion).toMatch(/^\d+$/);
      expect(bookmark.object).toMatchObject({ kind: 'Pod', apiVersion: 'v1' });
    });

    // What a client resuming after the server was restored to an older state sees (issue 9):
    // no error on the watch, only silence until the server passes the resourceVersion.
    it('from a resourceVersion the server has not reached: silent until it passes it, then only newer events', async () => {
      const leases = '/apis/coordination.k8s.io/v1/namespaces/healthy/leases';
      const current = Number((await json(t, `${leases}?limit=1`)).metadata.resourceVersion);
      const ahead = current + 5;
      const prefix = `ahead-${Date.now()}-`;
      // Far ahead: nothing at all, not even an ERROR, for as long as we listen (5 s: an API
      // server's watch cache gives up waiting for a resourceVersion after 3 s on lists).
      const farAhead = watchUntil(
        t,
        `${leases}?watch=1&resourceVersion=${current + 1_000_000}&allowWatchBookmarks=true`,
        (evs) => evs.length > 0,
        5_000,
      );
      const pending = watchUntil(
        t,
        `${leases}?watch=1&resourceVersion=${ahead}&allowWatchBookmarks=true`,
        (evs) => evs.some((e) => Number(e.object.metadata.resourceVersion) > ahead),
        30_000,
      );
      await new Promise((r) => setTimeout(r, 300));
      // Write leases until one lands past `ahead` (other writers move the resourceVersion too).
      const written: number[] = [];
      for (let i = 0; i < 10 && !written.some((rv) => rv > ahead); i++) {
        const res = await t.get(leases, {
          method: 'POST',
          body: { metadata: { name: `${prefix}${i}` }, spec: {} },
        });
        expect(res.status).toBe(201);
        written.push(Number(res.json().metadata.resourceVersion));
      }
      const events = await pending;
      const mine = events.filter((e) => e.object.metadata.name?.startsWith(prefix));
      expect(mine.map((e) => Number(e.object.metadata.resourceVersion))).toEqual(
        written.filter((rv) => rv > ahead),
      );
      expect(events.filter((e) => Number(e.object.metadata.resourceVersion) <= ahead)).toEqual([]);
      expect(events.map((e) => e.type)).not.toContain('ERROR');
      expect(await farAhead).toEqual([]);
    });
  });

  describe('Status errors', () => {
    it('404 for a missing pod', async () => {
      const res = await t.get('/api/v1/namespaces/healthy/pods/nope');
      expect(res.status).toBe(404);
      expect(res.json()).toEqual({
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Failure',
        message: 'pods "nope" not found',
        reason: 'NotFound',
        details: { name: 'nope', kind: 'pods' },
        code: 404,
      });
    });

    it('403 for a user RBAC binds to nothing, in the RBAC authorizer’s words', async () => {
      const res = await t.get('/api/v1/pods', { token: t.restrictedToken });
      expect(res.status).toBe(403);
      expect(res.json()).toEqual({
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Failure',
        message:
          'pods is forbidden: User "podtrail-restricted" cannot list resource "pods" in API group "" at the cluster scope',
        reason: 'Forbidden',
        details: { kind: 'pods' },
        code: 403,
      });
      // (oom-no-limit: the namespace podtrail.real.test.ts never grants this user.)
      const one = await t.get('/api/v1/namespaces/oom-no-limit/pods/x/log', {
        token: t.restrictedToken,
      });
      expect(one.status).toBe(403);
      expect(one.json().message).toBe(
        'pods "x" is forbidden: User "podtrail-restricted" cannot get resource "pods/log" in API group "" in the namespace "oom-no-limit"',
      );
      // Discovery stays open to every authenticated user.
      expect((await t.get('/api/v1', { token: t.restrictedToken })).status).toBe(200);
    });

    it('410 Expired for a continue token and an exact resourceVersion older than the compaction', async () => {
      const page = await json(t, '/api/v1/events?limit=2');
      const rv = page.metadata.resourceVersion;
      expect(page.metadata.continue).toBeTruthy();
      // Something must change after `rv` for the compaction to move past it: a write.
      const write = await t.get('/apis/coordination.k8s.io/v1/namespaces/healthy/leases', {
        method: 'POST',
        body: { metadata: { name: `compaction-${Date.now()}` }, spec: {} },
      });
      expect(write.status).toBe(201);
      await t.compact();
      const res = await t.get(
        `/api/v1/events?limit=2&continue=${encodeURIComponent(page.metadata.continue)}`,
      );
      expect(res.status).toBe(410);
      expect(res.json()).toMatchObject({
        kind: 'Status',
        status: 'Failure',
        reason: 'Expired',
        code: 410,
      });
      const exact = await t.get(
        `/api/v1/events?resourceVersion=${rv}&resourceVersionMatch=Exact&limit=500`,
      );
      expect(exact.status).toBe(410);
      expect(exact.json()).toMatchObject({ kind: 'Status', reason: 'Expired', code: 410 });
    });

    it('504 "Too large resource version" for a list from a resourceVersion the server has not reached', async () => {
      const current = Number(
        (await json(t, '/api/v1/namespaces/healthy/pods')).metadata.resourceVersion,
      );
      const asked = current + 1_000_000;
      const res = await t.get(`/api/v1/namespaces/healthy/pods?resourceVersion=${asked}`);
      expect(res.status).toBe(504);
      expect(res.headers['retry-after']).toBe('1');
      const status = res.json();
      expect(status).toEqual({
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Failure',
        message: expect.stringMatching(
          `^Timeout: Too large resource version: ${asked}, current: \\d+$`,
        ),
        reason: 'Timeout',
        details: {
          causes: [{ reason: 'ResourceVersionTooLarge', message: 'Too large resource version' }],
          retryAfterSeconds: 1,
        },
        code: 504,
      });
      expect(Number(/current: (\d+)$/.exec(status.message)![1])).toBeGreaterThanOrEqual(current);
    });
  });

  describe('pods/log', () => {
    async function crashLoopingPod(ns: string): Promise<Any> {
      const pods = podsOf(await json(t, `/api/v1/namespaces/${ns}/pods`));
      const pod = pods.find((p: Any) =>
        p.status.containerStatuses?.some((c: Any) => c.lastState?.terminated),
      );
      expect(pod, `a pod of ${ns} with a previous container`).toBeDefined();
      return pod;
    }

    it('serves previous, tailLines, limitBytes, timestamps and sinceSeconds', async () => {
      const pod = await crashLoopingPod('delete-resets-backoff');
      const base = `/api/v1/namespaces/delete-resets-backoff/pods/${pod.metadata.name}/log`;
      const full = await t.get(`${base}?previous=true`, { accept: '*/*' });
      expect(full.status).toBe(200);
      const lines = full.text.split('\n').filter(Boolean);
      expect(lines.length).toBeGreaterThan(2);
      const tail = await t.get(`${base}?previous=true&tailLines=2`, { accept: '*/*' });
      expect(tail.text.split('\n').filter(Boolean)).toEqual(lines.slice(-2));
      const limited = await t.get(`${base}?previous=true&limitBytes=12`, { accept: '*/*' });
      expect(Buffer.byteLength(limited.text)).toBe(12);
      expect(full.text.startsWith(limited.text)).toBe(true);
      const stamped = await t.get(`${base}?previous=true&timestamps=true&tailLines=1`, {
        accept: '*/*',
      });
      expect(stamped.text).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,9})?Z .+\n$/);
      expect(stamped.text.endsWith(`${lines[lines.length - 1]}\n`)).toBe(true);
      // The previous run ended long before the last second: nothing since then.
      const since = await t.get(`${base}?previous=true&sinceSeconds=1`, { accept: '*/*' });
      expect(since.status).toBe(200);
      expect(since.text).toBe('');
    });

    it('400 for --previous of a container that never restarted, in the kubelet’s words', async () => {
      const web = await json(t, '/api/v1/namespaces/healthy/pods?labelSelector=app%3Dweb');
      const pod = web.items[0];
      const res = await t.get(
        `/api/v1/namespaces/healthy/pods/${pod.metadata.name}/log?previous=true`,
      );
      expect(res.status).toBe(400);
      expect(res.json()).toMatchObject({
        kind: 'Status',
        apiVersion: 'v1',
        status: 'Failure',
        message: `previous terminated container "nginx" in pod "${pod.metadata.name}" not found`,
        reason: 'BadRequest',
        code: 400,
      });
    });
  });

  describe('events', () => {
    it('core/v1 events of the kubelet: reasons, counts, timestamps, the pod’s uid', async () => {
      const ns = 'oom-no-limit';
      const pods = podsOf(await json(t, `/api/v1/namespaces/${ns}/pods`));
      const uids = new Set(pods.map((p: Any) => p.metadata.uid));
      const events = (await json(t, `/api/v1/namespaces/${ns}/events`)).items;
      const backoff = events.find(
        (e: Any) => e.reason === 'BackOff' && uids.has(e.involvedObject.uid),
      );
      expect(backoff).toMatchObject({
        type: 'Warning',
        source: { component: 'kubelet', host: expect.any(String) },
        involvedObject: { kind: 'Pod', namespace: ns, apiVersion: 'v1' },
        count: expect.any(Number),
        firstTimestamp: expect.any(String),
        lastTimestamp: expect.any(String),
      });
      expect(backoff.count).toBeGreaterThan(1);
      expect(backoff.message).toMatch(/^Back-off restarting failed container \S+ in pod \S+$/);
      expect(events.some((e: Any) => e.reason === 'Pulled')).toBe(true);
      expect(events.some((e: Any) => e.reason === 'Started')).toBe(true);
    });

    it('events.k8s.io/v1 serves the same events with eventTime null and deprecated fields', async () => {
      const ns = 'oom-no-limit';
      const core = (await json(t, `/api/v1/namespaces/${ns}/events`)).items;
      const v1 = (await json(t, `/apis/events.k8s.io/v1/namespaces/${ns}/events`)).items;
      expect(v1.map((e: Any) => e.metadata.name).sort()).toEqual(
        core.map((e: Any) => e.metadata.name).sort(),
      );
      const c = core.find((e: Any) => e.reason === 'BackOff');
      const e = v1.find((x: Any) => x.metadata.name === c.metadata.name);
      expect(e).toHaveProperty('eventTime', null);
      expect(e).toMatchObject({
        reason: 'BackOff',
        note: c.message,
        type: 'Warning',
        regarding: { kind: 'Pod', uid: c.involvedObject.uid, name: c.involvedObject.name },
        deprecatedSource: { component: 'kubelet' },
        deprecatedFirstTimestamp: c.firstTimestamp,
        deprecatedLastTimestamp: c.lastTimestamp,
        deprecatedCount: c.count,
      });
    });
  });

  describe('server-side Tables', () => {
    it('pods, events, deployments and nodes print the columns kubectl shows', async () => {
      const cols = async (p: string) => {
        const table = await json(t, p, { accept: TABLE });
        expect(table).toMatchObject({ kind: 'Table', apiVersion: 'meta.k8s.io/v1' });
        return { table, names: table.columnDefinitions.map((c: Any) => c.name) };
      };
      const pods = await cols('/api/v1/namespaces/healthy/pods');
      expect(pods.names).toEqual([
        'Name',
        'Ready',
        'Status',
        'Restarts',
        'Age',
        'IP',
        'Node',
        'Nominated Node',
        'Readiness Gates',
      ]);
      const row = pods.table.rows.find((r: Any) => String(r.cells[0]).startsWith('web-'));
      expect(row.cells.slice(1, 4)).toEqual(['1/1', 'Running', '0']);
      expect(row.object).toMatchObject({
        kind: 'PartialObjectMetadata',
        apiVersion: 'meta.k8s.io/v1',
      });
      expect((await cols('/apis/apps/v1/namespaces/healthy/deployments')).names).toEqual([
        'Name',
        'Ready',
        'Up-to-date',
        'Available',
        'Age',
        'Containers',
        'Images',
        'Selector',
      ]);
      expect((await cols('/api/v1/nodes')).names).toEqual([
        'Name',
        'Status',
        'Roles',
        'Age',
        'Version',
        'Internal-IP',
        'External-IP',
        'OS-Image',
        'Kernel-Version',
        'Container-Runtime',
      ]);
      expect((await cols('/api/v1/namespaces/oom-no-limit/events')).names).toEqual([
        'Last Seen',
        'Type',
        'Reason',
        'Object',
        'Subobject',
        'Source',
        'Message',
        'First Seen',
        'Count',
        'Name',
      ]);
    });
  });

  describe('leases', () => {
    it('create, update with the current resourceVersion, 409 on a stale one', async () => {
      const base = '/apis/coordination.k8s.io/v1/namespaces/healthy/leases';
      const name = `contract-${Date.now()}`;
      const created = await t.get(base, {
        method: 'POST',
        body: {
          apiVersion: 'coordination.k8s.io/v1',
          kind: 'Lease',
          metadata: { name },
          spec: { holderIdentity: 'a', leaseDurationSeconds: 15 },
        },
      });
      expect(created.status).toBe(201);
      const lease = created.json();
      expect(lease).toMatchObject({ kind: 'Lease', spec: { holderIdentity: 'a' } });
      const again = await t.get(base, { method: 'POST', body: { metadata: { name } } });
      expect(again.status).toBe(409);
      expect(again.json()).toMatchObject({
        reason: 'AlreadyExists',
        message: `leases.coordination.k8s.io "${name}" already exists`,
      });
      const updated = await t.get(`${base}/${name}`, {
        method: 'PUT',
        body: { ...lease, spec: { ...lease.spec, holderIdentity: 'b' } },
      });
      expect(updated.status).toBe(200);
      expect(updated.json().spec.holderIdentity).toBe('b');
      const stale = await t.get(`${base}/${name}`, {
        method: 'PUT',
        body: { ...lease, spec: { ...lease.spec, holderIdentity: 'c' } },
      });
      expect(stale.status).toBe(409);
      expect(stale.json()).toMatchObject({
        kind: 'Status',
        reason: 'Conflict',
        code: 409,
        message: `Operation cannot be fulfilled on leases.coordination.k8s.io "${name}": the object has been modified; please apply your changes to the latest version and try again`,
        details: { name, group: 'coordination.k8s.io', kind: 'leases' },
      });
      expect((await t.get(`${base}/${name}`, { method: 'DELETE' })).status).toBe(200);
    });
  });
});
