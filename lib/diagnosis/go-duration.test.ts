import { describe, expect, it } from 'vitest';
import { formatDuration, formatGoDuration, parseGoDuration } from './index';

describe('formatGoDuration', () => {
  it("writes a duration as Go's time.Duration.String() does", () => {
    expect(formatGoDuration(500)).toBe('500ms');
    expect(formatGoDuration(80_000)).toBe('1m20s');
    expect(formatGoDuration(300_000)).toBe('5m0s');
    expect(formatGoDuration(3_600_000)).toBe('1h0m0s');
    expect(parseGoDuration('1m20s')).toBe(80_000);
  });
});

describe('formatDuration', () => {
  it('writes the compact form every screen and the CLI use', () => {
    // The CLI had its own formatter: `1m` for a minute and `1s` for 850 ms.
    expect(formatDuration(60_000)).toBe('1m0s');
    expect(formatDuration(850)).toBe('850ms');
    expect(formatDuration(80_400)).toBe('1m20s');
    expect(formatDuration(7_380_000)).toBe('2h3m');
    expect(formatDuration(-10_000)).toBe('-10s');
  });
});
