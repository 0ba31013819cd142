import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import rev1 from './fixtures/auth-rev1.replicaset.json';
import rev2 from './fixtures/auth-rev2.replicaset.json';
import rev2Down from './fixtures/auth-rev2-scaled-down.replicaset.json';
import rev3 from './fixtures/auth-rev3-rolled-back.replicaset.json';
import configError from './fixtures/create-config-error-missing-secret.pod.json';
import evicted from './fixtures/evicted-memory-pressure.pod.json';
import exitsZero from './fixtures/exits-zero-restart-always.pod.json';
import pullEvents from './fixtures/image-pull-tag-not-found.events.json';
import pullPod from './fixtures/image-pull-tag-not-found.pod.json';
import initCrash from './fixtures/init-container-crashloop.pod.json';
import probeEvents from './fixtures/liveness-kills-slow-starter.events.json';
import probePod from './fixtures/liveness-kills-slow-starter.pod.json';
import missingEnv from './fixtures/missing-env-new-code.pod.json';
import oomAtLimit from './fixtures/oom-killed-at-limit.pod.json';
import oomNoLimit from './fixtures/oom-killed-no-limit.pod.json';
import startError from './fixtures/start-error-entrypoint-missing.pod.json';
import { diagnosePod } from './index';

const NOW = Date.parse('2025-03-04T10:45:00Z');
const authLog = readFileSync(
  path.join(__dirname, 'fixtures/auth-missing-env.previous.log'),
  'utf8',
);

