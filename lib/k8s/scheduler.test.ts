import { describe, expect, it } from 'vitest';
import { Backoff } from './scheduler';

describe('Backoff', () => {
  it('doubles from 1 s up to 30 s with jitter and starts over on reset', () => {
    const backoff = new Backoff({ random: () => 1 });
    expect([1, 2, 3, 4, 5, 6, 7].map(() => backoff.next())).toEqual([
      1000, 2000, 4000, 8000, 16000, 30000, 30000,
    ]);
    backoff.reset();
    expect(backoff.next()).toBe(1000);
  });

  it('never waits less than 1 s however low the jitter', () => {
    const backoff = new Backoff({ random: () => 0 });
    expect(backoff.next()).toBe(1000);
    expect(backoff.next()).toBe(1000);
    expect(backoff.next()).toBe(2000);
  });
});
