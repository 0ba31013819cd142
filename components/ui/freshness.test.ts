import { describe, expect, it } from 'vitest';
import type { ClusterHealth } from '@/lib/views/types';
import { freshnessOf, noAccessFor } from './freshness';

const t0 = Date.UTC(2026, 10, 30, 4, 0, 0);

function cluster(over: Partial<ClusterHealth> = {}): ClusterHealth {
  return {
    cluster: 'prod',
    state: 'synced',
    resources: [
      // A quiet resource: its last event is an hour old, which says nothing about an outage.
      { resource: 'limitranges', state: 'synced', lastEventAt: t0 - 3_600_000, since: t0 - 7e6 },
      { resource: 'pods', state: 'synced', lastEventAt: t0 - 2_000, since: t0 - 7e6 },
    ],
    lastContactAt: t0 - 1_000,
    ...over,
  };
}

describe('freshnessOf', () => {
  it('says nothing is wrong while the stream connects on page load', () => {
    const fresh = freshnessOf([cluster()], { connection: 'reconnecting' }, t0);
    expect(fresh.outage).toBeUndefined();
    expect(fresh.updatedAt).toBe(t0 - 1_000);
  });

  it('counts "updated" from the newest contact the heartbeat reports, not the data', () => {
    const fresh = freshnessOf(
      [cluster({ lastContactAt: t0 - 60_000 })],
      { connection: 'live', contact: { prod: t0 - 4_000 } },
      t0,
    );
    expect(fresh.updatedAt).toBe(t0 - 4_000);
  });

  it('dates a hung API server from the last contact, however quiet the resources were', () => {
    const fresh = freshnessOf(
      [
        cluster({
          state: 'stale',
          unreachable: { since: t0 + 5_000, message: 'the API server did not answer within 5 s' },
        }),
      ],
      { connection: 'live', contact: { prod: t0 } },
      t0,
    );
    expect(fresh.outage).toEqual({ what: 'API server of prod', since: t0 });
  });

  it('dates a stale watch from when it turned stale, not from an old event (no "47 s" at 1 s)', () => {
    const fresh = freshnessOf(
      [
        cluster({
          state: 'stale',
          resources: [
            { resource: 'limitranges', state: 'stale', lastEventAt: t0 - 47_000, since: t0 },
            { resource: 'pods', state: 'synced', lastEventAt: t0, since: t0 - 7e6 },
          ],
        }),
      ],
      { connection: 'live' },
      t0,
    );
    expect(fresh.outage).toEqual({ what: 'Watch of prod', since: t0 });
  });

  it('dates a lost stream from when it went down, not from the last message', () => {
    const fresh = freshnessOf(
      [cluster()],
      { connection: 'stale', downSince: t0 - 20_000, lastUpdateAt: t0 - 19_000 },
      t0,
    );
    expect(fresh.outage).toEqual({ what: 'Connection to Podtrail', since: t0 - 20_000 });
  });

  it('marks each forbidden namespace once, with the earliest time', () => {
    const forbidden = [
      { namespace: 'payments', resource: 'pods', message: 'pods is forbidden', since: t0 + 2 },
      { namespace: 'payments', resource: 'events', message: 'events is forbidden', since: t0 },
      { resource: 'secrets', message: 'cluster-wide: not a namespace mark' },
    ];
    const fresh = freshnessOf([cluster({ forbidden })], { connection: 'live' }, t0);
    expect(fresh.noAccess).toEqual([
      { cluster: 'prod', namespace: 'payments', since: t0, message: 'events is forbidden' },
    ]);
    expect(noAccessFor(fresh, 'prod', 'payments')?.since).toBe(t0);
    expect(noAccessFor(fresh, 'prod', 'shop')).toBeUndefined();
  });
});
