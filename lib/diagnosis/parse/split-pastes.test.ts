import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectInputKind, parseInputs, parsePodsTable, splitPastes } from './index';

const NOW = Date.parse('2024-01-01T12:00:00Z');
const fixture = (name: string) => readFileSync(path.join(__dirname, 'fixtures', name), 'utf8');

describe('detectInputKind', () => {
  it.each([
    ['pod-crashloop.json', 'pod-json'],
    ['pod-list.yaml', 'pod-yaml'],
    ['events-list.yaml', 'events-yaml'],
    ['events-list.json', 'events-json'],
    ['describe-1-18-oomkilled-limits.txt', 'describe'],
    ['describe-partial-last-state.txt', 'describe'],
    ['events-get-table.txt', 'events-table'],
    ['pods-watch-init.txt', 'pods-table'],
    ['logs-all-containers-prefix.txt', 'log'],
  ])('classifies %s as %s', (name, kind) => {
    expect(detectInputKind(fixture(name))).toBe(kind);
  });

  it('reads JSON log lines and bracketed log prefixes as logs, not as objects', () => {
    expect(
      detectInputKind('{"level":"fatal","msg":"bad config","time":"2024-01-01T00:00:00Z"}'),
    ).toBe('log');
    expect(detectInputKind('[init] starting\n[init] failed')).toBe('log');
  });

  it('reads a lone STATUS word as a pod status', () => {
    expect(detectInputKind('Init:CreateContainerConfigError')).toBe('pod-status');
  });
});

describe('splitPastes', () => {
  it('cuts a log, a Last State block and an events table apart and numbers their lines', () => {
    const text = [
      'exec /app/server: no such file or directory',
      '',
      '    Last State:     Terminated',
      '      Reason:       StartError',
      '      Exit Code:    128',
      '',
      '  Type     Reason   Age                From     Message',
      '  ----     ------   ----               ----     -------',
      '  Warning  BackOff  5s (x9 over 2m)    kubelet  Back-off restarting failed container app in pod app-1_default(1234)',
    ].join('\n');
    expect(splitPastes(text).map((p) => [p.kind, p.startLine])).toEqual([
      ['log', 1],
      ['describe', 3],
      ['events-table', 7],
    ]);
  });

  it('keeps a log with blank lines in one piece', () => {
    const text = 'panic: nil map\n\ngoroutine 1 [running]:\nmain.main()';
    expect(splitPastes(text)).toEqual([{ kind: 'log', text, startLine: 1 }]);
  });

  it('cuts a STATUS word from the event line under it', () => {
    const pastes = splitPastes(
      'Init:CreateContainerConfigError\nWarning  Failed  kubelet  Error: configmap "x" not found',
    );
    expect(pastes.map((p) => p.kind)).toEqual(['pod-status', 'events-table']);
  });

  it('treats Markdown code fences as separators between pastes', () => {
    const text =
      '```\n    Last State:  Terminated\n      Exit Code:  127\n```\n```\nsh: gunicorn: not found\n```';
    expect(splitPastes(text).map((p) => [p.kind, p.startLine])).toEqual([
      ['describe', 2],
      ['log', 6],
    ]);
  });

  it('keeps pretty-printed JSON with a blank line inside as one object', () => {
    const text = '{\n  "kind": "Pod",\n\n  "metadata": {"name": "a"}\n}';
    expect(splitPastes(text)).toEqual([{ kind: 'pod-json', text, startLine: 1 }]);
  });
});

