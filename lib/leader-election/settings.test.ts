import { describe, expect, it } from 'vitest';
import { leaderElectionFromEnv } from './index';

describe('leaderElectionFromEnv', () => {
  it('is off without PODTRAIL_LEADER_ELECTION_LEASE', () => {
    expect(leaderElectionFromEnv({ POD_NAME: 'podtrail-0' })).toBeUndefined();
  });

  it('takes the Lease name, the pod namespace and the pod name plus the process id', () => {
    const env = {
      PODTRAIL_LEADER_ELECTION_LEASE: 'podtrail-recorder',
      POD_NAMESPACE: 'podtrail',
      POD_NAME: 'podtrail-7d9c5-x2x4q',
    };
    expect(leaderElectionFromEnv(env)).toEqual({
      name: 'podtrail-recorder',
      namespace: 'podtrail',
      identity: `podtrail-7d9c5-x2x4q_${process.pid}`,
    });
  });

  it('reads namespace/name, and uses the hostname when there is no pod name', () => {
    const settings = leaderElectionFromEnv({ PODTRAIL_LEADER_ELECTION_LEASE: 'ops/recorder' });
    expect(settings).toMatchObject({ name: 'recorder', namespace: 'ops' });
    expect(settings?.identity).toMatch(new RegExp(`^.+_${process.pid}$`));
  });
});
