import { describe, expect, it } from 'vitest';
import events from './fixtures/auth-rev6-readiness-refused.events.json';
import pod from './fixtures/auth-rev6-crashloop.pod.json';
import probeEvents from './fixtures/liveness-kills-slow-starter.events.json';
import probePod from './fixtures/liveness-kills-slow-starter.pod.json';
import nodeOom from './fixtures/node-system-oom.events.json';
import worker from './fixtures/queue-worker-replaced.pod.json';
import { diagnosePod } from './index';

const NOW = Date.parse('2026-11-25T10:49:31Z');

describe('probe failures are not dependency outages', () => {
  it('answers a crash loop with only readiness "connection refused" events with not-enough-evidence and kubectl logs --previous', () => {
    const d = diagnosePod({ pod, events: events.items, now: NOW });
    expect(d.findings.some((f) => f.category === 'dependency-unavailable')).toBe(false);
    const top = d.findings[0];
    expect(top?.id).toBe('not-enough-evidence');
    expect(top?.commands[0]?.command).toContain('logs');
    expect(top?.commands[0]?.command).toContain('--previous');
    expect(top?.explanation).toMatch(/symptom, not the cause/);
  });

  it('reads a dependency outage from the crashed container’s log', () => {
    const log = 'db: connecting\nError: connect ECONNREFUSED 10.96.12.7:5432\n';
    const d = diagnosePod({
      pod,
      events: events.items,
      logs: { auth: { previous: log } },
      now: NOW,
    });
    expect(d.findings[0]).toMatchObject({ category: 'dependency-unavailable' });
    expect(d.findings[0]?.evidence[0]).toMatchObject({ kind: 'log', logKind: 'previous', line: 2 });
  });

  it('keeps a liveness probe that kills the container as a probe finding only', () => {
    const d = diagnosePod({ pod: probePod, events: probeEvents.items, now: NOW });
    expect(d.findings[0]?.category).toBe('probe-failure');
    expect(d.findings.some((f) => f.category === 'dependency-unavailable')).toBe(false);
  });

  it('does not read a node’s OOM kill of some process as this pod’s cause', () => {
    const d = diagnosePod({ pod: worker, events: nodeOom.items, now: NOW });
    expect(d.findings.some((f) => f.category === 'oom-killed')).toBe(false);
    expect(d.findings[0]?.id).toBe('not-enough-evidence');
  });
});