describe('pods tables', () => {
  it('folds a --watch sequence into the current state and the last finished run', () => {
    const text = [
      'NAME    READY   STATUS             RESTARTS   AGE   IP           NODE     NOMINATED NODE',
      'web     0/1     CrashLoopBackOff   4          3m    10.0.0.9     node-1   <none>',
      'web     1/1     Running   5         4m    10.0.0.9     node-1   <none>',
      'web     0/1     Completed   5         4m    10.0.0.9     node-1   <none>',
      'web     0/1     CrashLoopBackOff   5         4m    10.0.0.9     node-1   <none>',
    ].join('\n');
    const { input } = parseInputs([{ name: 'watch.txt', text }], NOW);
    expect(input.pod.metadata.name).toBe('web');
    expect(input.pod.spec?.nodeName).toBe('node-1');
    expect(input.pod.status?.containerStatuses?.[0]).toMatchObject({
      restartCount: 5,
      state: { waiting: { reason: 'CrashLoopBackOff' } },
      lastState: { terminated: { exitCode: 0, reason: 'Completed' } },
    });
  });

  it('reads "N (Xs ago)" restarts and Init: statuses onto an init container', () => {
    const { hints } = parsePodsTable(fixture('pods-watch-init.txt'));
    expect(hints).toEqual([
      expect.objectContaining({
        name: 'migrate-db-7c4f9b8d6-hn5xv',
        restarts: 1,
        statuses: ['Init:0/1', 'Init:Error', 'Init:Error', 'Init:CrashLoopBackOff'],
      }),
    ]);
    const { input } = parseInputs([{ name: 'w.txt', text: fixture('pods-watch-init.txt') }], NOW);
    expect(input.pod.status?.phase).toBe('Pending');
    expect(input.pod.status?.initContainerStatuses?.[0]?.state?.waiting?.reason).toBe(
      'CrashLoopBackOff',
    );
    expect(input.pod.status?.initContainerStatuses?.[0]?.lastState?.terminated?.reason).toBe(
      'Error',
    );
  });

  it('picks the unhealthy pod of an -A table and fills it from a nameless status fragment', () => {
    const text = [
      'NAMESPACE     NAME                 READY   STATUS             RESTARTS   AGE',
      'kube-system   coredns-5d78c9869d   1/1     Running            0          3d',
      'apps          ledger-7f9c8-2xk4d   0/1     ImagePullBackOff   0          12m',
      '',
      '"containerStatuses": [{"name": "ledger", "state": {"waiting": {"reason": "ImagePullBackOff"}}, "restartCount": 0}]',
    ].join('\n');
    const { input } = parseInputs([{ name: 'paste.txt', text }], NOW);
    expect(input.pod.metadata).toMatchObject({ name: 'ledger-7f9c8-2xk4d', namespace: 'apps' });
    expect(input.pod.status?.containerStatuses?.map((s) => s.name)).toEqual(['ledger']);
  });
});

describe('parseInputs', () => {
  it('merges describe, events and a log into one pod and names the container from the events', () => {
    const text = [
      'standard_init_linux.go:228: exec user process caused: exec format error',
      '',
      'Events:',
      '  Type     Reason     Age                From               Message',
      '  ----     ------     ----               ----               -------',
      '  Normal   Scheduled  2m                 default-scheduler  Successfully assigned tools/probe-runner to pi-node-2',
      '  Normal   Created    30s (x4 over 2m)   kubelet            Created container runner',
      '  Warning  BackOff    5s (x8 over 110s)  kubelet            Back-off restarting failed container runner in pod probe-runner_tools(abcd)',
    ].join('\n');
    const { input, kinds } = parseInputs([{ name: 'paste.txt', text }], NOW);
    expect(kinds.map((k) => k.kind)).toEqual(['log', 'describe']);
    expect(input.pod.metadata).toMatchObject({ name: 'probe-runner', namespace: 'tools' });
    expect(input.pod.spec?.nodeName).toBe('pi-node-2');
    expect(Object.keys(input.logs ?? {})).toEqual(['runner']);
    expect(input.events).toHaveLength(3);
    expect(input.now).toBe(NOW);
  });

  it('says what the input lacked', () => {
    const { warnings } = parseInputs([{ name: 'a.txt', text: 'Killed' }], NOW);
    expect(warnings).toEqual(
      expect.arrayContaining([
        'pod name not in the input',
        'no container state or last state in the input',
        'no events in the input',
      ]),
    );
  });
});
