/**
 * Per-user access against the real kube-apiserver (RBAC authoriser, impersonation filter): the
 * access reviews and log reads go as the impersonated user and group, and what the API server
 * answers — not a mock — shows the headers arrived: a user bound in one namespace may list pods
 * there only, a group binding counts only when that group is sent, and a log read elsewhere gets
 * the API server's own 403 naming the user.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawRequest, realEnv } from '../../contract/real-env';
import {
  loadClusters,
  NamespaceAccess,
  PodLogReader,
  type Impersonation,
  type Scheduler,
} from './index';
import { systemScheduler } from './scheduler';

const env = realEnv();
const admin = (method: string, apiPath: string, body?: unknown) =>
  rawRequest(env.url + apiPath, { method, body, token: env.adminToken, ca: env.caCert });

const ana: Impersonation = { user: 'ana@example.com', groups: ['team-a'] };
const bobInSre: Impersonation = { user: 'bob@example.com', groups: ['contractors', 'sre'] };
const bobAlone: Impersonation = { user: 'bob@example.com', groups: ['contractors'] };
const readerRole = {
  apiVersion: 'rbac.authorization.k8s.io/v1',
  kind: 'ClusterRole',
  metadata: { name: 'podtrail-test-pod-reader' },
  rules: [{ apiGroups: [''], resources: ['pods', 'pods/log'], verbs: ['get', 'list', 'watch'] }],
};

function binding(namespace: string, subject: { kind: 'User' | 'Group'; name: string }) {
  return {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'RoleBinding',
    metadata: { name: `podtrail-test-${subject.kind.toLowerCase()}`, namespace },
    roleRef: {
      apiGroup: 'rbac.authorization.k8s.io',
      kind: 'ClusterRole',
      name: readerRole.metadata.name,
    },
    subjects: [{ apiGroup: 'rbac.authorization.k8s.io', ...subject }],
  };
}

const userNs = 'oom-no-limit';
const groupNs = 'rollback-hides-cause';
const rbac = (ns: string) => `/apis/rbac.authorization.k8s.io/v1/namespaces/${ns}/rolebindings`;

beforeAll(async () => {
  expect(
    (await admin('POST', '/apis/rbac.authorization.k8s.io/v1/clusterroles', readerRole)).status,
  ).toBe(201);
  expect(
    (await admin('POST', rbac(userNs), binding(userNs, { kind: 'User', name: ana.user }))).status,
  ).toBe(201);
  expect(
    (await admin('POST', rbac(groupNs), binding(groupNs, { kind: 'Group', name: 'sre' }))).status,
  ).toBe(201);
});
afterAll(async () => {
  await admin('DELETE', `${rbac(userNs)}/podtrail-test-user`);
  await admin('DELETE', `${rbac(groupNs)}/podtrail-test-group`);
  await admin(
    'DELETE',
    `/apis/rbac.authorization.k8s.io/v1/clusterroles/${readerRole.metadata.name}`,
  );
});

function cluster() {
  const [c] = loadClusters({ kubeconfig: env.kubeconfig });
  if (!c) throw new Error('no context in the real kubeconfig');
  return c;
}

describe('NamespaceAccess on the real API server', () => {
  it('a user bound in one namespace may list pods there only', async () => {
    const access = new NamespaceAccess({
      transport: cluster().transport,
      scheduler: systemScheduler,
    });
    const allowed = await access.allowedNamespaces(ana, env.scenarios);
    expect(env.scenarios.length).toBeGreaterThan(3);
    expect([...allowed]).toEqual([userNs]);
  });

  it('a group binding counts only when the group is sent, each group its own header', async () => {
    const access = new NamespaceAccess({
      transport: cluster().transport,
      scheduler: systemScheduler,
    });
    expect([...(await access.allowedNamespaces(bobInSre, env.scenarios))]).toEqual([groupNs]);
    expect([...(await access.allowedNamespaces(bobAlone, env.scenarios))]).toEqual([]);
  });

  it('keeps an answer for its cache time, then asks again', async () => {
    let now = 0;
    const clock: Scheduler = { ...systemScheduler, now: () => now };
    const access = new NamespaceAccess({
      transport: cluster().transport,
      scheduler: clock,
      cacheMs: 30_000,
    });
    const carol: Impersonation = { user: 'carol@example.com', groups: [] };
    expect(await access.mayListPods(carol, userNs)).toBe(false);
    const carolBinding = { ...binding(userNs, { kind: 'User', name: carol.user }) };
    carolBinding.metadata = { name: 'podtrail-test-carol', namespace: userNs };
    expect((await admin('POST', rbac(userNs), carolBinding)).status).toBe(201);
    now = 29_000;
    expect(await access.mayListPods(carol, userNs)).toBe(false);
    now = 31_000;
    expect(await access.mayListPods(carol, userNs)).toBe(true);
    await admin('DELETE', `${rbac(userNs)}/podtrail-test-carol`);
  });
});

describe('log reads as the signed-in user', () => {
  async function firstPod(namespace: string): Promise<{ pod: string; container: string }> {
    const list = (await admin('GET', `/api/v1/namespaces/${namespace}/pods`)).json<{
      items: { metadata: { name: string }; spec: { containers: { name: string }[] } }[];
    }>();
    const [pod] = list.items;
    if (!pod) throw new Error(`no pod in ${namespace}`);
    return { pod: pod.metadata.name, container: pod.spec.containers[0]!.name };
  }

  it('reads a log where the user may, and gets the API server’s 403 for that user elsewhere', async () => {
    const reader = loadLogReader();
    const here = await firstPod(userNs);
    const log = await reader.read(
      {
        namespace: userNs,
        pod: here.pod,
        container: here.container,
        previous: false,
        tailLines: 5,
      },
      { as: ana },
    );
    // Allowed: a log, or the API's own "container is waiting" answer, never 403.
    expect(log.status, log.error).not.toBe(403);
    const there = await firstPod(groupNs);
    const refused = await reader.read(
      {
        namespace: groupNs,
        pod: there.pod,
        container: there.container,
        previous: false,
        tailLines: 5,
      },
      { as: ana },
    );
    expect(refused.status).toBe(403);
    expect(refused.error).toContain('User "ana@example.com" cannot get resource "pods/log"');
    // The same read as Podtrail itself (no impersonation) is allowed: the header made the 403.
    const asPodtrail = await reader.read(
      {
        namespace: groupNs,
        pod: there.pod,
        container: there.container,
        previous: false,
        tailLines: 5,
      },
      { fresh: true },
    );
    expect(asPodtrail.status, asPodtrail.error).not.toBe(403);
  });
});

function loadLogReader() {
  const c = cluster();
  return new PodLogReader({ transport: c.transport, cluster: c.name, scheduler: systemScheduler });
}
