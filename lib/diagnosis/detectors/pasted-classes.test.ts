// Detectors on pastes in the shape kubectl prints: init containers that wait for a dependency,
// a restarting pod with nothing but an exit code, a Completed pod.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { diagnosePod, parseInputs } from '../index';

const FIXTURES = path.join(__dirname, '../parse/fixtures');
const NOW = Date.parse('2025-03-03T10:05:00Z');

function diagnoseFixture(name: string, now = NOW) {
  const text = readFileSync(path.join(FIXTURES, name), 'utf8');
  return diagnosePod(parseInputs([{ name, text }], now).input);
}

describe('init containers that wait for a dependency', () => {
  it('names the host an init container cannot resolve as the cause, not the init container', () => {
    const top = diagnoseFixture('init-waits-for-dns.txt').findings[0];
    expect(top).toMatchObject({
      id: 'init-container-waits-for-dependency',
      category: 'dependency-unavailable',
      container: 'wait-for-db',
      severity: 'critical',
    });
    expect(top?.title).toContain('orders-db.shop.svc.cluster.local');
  });

  it('reports an init container still running (Init:0/1) that cannot reach its broker', () => {
    const top = diagnoseFixture('init-running-broker-timeout.txt').findings[0];
    expect(top).toMatchObject({
      category: 'dependency-unavailable',
      severity: 'warning',
    });
    expect(top?.title).toContain('rabbitmq.messaging.svc.cluster.local');
    expect(top?.explanation).toContain('has not completed');
  });
});

describe('a restarting pod with no log', () => {
  it('says what is known and what to collect instead of no findings', () => {
    const d = diagnoseFixture('describe-restarted-no-log.txt');
    expect(d.findings).toHaveLength(1);
    expect(d.findings[0]).toMatchObject({
      id: 'not-enough-evidence',
      category: 'not-enough-evidence',
      container: 'ledger',
      title: 'Restarted 19 times; the input does not say why',
    });
    expect(d.findings[0]?.explanation).toContain('The last run exited 1 (Error)');
    expect(d.findings[0]?.doNext[0]).toContain('kubectl logs');
  });

  it('still warns a day later, when the container has been running since', () => {
    const d = diagnoseFixture('describe-restarted-no-log.txt', NOW + 24 * 3600_000);
    expect(d.findings).toHaveLength(1);
    expect(d.findings[0]).toMatchObject({
      id: 'restarts-without-evidence',
      category: 'not-enough-evidence',
      severity: 'warning',
      title: 'Restarted 19 times; the input does not say why',
    });
  });
});

describe('a main process that simply ends', () => {
  it('says so from a pods table that shows Completed', () => {
    const top = diagnoseFixture('pods-table-completed.txt').findings[0];
    expect(top).toMatchObject({ category: 'exits-zero', id: 'exits-zero-restarted' });
  });
});

describe('a pods table with several failing pods', () => {
  it('gives a finding per failing pod, the one whose status names a cause first', () => {
    const d = diagnoseFixture('pods-table-several-failing.txt');
    expect(d.pod).toMatchObject({ name: 'checkout-7d9c6b5f4-2mx8q', restarts: 6 });
    expect(d.findings.map((f) => [f.pod, f.category])).toEqual([
      ['cart-5c8f7d9b6-h7v2k', 'create-config-error'],
      ['search-0', 'init-container'],
      ['worker-59d8c7b6f-zt7qp', 'exits-zero'],
      [undefined, 'not-enough-evidence'],
    ]);
    expect(d.findings[0]?.explanation).toContain('look at this one first');
    expect(d.findings[1]?.title).toBe(
      'Pod search-0 is Init:CrashLoopBackOff, 3 restarts: an init container keeps failing',
    );
    expect(d.findings.some((f) => f.pod === 'web-6b8d9f7c5-q4w9z')).toBe(false);
    expect(d.findings[3]?.title).toBe('Restarted 6 times; the input does not say why');
  });
});

describe('probes that kill a live or starting process', () => {
  it('names a liveness probe aimed at the readiness endpoint', () => {
    const top = diagnoseFixture('describe-liveness-on-ready.txt').findings[0];
    expect(top).toMatchObject({ id: 'liveness-checks-readiness', category: 'probe-failure' });
    expect(top?.title).toContain('`/actuator/health/readiness`');
    expect(top?.doNext[0]).toContain('readiness probe');
  });

  it('reads a log that stops mid-start-up on a probed container killed with 137 as a slow starter', () => {
    const d = diagnoseFixture('describe-killed-mid-startup.txt');
    expect(d.findings[0]).toMatchObject({ id: 'killed-during-startup', category: 'probe-failure' });
    // The SIGKILL's sender is known now: no "not enough evidence" beside the cause.
    expect(d.findings.map((f) => f.id)).toEqual(['killed-during-startup']);
    expect(d.findings[0]?.explanation).toContain('about 60 s');
    expect(d.findings[0]?.evidence[0]?.text).toContain('loading shard 188 of 412');
  });
});

describe('a heap sized to the memory limit', () => {
  it('reads -Xmx from a ps line against the limit from describe', () => {
    const top = diagnoseFixture('describe-xmx-at-limit.txt').findings[0];
    expect(top).toMatchObject({ id: 'heap-over-memory-limit', category: 'oom-killed' });
    expect(top?.title).toBe('The heap may grow to 2Gi, 100% of the 2Gi memory limit');
  });
});
