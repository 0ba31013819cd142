import { describe, expect, it } from 'vitest';
import { readHealth } from '@/lib/api-client';
import { CLUSTER_CHANGE_NOTICE_MS, systemNoticesOf } from './system-notices';

const at = Date.UTC(2026, 10, 30, 6, 31, 10);

describe('systemNoticesOf', () => {
  it('names the cluster another cluster answered for, with the time, for an hour', () => {
    const health = {
      contact: [
        { cluster: 'prod', state: 'ok' as const, identityChange: { at } },
        { cluster: 'staging', state: 'ok' as const },
      ],
    };
    expect(systemNoticesOf(health, at + 5_000)).toEqual([
      {
        kind: 'identity',
        text: 'Another cluster answered at the address of prod at 06:31:10 UTC: what was shown before came from the old cluster; everything was listed again.',
      },
    ]);
    expect(systemNoticesOf(health, at + CLUSTER_CHANGE_NOTICE_MS - 1)).toHaveLength(1);
    expect(systemNoticesOf(health, at + CLUSTER_CHANGE_NOTICE_MS)).toEqual([]);
  });

  it('says when a cluster went back to an older state, and puts the history problem first', () => {
    const health = {
      historyProblem: 'History store could not be opened; recording into a fresh one.',
      contact: [{ cluster: 'prod', state: 'ok' as const, rewind: { at } }],
    };
    expect(systemNoticesOf(health, at + 60_000)).toEqual([
      { kind: 'history', text: 'History store could not be opened; recording into a fresh one.' },
      {
        kind: 'rewind',
        text: 'prod went back to an older state at 06:31:10 UTC (its API server was restored or rebuilt): everything was listed again.',
      },
    ]);
  });

  it('shows nothing when all is well or nothing is known yet', () => {
    expect(systemNoticesOf(undefined, at)).toEqual([]);
    expect(systemNoticesOf({ ok: true, contact: [{ cluster: 'prod', state: 'ok' }] }, at)).toEqual(
      [],
    );
  });
});

describe('readHealth', () => {
  it('reads the body of a 503 readiness answer: the history problem still shows while no cluster answers', async () => {
    const body = {
      ok: false,
      historyProblem: 'History store could not be opened; recording into a fresh one.',
      contact: [{ cluster: 'prod', state: 'unreachable', unreachableSince: at }],
    };
    const health = await readHealth(new Response(JSON.stringify(body), { status: 503 }));
    expect(health).toEqual(body);
    expect(systemNoticesOf(health, at).map((l) => l.kind)).toEqual(['history']);
  });

  it('fails on an answer without a JSON body (a proxy’s error page)', async () => {
    await expect(
      readHealth(new Response('<html>Bad gateway</html>', { status: 502 })),
    ).rejects.toThrow('health: HTTP 502 without a JSON body');
  });
});
