import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatScore, readCases, scoreCases } from './score-cases';

const PROBE = path.join(__dirname, 'fixtures/generalisation-probe.json');
const NOW = Date.parse('2025-03-03T10:05:00Z');

describe('the generalisation probe', () => {
  it('holds 40 written cases across the cause classes, each with its expected cause', () => {
    const cases = readCases(PROBE);
    expect(cases).toHaveLength(40);
    expect(new Set(cases.map((c) => c.category)).size).toBeGreaterThanOrEqual(12);
  });

  it('names the right cause in the top two findings for at least 9 in 10, never a confident wrong one', () => {
    const results = scoreCases(PROBE, NOW);
    const right = results.filter((r) => r.right).length;
    expect(right, formatScore(results)).toBeGreaterThanOrEqual(36);
    expect(results.filter((r) => r.confidentWrong)).toEqual([]);
  });
});
