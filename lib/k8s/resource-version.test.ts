import { describe, expect, it } from 'vitest';
import { compareResourceVersions } from './resource-version';

describe('compareResourceVersions', () => {
  it('orders decimal versions by length first, so "10" is newer than "9"', () => {
    expect(compareResourceVersions('9', '10')).toBeLessThan(0);
    expect(compareResourceVersions('100', '99')).toBeGreaterThan(0);
    expect(compareResourceVersions('42', '42')).toBe(0);
  });

  it('refuses to order opaque or zero-padded versions', () => {
    expect(compareResourceVersions('abc', 'abd')).toBeUndefined();
    expect(compareResourceVersions('012', '13')).toBeUndefined();
    expect(compareResourceVersions('abc', 'abc')).toBe(0);
  });
});
