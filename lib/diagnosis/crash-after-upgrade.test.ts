import { describe, expect, it } from 'vitest';
import rev5 from './fixtures/auth-rev5-old-image-ready.replicaset.json';
import rev6 from './fixtures/auth-rev6-new-image.replicaset.json';
import pod from './fixtures/auth-rev6-crashloop.pod.json';
import { diagnosePod } from './index';

const NOW = Date.parse('2026-11-25T10:49:31Z');

describe('crash after an image upgrade', () => {
  it('says the crashes started with the new image while the old revision still serves', () => {
    const d = diagnosePod({ pod, owners: [rev6], revisions: [rev5, rev6], now: NOW });
    const top = d.findings[0];
    expect(top).toMatchObject({
      id: 'crash-started-with-new-image',
      category: 'crash-after-upgrade',
      severity: 'critical',
    });
    expect(top?.title).toContain('acme/auth-service:1.8.1');
    expect(top?.title).toContain('acme/auth-service:1.7.2');
    expect(top?.evidence[1]?.text).toMatch(/auth-767b94756c still has 2 ready pods/);
    expect(top?.commands[0]?.command).toMatch(/logs .* --previous/);
    // It says when, not why: what to collect is still listed.
    expect(d.findings.some((f) => f.id === 'not-enough-evidence')).toBe(true);
  });

  it('ranks it above a generic error line', () => {
    const log = 'auth-service 1.8.1 starting\nError: startup aborted\n';
    const d = diagnosePod({
      pod,
      owners: [rev6],
      revisions: [rev5, rev6],
      logs: { auth: { previous: log } },
      now: NOW,
    });
    expect(d.findings[0]?.id).toBe('crash-started-with-new-image');
  });

  it('yields to a specific cause in the log', () => {
    const log = 'auth-service 1.8.1 starting\nError: missing required env AUTH_JWKS_URL\n';
    const d = diagnosePod({
      pod,
      owners: [rev6],
      revisions: [rev5, rev6],
      logs: { auth: { previous: log } },
      now: NOW,
    });
    expect(d.findings[0]?.category).toBe('missing-config');
    expect(d.findings[1]?.id).toBe('crash-started-with-new-image');
  });

  it('says nothing about an upgrade when the old revision is not known to have run', () => {
    const d = diagnosePod({ pod, owners: [rev6], revisions: [rev6], now: NOW });
    expect(d.findings.some((f) => f.category === 'crash-after-upgrade')).toBe(false);
  });
});
