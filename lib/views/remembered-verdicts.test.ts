import { describe, expect, it } from 'vitest';
import type { PodDiagnosis } from '../diagnosis';
import { RememberedVerdicts } from './remembered-verdicts';

const T = 1_000_000;
const diagnosis = { generatedAt: T, findings: [], containers: [] } as unknown as PodDiagnosis;

describe('RememberedVerdicts', () => {
  it('gives a verdict back only for the same inputs, within a minute', () => {
    const verdicts = new RememberedVerdicts();
    verdicts.record('a', 'sig-1', 'healthy', T);
    expect(verdicts.lookup('a', 'sig-1', T + 59_999)).toBe('healthy');
    expect(verdicts.lookup('a', 'sig-2', T + 1)).toBeUndefined();
    expect(verdicts.lookup('a', 'sig-1', T + 60_000)).toBeUndefined();
    expect(verdicts.lookup('b', 'sig-1', T)).toBeUndefined();
  });

  it('keeps the first time a healthy verdict was seen with unchanged inputs', () => {
    const verdicts = new RememberedVerdicts();
    verdicts.record('a', 'sig-1', 'healthy', T);
    verdicts.record('a', 'sig-1', 'healthy', T + 30_000);
    expect(verdicts.lookup('a', 'sig-1', T + 60_000)).toBeUndefined();
  });

  it("reuses an unhealthy pod's diagnosis until the clock can change it", () => {
    const verdicts = new RememberedVerdicts();
    verdicts.record('a', 'sig-1', { diagnosis, until: T + 10_000 }, T);
    expect(verdicts.lookup('a', 'sig-1', T + 9_999)).toEqual({ diagnosis, until: T + 10_000 });
    expect(verdicts.lookup('a', 'sig-1', T + 10_000)).toBeUndefined();
    verdicts.record('a', 'sig-1', { diagnosis, until: T }, T);
    expect(verdicts.lookup('a', 'sig-1', T)).toBeUndefined();
  });

  it('forgets pods that are gone', () => {
    const verdicts = new RememberedVerdicts();
    verdicts.record('a', 's', 'healthy', T);
    verdicts.record('b', 's', 'healthy', T);
    verdicts.keepOnly(new Set(['b']));
    expect(verdicts.lookup('a', 's', T)).toBeUndefined();
    expect(verdicts.lookup('b', 's', T)).toBe('healthy');
  });
});
