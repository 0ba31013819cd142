import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import rev1 from './fixtures/billing-rev1.replicaset.json';
import rev2 from './fixtures/billing-rev2-config-only.replicaset.json';
import sibling from './fixtures/billing-stale-image-sibling.pod.json';
import pod from './fixtures/billing-stale-image.pod.json';
import worker from './fixtures/queue-worker-replaced.pod.json';
import { diagnosePod, scanLogText } from './index';

const NOW = Date.parse('2026-11-25T10:49:31Z');
const read = (name: string) => readFileSync(path.join(__dirname, 'fixtures', name), 'utf8');
const billingLog = read('billing-unknown-config-key.previous.log');
const workerLog = read('queue-worker-migration-error.previous.log');

describe('unknown configuration keys', () => {
  it.each([
    [
      'config: unknown configuration key "settlement.batchWindow" (strict mode)',
      'settlement.batchWindow',
    ],
    ['json: unknown field "batchWindow"', 'batchWindow'],
    ['line 5: field batchWindow not found in type config.Settlement', 'batchWindow'],
    ['FATAL:  unrecognized configuration parameter "shared_preload_libs"', 'shared_preload_libs'],
    ['error: unknown field `retries`, expected one of `timeout`, `url`', 'retries'],
  ])('recognises “%s” as a key the code does not know', (line, key) => {
    expect(scanLogText(line)[0]).toMatchObject({ id: 'unknown-config-key', subject: key });
  });

  it('leaves an unknown command-line flag to the flag-rejected pattern', () => {
    expect(scanLogText('Error: unknown option --verbose')[0]?.id).toBe('flag-rejected');
  });
});

describe('new config, old image', () => {
  it('ranks the image/config mismatch first when pods of the owner run different digests', () => {
    const d = diagnosePod({
      pod,
      siblings: [sibling],
      logs: { billing: { previous: billingLog } },
      now: NOW,
    });
    const top = d.findings[0];
    expect(top).toMatchObject({
      id: 'config-newer-than-image',
      category: 'image-mismatch',
      severity: 'critical',
    });
    expect(top?.title).toMatch(/never rebuilt/);
    expect(top?.evidence[0]).toMatchObject({ kind: 'log', line: 4 });
    expect(top?.evidence[0]?.text).toContain('settlement.batchWindow');
    expect(top?.evidence.some((e) => e.text.includes('sha256:60b0ad5b045b'))).toBe(true);
    expect(d.findings.some((f) => f.id === 'uncaught-exception')).toBe(false);
  });

  it('ranks it first when the revision changed config but kept the image', () => {
    const d = diagnosePod({
      pod,
      owners: [rev2],
      revisions: [rev1, rev2],
      logs: { billing: { previous: billingLog } },
      now: NOW,
    });
    expect(d.findings[0]?.id).toBe('config-newer-than-image');
    expect(d.findings[0]?.explanation).toContain('Revision 2 changed env');
  });

  it('ranks a drifted tag above a generic error line', () => {
    const generic = 'billing-service starting\nError: settlement engine stopped\n';
    const d = diagnosePod({
      pod,
      siblings: [sibling],
      logs: { billing: { previous: generic } },
      now: NOW,
    });
    expect(d.findings[0]?.id).toBe('image-tag-drift');
    expect(d.findings.at(-1)?.category).toBe('app-error');
  });
});

describe('generic findings rank last', () => {
  it('puts replaced pods resetting the back-off above "the program failed with an error"', () => {
    const d = diagnosePod({
      pod: worker,
      logs: { worker: { previous: workerLog } },
      history: {
        pods: [
          {
            uid: '7d1c2b9e-0a4f-4e61-8c3b-2f5a9d0e6b14',
            name: 'queue-worker-7b7cb7c965-k2m9p',
            createdAt: Date.parse('2026-11-25T10:44:07Z'),
            // Deleted when this pod's replacement (the fixture pod) was created.
            deletionRequestedAt: Date.parse('2026-11-25T10:48:06Z'),
            deletedAt: Date.parse('2026-11-25T10:48:37Z'),
            ownerKind: 'ReplicaSet',
            ownerName: 'queue-worker-7b7cb7c965',
          },
        ],
        terminations: [
          {
            podUid: '7d1c2b9e-0a4f-4e61-8c3b-2f5a9d0e6b14',
            podName: 'queue-worker-7b7cb7c965-k2m9p',
            container: 'worker',
            restartCount: 2,
            exitCode: 1,
            reason: 'Error',
            finishedAt: Date.parse('2026-11-25T10:47:30Z'),
          },
        ],
      },
      now: NOW,
    });
    expect(d.findings.map((f) => f.id)).toEqual([
      'backoff-reset-pod-replaced',
      'uncaught-exception',
    ]);
    expect(d.findings[1]?.title).toMatch(
      /^The program failed: “migration 0042_add_retry_count_to_jobs failed: column "retry_count"/,
    );
  });
});
