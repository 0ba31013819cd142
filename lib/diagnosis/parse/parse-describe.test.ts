import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDescribe } from './index';

const NOW = Date.parse('2024-02-05T09:00:00Z');
const fixture = (name: string) => readFileSync(path.join(__dirname, 'fixtures', name), 'utf8');

function only<T>(list: T[] | undefined): T {
  expect(list).toHaveLength(1);
  return (list as T[])[0] as T;
}

describe('parseDescribe', () => {
  it('reads a 1.5-era describe with tabs, "{kubelet NODE}" sources and a FirstSeen events table', () => {
    const facts = parseDescribe(fixture('describe-1-5-crashloop-docker.txt'), NOW);
    const pod = only(facts.pods);
    expect(pod.metadata).toMatchObject({
      name: 'billing-worker-2875412190-x7k2p',
      namespace: 'payments',
    });
    expect(pod.metadata.ownerReferences?.[0]).toMatchObject({
      kind: 'ReplicaSet',
      name: 'billing-worker-2875412190',
    });
    expect(pod.spec?.nodeName).toBe('ip-10-20-3-14');
    const status = only(pod.status?.containerStatuses);
    expect(status).toMatchObject({
      name: 'worker',
      restartCount: 9,
      ready: false,
      state: { waiting: { reason: 'CrashLoopBackOff' } },
      lastState: {
        terminated: {
          exitCode: 1,
          reason: 'Error',
          startedAt: '2017-03-14T09:40:02.000Z',
          finishedAt: '2017-03-14T09:40:05.000Z',
        },
      },
    });
    expect(status.containerID).toMatch(/^docker:\/\//);
    expect(pod.spec?.containers[0]?.env).toEqual([
      { name: 'QUEUE_URL', value: 'amqp://rabbitmq:5672' },
    ]);
    expect(facts.events).toHaveLength(4);
    const backoff = facts.events.find((e) => e.reason === 'BackOff');
    expect(backoff).toMatchObject({
      type: 'Warning',
      count: 121,
      source: { component: 'kubelet', host: 'ip-10-20-3-14' },
      involvedObject: {
        kind: 'Pod',
        name: 'billing-worker-2875412190-x7k2p',
        fieldPath: 'spec.containers{worker}',
      },
      lastTimestamp: new Date(NOW - 20_000).toISOString(),
      firstTimestamp: new Date(NOW - 27 * 60_000).toISOString(),
    });
    expect(facts.events.find((e) => e.reason === 'FailedSync')?.message).toContain(
      'Back-off 5m0s restarting',
    );
  });

  it('reads limits, requests, probes, env references, init containers and "kubelet, NODE" events (1.18)', () => {
    const facts = parseDescribe(fixture('describe-1-18-oomkilled-limits.txt'), NOW);
    const pod = only(facts.pods);
    const indexer = only(pod.spec?.containers);
    expect(indexer.resources).toEqual({
      limits: { cpu: '1', memory: '512Mi' },
      requests: { cpu: '250m', memory: '256Mi' },
    });
    expect(indexer.livenessProbe).toMatchObject({
      httpGet: { port: 8080, path: '/healthz' },
      initialDelaySeconds: 30,
      failureThreshold: 3,
    });
    expect(indexer.env).toContainEqual({
      name: 'ES_PASSWORD',
      valueFrom: { secretKeyRef: { name: 'es-credentials', key: 'password', optional: false } },
    });
    expect(indexer.env).toContainEqual({
      name: 'INDEX_NAME',
      valueFrom: { configMapKeyRef: { name: 'indexer-config', key: 'index', optional: false } },
    });
    expect(indexer.env).toContainEqual({
      name: 'POD_NAME',
      valueFrom: { fieldRef: { fieldPath: 'metadata.name' } },
    });
    expect(indexer.envFrom).toEqual([{ configMapRef: { name: 'indexer-env', optional: false } }]);
    expect(indexer.volumeMounts?.[0]).toEqual({
      mountPath: '/data',
      name: 'scratch',
      readOnly: false,
    });
    expect(only(pod.status?.containerStatuses).lastState?.terminated).toMatchObject({
      exitCode: 137,
      reason: 'OOMKilled',
    });
    const init = only(pod.status?.initContainerStatuses);
    expect(init).toMatchObject({
      name: 'wait-for-es',
      state: { terminated: { exitCode: 0, reason: 'Completed' } },
    });
    expect(only(pod.spec?.initContainers).command).toEqual([
      'sh',
      '-c',
      'until nc -z elasticsearch 9200; do sleep 2; done',
    ]);
    expect(pod.spec?.volumes).toContainEqual({ name: 'scratch', emptyDir: {} });
    expect(pod.status?.conditions).toContainEqual({ type: 'Ready', status: 'True' });
    const pulled = facts.events.find((e) => e.reason === 'Pulled');
    expect(pulled).toMatchObject({
      count: 5,
      source: { component: 'kubelet', host: 'gke-prod-pool-1-8f2a9c31-lm4d' },
    });
    expect(facts.warnings).toEqual([]);
  });

  it('reads a containerd-era describe with Completed exit 0 and the 1.26+ BackOff message', () => {
    const facts = parseDescribe(fixture('describe-1-29-completed-containerd.txt'), NOW);
    const pod = only(facts.pods);
    const status = only(pod.status?.containerStatuses);
    expect(status.containerID).toMatch(/^containerd:\/\//);
    expect(status.lastState?.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' });
    expect(pod.spec?.containers[0]?.resources).toEqual({});
    expect(pod.spec?.containers[0]?.command).toEqual(['/bin/report', '--once']);
    const backoff = facts.events.find((e) => e.reason === 'BackOff');
    expect(backoff).toMatchObject({ count: 190, source: { component: 'kubelet' } });
    expect(backoff?.message).toMatch(/^Back-off restarting failed container runner in pod/);
  });

  it('reads a Last State block pasted alone, whatever its indentation, without inventing a spec', () => {
    const facts = parseDescribe(fixture('describe-partial-last-state.txt'), NOW);
    const pod = only(facts.pods);
    expect(pod.spec?.containers).toEqual([]);
    expect(only(pod.status?.containerStatuses)).toMatchObject({
      restartCount: 7,
      lastState: {
        terminated: { exitCode: 2, reason: 'Error', finishedAt: '2023-06-21T08:15:01.000Z' },
      },
    });
  });

  it('reads the old "Last Termination State" label and warns when the exit code was cut off', () => {
    const text = ['    Last Termination State:  Terminated', '      Reason:   OOMKilled'].join(
      '\n',
    );
    const facts = parseDescribe(text, NOW);
    const terminated = only(facts.pods[0]?.status?.containerStatuses).lastState?.terminated;
    expect(terminated?.reason).toBe('OOMKilled');
    expect(Number.isNaN(terminated?.exitCode)).toBe(true);
    expect(facts.warnings.join('\n')).toMatch(/no Exit Code/);
  });

  it.each([
    ['lost its indentation', (l: string) => l.trimStart()],
    ['had its spaces collapsed', (l: string) => l.replace(/[ \t]+/g, ' ')],
  ])('reads the same pod when the paste %s', (_, change) => {
    for (const name of [
      'describe-1-18-oomkilled-limits.txt',
      'describe-1-29-completed-containerd.txt',
    ]) {
      const text = fixture(name);
      const flat = text.split('\n').map(change).join('\n');
      expect(parseDescribe(flat, NOW).pods).toEqual(parseDescribe(text, NOW).pods);
    }
  });

  it('keeps a multi-line termination message until the next key', () => {
    const text = [
      '    Last State:     Terminated',
      '      Reason:       Error',
      '      Message:      panic: config missing',
      'goroutine 1 [running]:',
      '      Exit Code:    2',
    ].join('\n');
    const terminated = parseDescribe(text, NOW).pods[0]?.status?.containerStatuses?.[0]?.lastState
      ?.terminated;
    expect(terminated).toMatchObject({
      exitCode: 2,
      message: 'panic: config missing\ngoroutine 1 [running]:',
    });
  });
});
