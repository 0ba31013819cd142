// Two Podtrail replicas (separate processes) on one PostgreSQL and one sandbox cluster, with leader
// election on the sandbox's coordination.k8s.io Lease at the product's timings (15 s lease, 10 s
// renew deadline, 2 s retry): exactly one records; when the leader crashes the other takes over
// once the lease has run out; a container that crashes before and during the handover is one row.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, openSqlStore, type SqlStore } from '../history';
import {
  startThrowawayPostgres,
  type ThrowawayPostgres,
} from '../history/test-support/throwaway-postgres';
import type { PodLike } from '../diagnosis';
import {
  startSandboxCluster,
  waitFor,
  type SandboxCluster,
} from '../k8s/test-support/sandbox-cluster';
import { startReplica, type Replica } from './test-support/replicas';

let postgres: ThrowawayPostgres;
let env: SandboxCluster;
let store: SqlStore;
const replicas: Replica[] = [];

beforeAll(async () => {
  postgres = await startThrowawayPostgres();
  env = await startSandboxCluster({ speed: 0 });
  store = await openSqlStore({ databaseUrl: postgres.url });
  await migrate(store);
}, 120_000);
afterAll(async () => {
  for (const r of replicas) await r.kill();
  await store?.close();
  await env?.stop();
  postgres?.stop();
});

const LEASE = '/apis/coordination.k8s.io/v1/namespaces/podtrail/leases/podtrail-recorder';
interface LeaseJson {
  spec: {
    holderIdentity?: string;
    renewTime?: string;
    acquireTime?: string;
    leaseTransitions?: number;
  };
}

function replica(name: string): Replica {
  const r = startReplica(name, {
    KUBECONFIG: env.sandbox.kubeconfigPath!,
    DATABASE_URL: postgres.url,
    PODTRAIL_LEADER_ELECTION_LEASE: 'podtrail-recorder',
    POD_NAMESPACE: 'podtrail',
  });
  replicas.push(r);
  return r;
}

/** The containerID of the run a crash just ended (terminated now, or lastState once restarted). */
async function crashedContainer(namespace: string): Promise<string> {
  const [pod] = env.sandbox.control.crash(namespace);
  const p = await env.cluster.transport.getJson<PodLike>(
    `/api/v1/namespaces/${namespace}/pods/${pod}`,
  );
  const status = p.status!.containerStatuses![0]!;
  return (status.state?.terminated ?? status.lastState!.terminated)!.containerID!;
}

async function rowsOf(containerId: string): Promise<number> {
  const rows = await store.query<{ n: string }>(
    'SELECT count(*) AS n FROM terminations WHERE container_id = $1',
    [containerId],
  );
  return Number(rows[0]?.n);
}

async function until(check: () => Promise<boolean>, what: string, timeoutMs = 60_000) {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('leader election of the recorder across replicas', () => {
  it('records with one replica only, and hands over after the leader crashes', async () => {
    const [a, b] = [replica('podtrail-a'), replica('podtrail-b')];
    await waitFor(
      () => [a, b].some((r) => r.role()?.role === 'leader'),
      90_000,
      `a leader\n${a.output()}\n${b.output()}`,
    );
    const leader = a.role()?.role === 'leader' ? a : b;
    const standby = leader === a ? b : a;
    await waitFor(() => standby.role()?.holder !== undefined, 90_000, 'the standby');
    expect(standby.role()).toMatchObject({
      cluster: 'sandbox',
      role: 'standby',
      lease: 'podtrail/podtrail-recorder',
      holder: `${leader.name}_${leader.pid}`,
    });
    // Only the leader's recorder opened a session in the shared database.
    const sessions = await store.query('SELECT id FROM sessions WHERE cluster = $1', ['sandbox']);
    expect(sessions).toHaveLength(1);

    // A crash the leader records, then the leader crashes, then another crash nobody watches.
    const before = await crashedContainer('oom-no-limit');
    await until(async () => (await rowsOf(before)) === 1, 'the leader records the first crash');
    await leader.kill();
    const orphaned = await env.cluster.transport.getJson<LeaseJson>(LEASE);
    expect(orphaned.spec.holderIdentity).toBe(`${leader.name}_${leader.pid}`);
    const during = await crashedContainer('image-tag-missing');

    await waitFor(() => standby.role()?.role === 'leader', 60_000, 'the takeover');
    const taken = await env.cluster.transport.getJson<LeaseJson>(LEASE);
    expect(taken.spec).toMatchObject({
      holderIdentity: `${standby.name}_${standby.pid}`,
      leaseTransitions: 1,
    });
    // Not before the crashed leader's lease ran out (15 s after its last renewal).
    const waited = Date.parse(taken.spec.acquireTime!) - Date.parse(orphaned.spec.renewTime!);
    expect(waited).toBeGreaterThanOrEqual(15_000);
    console.log(`leader election: takeover ${waited} ms after the crashed leader's last renewal`);

    // The new leader's first list records the crash during the handover; each run is one row.
    await until(async () => (await rowsOf(during)) === 1, 'the new leader records the crash');
    expect(await rowsOf(before)).toBe(1);
    const duplicates = await store.query(
      `SELECT pod_uid, container, restart_count, count(*) FROM terminations
       GROUP BY pod_uid, container, restart_count HAVING count(*) > 1`,
    );
    expect(duplicates).toEqual([]);
    expect(
      await store.query('SELECT id FROM sessions WHERE cluster = $1', ['sandbox']),
    ).toHaveLength(2);

    // A graceful stop hands the Lease back (no holder) for the next replica at once.
    await standby.stop();
    const released = await env.cluster.transport.getJson<LeaseJson>(LEASE);
    expect(released.spec.holderIdentity ?? '').toBe('');
  }, 240_000);
});