describe('diagnosePod', () => {
  it('names an OOM kill without a memory limit as the node running out of memory', () => {
    const d = diagnosePod({ pod: oomNoLimit, now: NOW });
    expect(d.findings[0]).toMatchObject({
      id: 'oom-killed-without-limit',
      category: 'oom-killed',
      severity: 'critical',
    });
    expect(d.findings[0]?.evidence[0]?.path).toBe(
      'status.containerStatuses[report-builder].lastState.terminated.reason',
    );
    expect(d.findings[0]?.dont.join(' ')).toMatch(/delete the pod/);
  });

  it('names an OOM kill at the limit with the limit and the last usage', () => {
    const d = diagnosePod({ pod: oomAtLimit, now: NOW, memoryUsage: { ingest: 250 * 2 ** 20 } });
    expect(d.findings[0]?.id).toBe('oom-killed-at-limit');
    expect(d.findings[0]?.title).toContain('256Mi');
    expect(d.findings[0]?.explanation).toContain('last usage 250Mi');
    expect(d.containers[0]?.memory).toMatchObject({
      limit: '256Mi',
      request: '128Mi',
      limitBytes: 268435456,
    });
  });

  it('says the new code needs a variable the pod spec lacks and the previous revision never set', () => {
    const d = diagnosePod({
      pod: missingEnv,
      now: NOW,
      logs: { auth: { previous: authLog } },
      owners: [rev2],
      revisions: [rev1, rev2],
    });
    const top = d.findings[0];
    expect(top).toMatchObject({
      id: 'missing-env-var',
      category: 'missing-config',
      container: 'auth',
    });
    expect(top?.title).toBe('The new code needs `AUTH_JWKS_URL`; the pod spec does not set it');
    expect(top?.evidence[0]).toMatchObject({
      kind: 'log',
      runId: 'auth#14',
      line: 3,
      logKind: 'previous',
    });
    expect(top?.evidence[0]?.text).toBe('Error: missing required env AUTH_JWKS_URL');
    expect(top?.commands.map((c) => c.command)).toContain(
      'kubectl logs -n rollback-hides-cause auth-7c9f6d8b5-x2k4p -c auth --previous',
    );
  });

  it('warns that a rollback hides the crashed revision’s cause', () => {
    const d = diagnosePod({
      pod: missingEnv,
      now: NOW,
      owners: [rev3],
      revisions: [rev3, rev2Down],
      history: {
        pods: [
          {
            uid: missingEnv.metadata.uid,
            name: missingEnv.metadata.name,
            createdAt: 0,
            deletedAt: NOW - 60_000,
            ownerName: 'auth-7c9f6d8b5',
          },
        ],
        terminations: [
          {
            podUid: missingEnv.metadata.uid,
            podName: missingEnv.metadata.name,
            container: 'auth',
            restartCount: 13,
            exitCode: 1,
            finishedAt: NOW - 120_000,
            logHead: authLog,
          },
        ],
      },
    });
    const f = d.findings.find((x) => x.id === 'rollback-hides-cause');
    expect(f?.category).toBe('rollback-hides-cause');
    expect(f?.explanation).toContain('AUTH_JWKS_URL');
    expect(d.findings[0]?.id).toBe('rollback-hides-cause');
  });

  it('names the missing Secret of a CreateContainerConfigError and the env var that uses it', () => {
    const d = diagnosePod({ pod: configError, now: NOW });
    expect(d.pod.status).toBe('CreateContainerConfigError');
    expect(d.findings[0]).toMatchObject({
      id: 'create-config-missing-object',
      category: 'create-config-error',
    });
    expect(d.findings[0]?.title).toContain('Secret `smtp-account` does not exist');
    expect(d.findings[0]?.explanation).toContain('env SMTP_USER');
  });

  it('classifies an image pull failure as tag not found from the Failed event', () => {
    const d = diagnosePod({ pod: pullPod, events: pullEvents.items, now: NOW });
    expect(d.findings[0]).toMatchObject({ id: 'image-pull-not-found', category: 'image-pull' });
    expect(d.containers[0]?.events.find((e) => e.reason === 'BackOff')?.count).toBe(15);
  });

  it('finds a liveness probe killing a slow starter that has no startupProbe', () => {
    const d = diagnosePod({ pod: probePod, events: probeEvents.items, now: NOW });
    expect(d.findings[0]).toMatchObject({
      id: 'liveness-kills-slow-starter',
      category: 'probe-failure',
    });
    expect(d.findings.some((f) => f.id === 'sigkill-not-oom')).toBe(false);
  });

  it('says a container exiting 0 under restartPolicy Always is restarted into back-off', () => {
    const d = diagnosePod({ pod: exitsZero, now: NOW });
    expect(d.findings[0]).toMatchObject({ id: 'exits-zero-restarted', category: 'exits-zero' });
  });

  it('names the failing init container and its decisive log line', () => {
    const d = diagnosePod({
      pod: initCrash,
      now: NOW,
      logs: {
        sysctl: {
          previous: "sysctl: error setting key 'vm.max_map_count': Read-only file system\n",
        },
      },
    });
    expect(d.pod.status).toBe('Init:CrashLoopBackOff');
    expect(d.findings[0]).toMatchObject({
      id: 'init-container-failing',
      category: 'init-container',
      container: 'sysctl',
    });
    expect(d.findings[0]?.evidence[0]).toMatchObject({ kind: 'log', line: 1, runId: 'sysctl#6' });
    expect(d.findings.some((f) => f.id === 'statefulset-volumes')).toBe(true);
  });

  it('reports eviction as node pressure, not an OOM kill', () => {
    const d = diagnosePod({ pod: evicted, now: NOW });
    expect(d.pod.status).toBe('Evicted');
    // Memory pressure is a memory cause (the class of the finding) but not this container's OOM kill.
    expect(d.findings[0]).toMatchObject({ id: 'evicted-node-pressure', category: 'oom-killed' });
    expect(d.findings[0]?.title).toContain('not an OOM kill');
    expect(d.findings.some((f) => f.id.startsWith('oom-killed'))).toBe(false);
  });

  it('reads a StartError message as a missing entrypoint', () => {
    const d = diagnosePod({ pod: startError, now: NOW });
    expect(d.findings[0]).toMatchObject({ id: 'entrypoint-missing', category: 'bad-command' });
    expect(d.findings[0]?.title).toContain('/manager');
  });

  it('says there is not enough evidence and what to collect when only an exit code is known', () => {
    const d = diagnosePod({ pod: missingEnv, now: NOW });
    expect(d.findings[0]).toMatchObject({
      id: 'not-enough-evidence',
      category: 'not-enough-evidence',
    });
    expect(d.findings[0]?.doNext.join('\n')).toContain('--previous');
    expect(d.missing).toContain('previous log of container auth');
  });

  it('diagnoses a pod known only by its name and a pasted log', () => {
    const d = diagnosePod({
      pod: { metadata: { name: 'api-0' } },
      logs: { '': { previous: 'Failed to start: mkdir /data/x: permission denied' } },
      now: NOW,
    });
    expect(d.findings[0]?.category).toBe('permission');
  });
});
