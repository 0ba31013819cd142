// Journey: per-user access on a real kube-apiserver (PODTRAIL_IMPERSONATE=1 behind an auth
// proxy). Podtrail keeps one shared watch per resource as itself; each person sees only the
// namespaces their own RBAC lets them list pods in — the API server is asked as them — and a
// namespace they may not read says "No access to namespace X" on the board and the pod page.
// Direct log reads go as the person: the API server's own 403 names them.
import { expect, test, type APIRequestContext } from '@playwright/test';
import { screenshot } from './helpers';
import { freePort, startServer, whenListening, type ServerProcess } from './server-process';

test.describe.configure({ mode: 'serial', timeout: 180_000 });

const info = process.env.E2E_REAL_INFO_URL ?? 'http://127.0.0.1:3110';
const allowedNs = 'oom-no-limit';
const otherNs = 'rollback-hides-cause';
const ana = { 'x-forwarded-user': 'ana@example.com', 'x-forwarded-groups': 'team-a' };
const dave = { 'x-forwarded-user': 'dave@example.com', 'x-forwarded-groups': 'team-d' };
let server: ServerProcess;

const rbac = 'rbac.authorization.k8s.io';
function role(name: string, resources: string[]) {
  return {
    apiVersion: `${rbac}/v1`,
    kind: 'ClusterRole',
    metadata: { name },
    rules: [{ apiGroups: [''], resources, verbs: ['get', 'list', 'watch'] }],
  };
}
function binding(name: string, roleName: string, user: string) {
  return {
    apiVersion: `${rbac}/v1`,
    kind: 'RoleBinding',
    metadata: { name, namespace: allowedNs },
    roleRef: { apiGroup: rbac, kind: 'ClusterRole', name: roleName },
    subjects: [{ apiGroup: rbac, kind: 'User', name: user }],
  };
}

/** Asks the real API server as its admin (through the `real` stack's info server). */
async function apiServer(request: APIRequestContext, method: string, path: string, body?: unknown) {
  const res = await request.fetch(info + path, { method, data: body });
  return { status: res.status(), json: (await res.json().catch(() => undefined)) as unknown };
}

interface Row {
  namespace: string;
  pod: string;
}

test.beforeAll(async ({ request }) => {
  const roles = `/apis/${rbac}/v1/clusterroles`;
  const bindings = `/apis/${rbac}/v1/namespaces/${allowedNs}/rolebindings`;
  for (const [path, body] of [
    [roles, role('podtrail-e2e-pod-reader', ['pods', 'pods/log'])],
    [roles, role('podtrail-e2e-pod-lister', ['pods'])],
    [bindings, binding('podtrail-e2e-ana', 'podtrail-e2e-pod-reader', ana['x-forwarded-user'])],
    [bindings, binding('podtrail-e2e-dave', 'podtrail-e2e-pod-lister', dave['x-forwarded-user'])],
  ] as const) {
    const created = await apiServer(request, 'POST', path, body);
    expect([201, 409], JSON.stringify(created.json)).toContain(created.status);
  }
  const kubeconfig = await (await request.get(`${info}/kubeconfig`)).text();
  server = startServer(await freePort(), {
    KUBECONFIG: kubeconfig,
    PODTRAIL_AUTH: 'proxy',
    PODTRAIL_AUTH_PROXY_ADDRESSES: '127.0.0.1/32,::1',
    PODTRAIL_IMPERSONATE: '1',
  });
  await whenListening(server);
});
test.afterAll(() => server?.stop());

async function boardRows(headers: Record<string, string>, query = ''): Promise<Row[]> {
  const res = await fetch(`${server.url}/api/board${query}`, { headers });
  expect(res.status).toBe(200);
  return ((await res.json()) as { rows: Row[] }).rows;
}

test('the board shows a person only the namespaces their RBAC lets them list pods in', async ({
  page,
  request,
}) => {
  // The same cluster's board as its admin (the `real` dashboard) has several namespaces; the
  // person's has that one namespace's rows, as many as the admin's board has there.
  let all: Row[] = [];
  let mine: Row[] = [];
  await expect
    .poll(
      async () => {
        all = ((await (await request.get('/api/board')).json()) as { rows: Row[] }).rows;
        mine = await boardRows(ana);
        const theirs = all.filter((r) => r.namespace === allowedNs).map((r) => r.pod);
        return {
          namespaces: new Set(all.map((r) => r.namespace)).size,
          same: theirs.join() === mine.map((r) => r.pod).join() && mine.length > 0,
        };
      },
      { timeout: 60_000 },
    )
    .toEqual({ namespaces: expect.any(Number), same: true });
  expect(new Set(all.map((r) => r.namespace)).size).toBeGreaterThan(2);
  expect(new Set(mine.map((r) => r.namespace))).toEqual(new Set([allowedNs]));

  await page.setExtraHTTPHeaders(ana);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(server.url + '/');
  await expect(page.getByText(mine[0]!.pod).first()).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText(otherNs)).toHaveCount(0);
  await screenshot(page, 'impersonation-board');
});

test('a namespace the person may not read says so on the board, the pod page and the APIs', async ({
  page,
}) => {
  const admin = await fetch(`${info}/api/v1/namespaces/${otherNs}/pods`);
  const pod = ((await admin.json()) as { items: { metadata: { name: string } }[] }).items[0]!
    .metadata.name;
  const words = `No access to namespace ${otherNs}`;
  await page.setExtraHTTPHeaders(ana);
  await page.goto(`${server.url}/c/real/ns/${otherNs}/pods/${pod}`);
  await expect(page.getByText(words)).toBeVisible({ timeout: 60_000 });
  await screenshot(page, 'impersonation-no-access');
  await page.goto(`${server.url}/?namespace=${otherNs}`);
  await expect(page.getByText(words)).toBeVisible();

  const api = `${server.url}/api/clusters/real/namespaces/${otherNs}`;
  for (const route of [
    `${api}/pods/${pod}`,
    `${api}/pods/${pod}/log?container=api&previous=true`,
    `/api/board?namespace=${otherNs}`,
    `/api/stream?scope=pod&cluster=real&namespace=${otherNs}&pod=${pod}`,
  ]) {
    const res = await fetch(route.startsWith('/') ? server.url + route : route, { headers: ana });
    expect(res.status, route).toBe(403);
    expect(((await res.json()) as { error: string }).error, route).toContain(words);
  }
});

test('a log read goes as the person: the API server refuses someone who may list pods but not read logs', async () => {
  const rows = await boardRows(dave);
  expect(new Set(rows.map((r) => r.namespace))).toEqual(new Set([allowedNs]));
  const pod = rows[0]!.pod;
  const admin = await fetch(`${info}/api/v1/namespaces/${allowedNs}/pods/${pod}`);
  const container = ((await admin.json()) as { spec: { containers: { name: string }[] } }).spec
    .containers[0]!.name;
  const log = `${server.url}/api/clusters/real/namespaces/${allowedNs}/pods/${pod}/log?container=${container}&previous=true`;
  const asDave = await fetch(log, { headers: dave });
  expect(asDave.status).toBe(403);
  // kube-apiserver's RBAC message, naming the impersonated user: the header reached it.
  expect(((await asDave.json()) as { error: string }).error).toContain(
    'User "dave@example.com" cannot get resource "pods/log"',
  );
  const asAna = await fetch(log, { headers: ana });
  expect(asAna.status).toBe(200);
});
