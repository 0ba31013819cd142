// LeaderElector against the sandbox's coordination.k8s.io Leases (create, resourceVersion-checked
// update, 409 on a stale write), with short timings: who leads, in what order, and what the Lease
// says afterwards.
import { afterEach, describe, expect, it } from 'vitest';
import {
  startSandboxCluster,
  waitFor,
  type SandboxCluster,
} from '../k8s/test-support/sandbox-cluster';
import { LeaderElector, microTime } from './index';

const timing = { leaseDurationMs: 2_000, renewDeadlineMs: 1_200, retryPeriodMs: 150 };

interface LeaseJson {
  metadata: { resourceVersion: string };
  spec: {
    holderIdentity?: string;
    leaseDurationSeconds?: number;
    acquireTime?: string;
    renewTime?: string;
    leaseTransitions?: number;
  };
}

let env: SandboxCluster | undefined;
const electors: LeaderElector[] = [];
afterEach(async () => {
  for (const e of electors.splice(0)) await e.stop();
  await env?.stop();
  env = undefined;
});

/** Candidates on one Lease; `log` gets "<id> starts" / "<id> stops" in order. */
function candidates(cluster: SandboxCluster['cluster'], ids: string[], name = 'podtrail-recorder') {
  const log: string[] = [];
  let leading = 0;
  let mostAtOnce = 0;
  const list = ids.map((identity) => {
    const elector = new LeaderElector({
      ...timing,
      transport: cluster.transport,
      namespace: 'default',
      name,
      identity,
      random: () => 0,
      onStartedLeading: () => {
        leading += 1;
        mostAtOnce = Math.max(mostAtOnce, leading);
        log.push(`${identity} starts`);
      },
      onStoppedLeading: () => {
        leading -= 1;
        log.push(`${identity} stops`);
      },
    });
    electors.push(elector);
    return elector;
  });
  return { list, log, mostAtOnce: () => mostAtOnce };
}

const leaseOf = (cluster: SandboxCluster['cluster'], name = 'podtrail-recorder') =>
  cluster.transport.getJson<LeaseJson>(
    `/apis/coordination.k8s.io/v1/namespaces/default/leases/${name}`,
  );

describe('LeaderElector on a coordination.k8s.io Lease', () => {
  it('elects one of two candidates and hands over when the leader stops', async () => {
    env = await startSandboxCluster({ speed: 0 });
    const { list, log, mostAtOnce } = candidates(env.cluster, ['a_1', 'b_2']);
    for (const e of list) e.start();
    await waitFor(() => list.some((e) => e.state().role === 'leader'), 10_000, 'a leader');
    // Both raced to create the Lease: one create won, the other got 409 and stays standby.
    await new Promise((r) => setTimeout(r, 3 * timing.retryPeriodMs));
    const roles = list.map((e) => e.state().role).sort();
    expect(roles).toEqual(['leader', 'standby']);
    const leader = list.find((e) => e.state().role === 'leader')!;
    const standby = list.find((e) => e !== leader)!;
    const ids = (e: LeaderElector) => (e === list[0] ? 'a_1' : 'b_2');
    const first = await leaseOf(env.cluster);
    expect(first.spec).toMatchObject({
      holderIdentity: ids(leader),
      leaseDurationSeconds: 2,
      leaseTransitions: 0,
    });
    expect(standby.state().holder).toBe(ids(leader));

    await leader.stop();
    await waitFor(() => standby.state().role === 'leader', 10_000, 'the handover');
    const second = await leaseOf(env.cluster);
    expect(second.spec).toMatchObject({ holderIdentity: ids(standby), leaseTransitions: 1 });
    expect(log).toEqual([
      `${ids(leader)} starts`,
      `${ids(leader)} stops`,
      `${ids(standby)} starts`,
    ]);
    expect(mostAtOnce()).toBe(1);
  });

  it('stops leading at once when the Lease names another holder, and waits out its lease', async () => {
    env = await startSandboxCluster({ speed: 0 });
    const { list, log } = candidates(env.cluster, ['a_1']);
    const [a] = list;
    a!.start();
    await waitFor(() => a!.state().role === 'leader', 10_000, 'a leads');
    // Another writer takes the Lease (a resourceVersion-checked update, as a rival would).
    const lease = await leaseOf(env.cluster);
    const stolenAt = Date.now();
    await env.cluster.transport.sendJson(
      'PUT',
      '/apis/coordination.k8s.io/v1/namespaces/default/leases/podtrail-recorder',
      {
        apiVersion: 'coordination.k8s.io/v1',
        kind: 'Lease',
        metadata: {
          name: 'podtrail-recorder',
          namespace: 'default',
          resourceVersion: lease.metadata.resourceVersion,
        },
        spec: { ...lease.spec, holderIdentity: 'intruder', renewTime: microTime(stolenAt) },
      },
    );
    await waitFor(() => a!.state().role === 'standby', 10_000, 'a steps down');
    expect(log).toEqual(['a_1 starts', 'a_1 stops']);
    expect(a!.state().holder).toBe('intruder');
    // The intruder never renews: a takes the Lease back only after its lease duration.
    await waitFor(() => a!.state().role === 'leader', 10_000, 'a leads again');
    const back = await leaseOf(env.cluster);
    expect(log).toEqual(['a_1 starts', 'a_1 stops', 'a_1 starts']);
    expect(back.spec).toMatchObject({ holderIdentity: 'a_1', leaseTransitions: 1 });
    expect(Date.parse(back.spec.acquireTime!) - stolenAt).toBeGreaterThanOrEqual(
      timing.leaseDurationMs,
    );
  });

  it('stops leading when it cannot renew for the renew deadline', async () => {
    env = await startSandboxCluster({ speed: 0 });
    const { list, log } = candidates(env.cluster, ['a_1']);
    const [a] = list;
    a!.start();
    await waitFor(() => a!.state().role === 'leader', 10_000, 'a leads');
    await env.stop();
    env = undefined;
    await waitFor(() => a!.state().role === 'standby', 10_000, 'a gives up');
    expect(log).toEqual(['a_1 starts', 'a_1 stops']);
  });

  it('writes MicroTime with six fractional digits, as the API server parses it', () => {
    expect(microTime(Date.parse('2026-11-30T06:27:49.123Z'))).toBe('2026-11-30T06:27:49.123000Z');
  });
});
