/**
 * Leader election on the real kube-apiserver, under the chart's own RBAC: the chart rendered with
 * leaderElection.enabled into namespace podtrail-le, applied with kubectl, and two Podtrail
 * replicas (separate processes) reading with a token of its ServiceAccount and sharing one
 * PostgreSQL. Exactly one records; a graceful stop hands the Lease over and the other records on.
 * (The crash during a handover is lib/views/recorder-election.test.ts, on the sandbox.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, openSqlStore, type SqlStore } from '../lib/history';
import {
  startThrowawayPostgres,
  type ThrowawayPostgres,
} from '../lib/history/test-support/throwaway-postgres';
import { waitFor } from '../lib/k8s/test-support/sandbox-cluster';
import { startReplica, type Replica } from '../lib/views/test-support/replicas';
import { installer } from './install';
import { rawRequest, realEnv } from './real-env';

const env = realEnv();
const NS = 'podtrail-le';
const install = installer(env, NS);
let manifests = '';
let kubeconfig = '';
let postgres: ThrowawayPostgres;
let store: SqlStore;
const replicas: Replica[] = [];

beforeAll(async () => {
  await install.kubectl(['create', 'namespace', NS]).catch(() => '');
  manifests = await install.renderChart('leaderElection.enabled=true');
  await install.kubectlText('apply', manifests);
  kubeconfig = await install.serviceAccountKubeconfig('sa-leader');
  postgres = await startThrowawayPostgres();
  store = await openSqlStore({ databaseUrl: postgres.url });
  await migrate(store);
}, 120_000);
afterAll(async () => {
  for (const r of replicas) await r.kill();
  await store?.close();
  postgres?.stop();
  if (manifests) await install.kubectlText('delete', manifests);
});

const admin = (apiPath: string) =>
  rawRequest(env.url + apiPath, { token: env.adminToken, ca: env.caCert });
const lease = async () =>
  (await admin(`/apis/coordination.k8s.io/v1/namespaces/${NS}/leases/podtrail-recorder`)).json<{
    spec: { holderIdentity?: string; leaseTransitions?: number; leaseDurationSeconds?: number };
  }>();

function replica(name: string): Replica {
  const r = startReplica(name, {
    KUBECONFIG: kubeconfig,
    DATABASE_URL: postgres.url,
    PODTRAIL_LEADER_ELECTION_LEASE: 'podtrail-recorder',
    POD_NAMESPACE: NS,
  });
  replicas.push(r);
  return r;
}

async function until(check: () => Promise<boolean>, what: string, timeoutMs = 60_000) {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('leader election on a real kube-apiserver with the chart’s RBAC', () => {
  it('one replica records; stopping it hands the Lease to the other, which records on', async () => {
    const [a, b] = [replica('podtrail-a'), replica('podtrail-b')];
    await waitFor(
      () => [a, b].every((r) => r.role()?.holder !== undefined),
      120_000,
      `both replicas to see the Lease\n${a.output()}\n${b.output()}`,
    );
    const roles = [a, b].map((r) => r.role()?.role).sort();
    expect(roles).toEqual(['leader', 'standby']);
    const leader = a.role()?.role === 'leader' ? a : b;
    const standby = leader === a ? b : a;
    expect((await lease()).spec).toMatchObject({
      holderIdentity: `${leader.name}_${leader.pid}`,
      leaseDurationSeconds: 15,
    });
    await until(
      async () =>
        (await store.query('SELECT id FROM sessions WHERE cluster = $1', ['real'])).length > 0,
      'the leader’s recorder',
    );
    expect(await store.query('SELECT id FROM sessions WHERE cluster = $1', ['real'])).toHaveLength(
      1,
    );

    await leader.stop();
    await waitFor(() => standby.role()?.role === 'leader', 60_000, 'the takeover');
    expect((await lease()).spec).toMatchObject({
      holderIdentity: `${standby.name}_${standby.pid}`,
      leaseTransitions: 1,
    });
    await until(
      async () =>
        (await store.query('SELECT id FROM sessions WHERE cluster = $1', ['real'])).length === 2,
      'the new leader’s recorder',
    );
    const duplicates = await store.query(
      `SELECT pod_uid, container, restart_count, count(*) FROM terminations
       GROUP BY pod_uid, container, restart_count HAVING count(*) > 1`,
    );
    expect(duplicates).toEqual([]);
    expect(leader.output()).not.toMatch(/forbidden/i);
    expect(standby.output()).not.toMatch(/forbidden/i);
  }, 240_000);
});
