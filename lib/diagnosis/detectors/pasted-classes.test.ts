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
