import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseInputs, parseLog, UNKNOWN_CONTAINER, UNKNOWN_INIT_CONTAINER } from './index';

const NOW = Date.parse('2024-09-03T12:10:00Z');
const fixture = (name: string) => readFileSync(path.join(__dirname, 'fixtures', name), 'utf8');

describe('parseLog', () => {
  it('splits `kubectl logs --all-containers --prefix --timestamps` by container and drops the timestamps', () => {
    const { logs, warnings } = parseLog(fixture('logs-all-containers-prefix.txt'));
    expect(logs.map((l) => l.container)).toEqual(['config-init', 'gateway']);
    expect(logs[1]?.pod).toBe('gateway-58d7c9b6f4-wl7rq');
    expect(logs[1]?.text).toBe(
      'starting gateway v4.1.0\nError: required key "upstream.url" is missing in /etc/gateway/gateway.yaml',
    );
    expect(warnings.join()).toMatch(/timestamps/);
  });

  it('reads stern-style "POD CONTAINER message" lines', () => {
    const { logs } = parseLog('orders-db-0 postgres  FATAL: data directory has wrong ownership');
    expect(logs[0]).toMatchObject({
      pod: 'orders-db-0',
      container: 'postgres',
      text: 'FATAL: data directory has wrong ownership',
    });
  });

  it('leaves ordinary lines that start with two words alone', () => {
    const { logs } = parseLog('mongodb 16:54:19.53 INFO  ==> starting\nmongodb 16:54:19.60 ready');
    expect(logs[0]?.container).toBeUndefined();
    expect(logs[0]?.text).toMatch(/^mongodb 16:54:19.53/);
  });

  it('turns kubectl\'s "waiting to start" error into a fact about the container, not a log line', () => {
    const text = [
      'chown: /data: Operation not permitted',
      'Error from server (BadRequest): container "api" in pod "api-5f6d7c8b9-abcde" is waiting to start: PodInitializing',
    ].join('\n');
    const { logs, hints } = parseLog(text);
    expect(logs).toEqual([
      { text: 'chown: /data: Operation not permitted', pod: undefined, container: undefined },
    ]);
    expect(hints[0]).toMatchObject({
      name: 'api-5f6d7c8b9-abcde',
      container: 'api',
      containerWaiting: 'PodInitializing',
    });
  });
});

describe('kubectl and kubelet lines in a log paste', () => {
  it('reads the pasted `kubectl logs` command for the pod, namespace and container', () => {
    const text =
      '$ kubectl logs api-7d9f-x2x9q -c api -n shop --previous\nError: Cannot find module "/app/dist/server.js"';
    const { input } = parseInputs([{ name: 'p.txt', text }], NOW);
    expect(input.pod.metadata).toMatchObject({ name: 'api-7d9f-x2x9q', namespace: 'shop' });
    expect(input.logs).toEqual({
      api: { previous: 'Error: Cannot find module "/app/dist/server.js"' },
    });
  });

  it("reads the kubelet's back-off log line as the container's waiting state, not as its log", () => {
    const text =
      'E0301 01:06:01.286649    1869 pod_workers.go:1294] "Error syncing pod, skipping" err="failed to \\"StartContainer\\" for \\"worker\\" with CrashLoopBackOff: \\"back-off 2m40s restarting failed container=worker pod=jobs-0_batch(5f1d0c7e-1111-2222-3333-444455556666)\\"" pod="batch/jobs-0"';
    const { input } = parseInputs([{ name: 'kubelet.log', text }], NOW);
    expect(input.logs).toBeUndefined();
    expect(input.pod.metadata).toMatchObject({ name: 'jobs-0', namespace: 'batch' });
    expect(input.pod.status?.containerStatuses?.[0]).toMatchObject({
      name: 'worker',
      state: {
        waiting: {
          reason: 'CrashLoopBackOff',
          message: expect.stringMatching(/^back-off 2m40s restarting failed container=worker/),
        },
      },
    });
  });
});

describe('logs in parseInputs', () => {
  it('attaches a log pasted alone as the previous log of a container of unknown name', () => {
    const { input } = parseInputs([{ name: 'log.txt', text: 'KeyError: DATABASE_URL' }], NOW);
    expect(input.logs).toEqual({ [UNKNOWN_CONTAINER]: { previous: 'KeyError: DATABASE_URL' } });
  });

  it('attaches the log to the crash-looping container of a pod pasted with it', () => {
    const pod = readFileSync(path.join(__dirname, 'fixtures', 'pod-crashloop.json'), 'utf8');
    const { input } = parseInputs(
      [
        { name: 'pod.json', text: pod },
        { name: 'prev.log', text: 'Error: SMTP_PASSWORD is not set' },
      ],
      NOW,
    );
    expect(input.logs).toEqual({ notifier: { previous: 'Error: SMTP_PASSWORD is not set' } });
  });

  it('puts the log on an init container when the main container waits for PodInitializing', () => {
    const text = [
      'sysctl: error setting key "net.core.somaxconn": Read-only file system',
      'Error from server (BadRequest): container "web" in pod "web-0" is waiting to start: PodInitializing',
    ].join('\n');
    const { input } = parseInputs([{ name: 'logs.txt', text }], NOW);
    expect(input.pod.metadata.name).toBe('web-0');
    expect(input.pod.status?.containerStatuses?.[0]?.state?.waiting?.reason).toBe(
      'PodInitializing',
    );
    expect(Object.keys(input.logs ?? {})).toEqual([UNKNOWN_INIT_CONTAINER]);
    expect(input.pod.status?.initContainerStatuses?.[0]?.name).toBe(UNKNOWN_INIT_CONTAINER);
  });
});
