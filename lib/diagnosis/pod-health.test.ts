import { describe, expect, it } from 'vitest';
import completedJob from './fixtures/job-completed.pod.json';
import healthyPod from './fixtures/healthy-running-ready.pod.json';
import oldRestart from './fixtures/running-ready-old-restart.pod.json';
import crashing from './fixtures/auth-rev6-crashloop.pod.json';
import { diagnosePod, summarizeForBoard } from './index';

// The time the fixtures were read from the cluster.
const NOW = Date.parse('2026-11-25T10:49:31Z');

describe('healthy pods', () => {
  it('gives a Running and ready pod with no restarts no findings and calls it healthy', () => {
    const d = diagnosePod({ pod: healthyPod, now: NOW });
    expect(d.findings).toEqual([]);
    expect(d.healthy).toBe(true);
    expect(summarizeForBoard(d)).toMatchObject({ severity: 'info', healthy: true });
  });

  it('treats the Completed pod of a Job as healthy, not as missing evidence', () => {
    const d = diagnosePod({ pod: completedJob, now: NOW });
    expect(d.findings.some((f) => f.id === 'not-enough-evidence')).toBe(false);
    expect(d.findings.every((f) => f.severity === 'info')).toBe(true);
    expect(summarizeForBoard(d).healthy).toBe(true);
  });

  it('treats one restart hours ago, ready since, as history', () => {
    const d = diagnosePod({ pod: oldRestart, now: NOW });
    expect(d.findings.some((f) => f.id === 'not-enough-evidence')).toBe(false);
    expect(d.findings.every((f) => f.severity === 'info')).toBe(true);
    expect(summarizeForBoard(d).healthy).toBe(true);
  });

  it('still counts that restart when it is recent', () => {
    const soon = Date.parse('2026-11-25T07:05:00Z');
    const d = diagnosePod({ pod: oldRestart, now: soon });
    expect(d.healthy).toBe(false);
    expect(summarizeForBoard(d).healthy).toBe(false);
  });

  it('keeps not-enough-evidence for a pod waiting in CrashLoopBackOff with nothing else known', () => {
    const d = diagnosePod({ pod: crashing, now: NOW });
    expect(d.findings[0]?.id).toBe('not-enough-evidence');
    expect(d.findings[0]?.severity).toBe('warning');
    expect(summarizeForBoard(d)).toMatchObject({ severity: 'warning', healthy: false });
  });
});
