import { describe, expect, it } from 'vitest';
import { parseWebhookPayload, refuseReceiver, targetOfLabels } from './index';
import firing from './fixtures/kube-pod-crash-looping.firing.json';

describe('parseWebhookPayload', () => {
  it('accepts a KubePodCrashLooping delivery of payload version 4', () => {
    const parsed = parseWebhookPayload(firing);
    expect('payload' in parsed && parsed.payload.alerts[0]?.labels.pod).toBe(
      'api-7d9f8b6c5d-x2x8q',
    );
  });

  it('names the first bad field of a payload it refuses', () => {
    expect(parseWebhookPayload({ ...firing, version: '3' })).toEqual({
      error:
        'Invalid Alertmanager payload at version: only webhook payload version "4" is understood',
    });
    const noName = structuredClone(firing) as { alerts: Array<{ labels: Record<string, string> }> };
    delete noName.alerts[0]!.labels.alertname;
    expect(parseWebhookPayload(noName)).toEqual({
      error: 'Invalid Alertmanager payload at alerts.0.labels: an alert needs an alertname label',
    });
    const badTime = structuredClone(firing);
    badTime.alerts[0]!.startsAt = 'yesterday';
    expect(parseWebhookPayload(badTime)).toMatchObject({
      error: expect.stringMatching(/^Invalid Alertmanager payload at alerts\.0\.startsAt: /),
    });
    expect(parseWebhookPayload({ ...firing, alerts: [] })).toMatchObject({
      error: expect.stringMatching(/at alerts: /),
    });
  });
});

describe('targetOfLabels', () => {
  it('reads kube-prometheus pod and workload labels, and their exported_ forms', () => {
    expect(targetOfLabels(firing.alerts[0]!.labels)).toEqual({
      cluster: 'sandbox',
      namespace: 'oom-no-limit',
      pod: 'api-7d9f8b6c5d-x2x8q',
      container: 'api',
      workload: undefined,
    });
    expect(targetOfLabels({ namespace: 'batch', job_name: 'nightly-29100' }).workload).toEqual({
      kind: 'Job',
      name: 'nightly-29100',
    });
    expect(
      targetOfLabels({ exported_namespace: 'db', statefulset: 'pg', exported_pod: 'pg-0' }),
    ).toMatchObject({
      namespace: 'db',
      pod: 'pg-0',
      workload: { kind: 'StatefulSet', name: 'pg' },
    });
    expect(
      targetOfLabels({ namespace: 'x', owner_kind: 'DaemonSet', owner_name: 'agent' }).workload,
    ).toEqual({ kind: 'DaemonSet', name: 'agent' });
  });
});

describe('refuseReceiver', () => {
  it('lets every delivery through when no token is configured', () => {
    expect(refuseReceiver(null, undefined)).toBeUndefined();
  });

  it('asks for the bearer token when one is configured and compares it exactly', () => {
    expect(refuseReceiver(null, 's3cret')).toMatch(/Authorization: Bearer/);
    expect(refuseReceiver('Bearer s3cre', 's3cret')).toMatch(/does not match/);
    expect(refuseReceiver('bearer s3cret', 's3cret')).toBeUndefined();
  });
});
