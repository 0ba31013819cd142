import { describe, expect, it } from 'vitest';
import { toMs } from './index';

describe('toMs', () => {
  it('reads RFC 3339 strings, Dates and epoch ms', () => {
    expect(toMs('2026-11-25T08:10:03Z')).toBe(Date.UTC(2026, 10, 25, 8, 10, 3));
    expect(toMs(new Date(1_700_000_000_000))).toBe(1_700_000_000_000);
    expect(toMs(1_700_000_000_000)).toBe(1_700_000_000_000);
  });

  it('treats the zero times the kubelet reports for fields it never set as missing', () => {
    // lib/history had its own toMs that stored these as about -6.2e13 ms and 0 ms.
    expect(toMs('0001-01-01T00:00:00Z')).toBeUndefined();
    expect(toMs('1970-01-01T00:00:00Z')).toBeUndefined();
  });

  it('treats empty and unreadable values as missing', () => {
    expect(toMs(undefined)).toBeUndefined();
    expect(toMs(null)).toBeUndefined();
    expect(toMs('')).toBeUndefined();
    expect(toMs('yesterday')).toBeUndefined();
    expect(toMs(Number.NaN)).toBeUndefined();
  });
});
