import { describe, expect, it } from 'vitest';
import {
  expectedBackoffMs,
  formatGoDuration,
  parseBackoffMessage,
  parseGoDuration,
  REDUCED_BACKOFF,
} from './index';

describe('expectedBackoffMs', () => {
  it('restarts the first crash at once, then doubles from 10 s to 300 s', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((n) => expectedBackoffMs(n))).toEqual([
      0, 10_000, 20_000, 40_000, 80_000, 160_000, 300_000, 300_000,
    ]);
  });
  it('follows the KEP-4603 reduced curve when given its parameters', () => {
    expect([2, 3, 8, 9].map((n) => expectedBackoffMs(n, REDUCED_BACKOFF))).toEqual([
      1000, 2000, 60_000, 60_000,
    ]);
  });
  it('caps the initial delay at a configured maximum below it', () => {
    expect(expectedBackoffMs(2, { maxMs: 2000 })).toBe(2000);
  });
});

describe('formatGoDuration', () => {
  it('prints durations the way Go does', () => {
    expect([500, 10_000, 80_000, 300_000, 3_600_000, 1500].map(formatGoDuration)).toEqual([
      '500ms',
      '10s',
      '1m20s',
      '5m0s',
      '1h0m0s',
      '1.5s',
    ]);
  });
  it('parses what it prints', () => {
    expect(parseGoDuration('2m40s')).toBe(160_000);
    expect(parseGoDuration('forty')).toBeUndefined();
  });
});

describe('parseBackoffMessage', () => {
  it('reads the back-off, container and pod from the waiting message', () => {
    expect(
      parseBackoffMessage(
        'back-off 1m20s restarting failed container=auth pod=auth-7c9f6d-x2k4p_prod(2d8b5e74-0c3a)',
      ),
    ).toEqual({
      backoffMs: 80_000,
      container: 'auth',
      pod: 'auth-7c9f6d-x2k4p',
      namespace: 'prod',
      uid: '2d8b5e74-0c3a',
    });
  });
  it('reads the older capitalised message without a pod', () => {
    expect(parseBackoffMessage('Back-off 40s restarting failed container=web')).toMatchObject({
      backoffMs: 40_000,
      container: 'web',
    });
  });
  it('reads the container from a 1.26+ BackOff event and nothing from the old one', () => {
    const event = parseBackoffMessage(
      'Back-off restarting failed container app in pod app-1_ns(u1)',
    );
    expect(event).toMatchObject({ container: 'app', pod: 'app-1', namespace: 'ns', uid: 'u1' });
    expect(event?.backoffMs).toBeUndefined();
    expect(parseBackoffMessage('Back-off restarting failed container')).toEqual({
      container: undefined,
      pod: undefined,
      namespace: undefined,
      uid: undefined,
    });
    expect(parseBackoffMessage('Started container app')).toBeUndefined();
  });
});
