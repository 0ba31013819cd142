import { describe, expect, it } from 'vitest';
import { buildScale, spacedLabels } from './timeline-scale';

describe('buildScale', () => {
  it('puts round ticks (whole minutes) inside the padded span', () => {
    const from = Date.parse('2026-11-25T10:02:13Z');
    const to = Date.parse('2026-11-25T10:21:40Z');
    const s = buildScale([from, to], 0, 1000);
    expect(s.ticks.length).toBeGreaterThanOrEqual(4);
    expect(s.ticks.length).toBeLessThanOrEqual(9);
    for (const t of s.ticks) expect(t % 60_000).toBe(0);
    expect(s.x(from)).toBeGreaterThan(0);
    expect(s.x(to)).toBeLessThan(1000);
  });
});

describe('spacedLabels', () => {
  it('drops labels that would collide and always keeps the last one', () => {
    expect([...spacedLabels([0, 5, 10, 40, 41], 20)]).toEqual([0, 4]);
    expect([...spacedLabels([0, 30, 60], 20)]).toEqual([0, 1, 2]);
  });
});
