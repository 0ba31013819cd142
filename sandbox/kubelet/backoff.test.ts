import { describe, expect, it } from 'vitest';
import { Backoff, REDUCED_BACKOFF, stableKey } from './backoff';
import { formatGoDuration } from '../sim/go-duration';
import { humanDuration } from '../sim/human-duration';

/** Plays a container that dies `runMs` after each start, restarted as soon as allowed. */
const clocks = new WeakMap<Backoff, number>();
function waits(backoff: Backoff, crashes: number, runMs = 1_000): number[] {
  const out: number[] = [];
  let now = clocks.get(backoff) ?? 0;
  for (let i = 0; i < crashes; i++) {
    now += runMs;
    const finishedAt = now;
    let waited = 0;
    while (backoff.isInBackOffSince('k', finishedAt, now)) {
      now += 1_000;
      waited += 1_000;
    }
    backoff.next('k', finishedAt, now);
    out.push(waited);
  }
  clocks.set(backoff, now);
  return out;
}

describe('crash-loop back-off', () => {
  it('restarts the first crash at once, then waits 10s, 20s, 40s ... capped at 5m', () => {
    expect(waits(new Backoff(), 9)).toEqual([
      0, 10_000, 20_000, 40_000, 80_000, 160_000, 300_000, 300_000, 300_000,
    ]);
  });

  it('follows the KEP-4603 reduced curve (1s initial, 60s max)', () => {
    expect(waits(new Backoff(REDUCED_BACKOFF), 9)).toEqual([
      0, 1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000,
    ]);
  });

  it('caps the initial delay at a smaller maxContainerRestartPeriod', () => {
    expect(waits(new Backoff({ maxMs: 2_000 }), 4)).toEqual([0, 2_000, 2_000, 2_000]);
  });

  it('starts over after a run longer than 600s', () => {
    const b = new Backoff();
    waits(b, 5);
    expect(b.get('k')).toBe(160_000);
    // This run ends 700s after the last restart decision: not in back-off, and the next wait is 10s again.
    expect(waits(b, 2, 700_000)).toEqual([0, 0]);
    expect(b.get('k')).toBe(10_000);
  });

  it('measures the window from finishedAt, not from when the kubelet looks', () => {
    const b = new Backoff();
    b.next('k', 0, 0);
    expect(b.isInBackOffSince('k', 100_000, 105_000)).toBe(true);
    expect(b.isInBackOffSince('k', 100_000, 110_000)).toBe(false);
  });

  it('keys entries by pod UID and image, so a replaced pod or a new image starts fresh', () => {
    const pod = { name: 'api-1', namespace: 'ns', uid: 'uid-1' };
    const key = stableKey(pod, { name: 'app', image: 'acme/api:1' });
    expect(key).toBe('api-1_ns_uid-1_app_acme/api:1');
    const b = new Backoff();
    b.next(key, 0, 0);
    b.next(key, 1_000, 1_000);
    expect(b.isInBackOffSince(key, 2_000, 3_000)).toBe(true);
    expect(
      b.isInBackOffSince(
        stableKey({ ...pod, uid: 'uid-2' }, { name: 'app', image: 'acme/api:1' }),
        2_000,
        3_000,
      ),
    ).toBe(false);
    expect(
      b.isInBackOffSince(stableKey(pod, { name: 'app', image: 'acme/api:2' }), 2_000, 3_000),
    ).toBe(false);
  });

  it('forgets everything on a kubelet restart', () => {
    const b = new Backoff();
    waits(b, 4);
    b.reset();
    expect(b.get('k')).toBe(0);
    expect(b.isInBackOffSince('k', 0, 1)).toBe(false);
  });
});

describe('Go and kubectl duration strings', () => {
  it.each([
    [10_000, '10s'],
    [80_000, '1m20s'],
    [160_000, '2m40s'],
    [300_000, '5m0s'],
    [60_000, '1m0s'],
    [1_009, '1.009s'],
    [1_500, '1.5s'],
    [311, '311ms'],
    [3_600_000, '1h0m0s'],
    [0, '0s'],
  ])('formats %i ms as %s like time.Duration.String', (ms, text) => {
    expect(formatGoDuration(ms)).toBe(text);
  });

  it.each([
    [45_000, '45s'],
    [119_000, '119s'],
    [190_000, '3m10s'],
    [25 * 60_000, '25m'],
    [5 * 3_600_000 + 3 * 60_000, '5h3m'],
    [20 * 3_600_000, '20h'],
    [52 * 3_600_000, '2d4h'],
  ])('renders an age of %i ms as %s like duration.HumanDuration', (ms, text) => {
    expect(humanDuration(ms)).toBe(text);
  });
});
