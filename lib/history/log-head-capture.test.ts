import { describe, expect, it } from 'vitest';
import type { PodLog, PodLogRequest } from '../k8s';
import { terminationsOf, type TerminationRow } from './extract';
import { LogHeadCapture, type LogHeadCaptureOptions } from './log-head-capture';
import crashedPod from './fixtures/crash-looping.pod.json';

const [lastRun] = terminationsOf(crashedPod as Parameters<typeof terminationsOf>[0], 0);
const run = (id: string): TerminationRow => ({ ...lastRun!, containerID: `containerd://${id}` });
const idOf = (row: TerminationRow) => row.containerID.replace('containerd://', '');

interface Pending {
  request: PodLogRequest;
  resolve(log: PodLog): void;
  reject(error: Error): void;
}

/** A capture whose reads wait until the test answers them; `seen` is the ordered trace. */
function harness(overrides: Partial<LogHeadCaptureOptions> = {}) {
  const seen: string[] = [];
  const pending: Pending[] = [];
  let current = (_row: TerminationRow) => true;
  const capture = new LogHeadCapture({
    read: (request) =>
      new Promise<PodLog>((resolve, reject) => {
        seen.push(`read ${request.pod} ${request.container} previous=${request.previous}`);
        pending.push({ request, resolve, reject });
      }),
    isCurrent: (row) => current(row),
    onCaptured: (row, head) => seen.push(`captured ${idOf(row)}: ${head}`),
    onFailed: (row, reason) => seen.push(`failed ${idOf(row)}: ${reason}`),
    ...overrides,
  });
  const settle = () => new Promise((r) => setTimeout(r, 0));
  return {
    capture,
    seen,
    pending,
    settle,
    setCurrent(fn: (row: TerminationRow) => boolean) {
      current = fn;
    },
  };
}

describe('LogHeadCapture', () => {
  it('fetches the previous log of a termination once however often the pod is seen', async () => {
    const h = harness();
    expect([h.capture.request(run('a')), h.capture.request(run('a'))]).toEqual([true, false]);
    await h.settle();
    h.pending[0]!.resolve({ text: 'starting\nError: missing required env X\n', truncated: false });
    await h.capture.whenIdle();
    expect(h.capture.request(run('a'))).toBe(false);
    expect(h.seen).toEqual([
      'read checkout-7d9f8b6c5d-x2x9q checkout previous=true',
      'captured a: starting\nError: missing required env X\n',
    ]);
    expect(h.pending[0]!.request.limitBytes).toBe(8192);
  });

  it('runs at most four fetches at a time, in the order they were asked for', async () => {
    const h = harness();
    for (const id of ['a', 'b', 'c', 'd', 'e', 'f']) h.capture.request(run(id));
    await h.settle();
    expect(h.pending).toHaveLength(4);
    h.pending[1]!.resolve({ text: 'b', truncated: false });
    await h.settle();
    expect(h.pending).toHaveLength(5);
    for (const p of h.pending.slice(0, 5)) p.resolve({ text: 'x', truncated: false });
    await h.settle();
    h.pending[5]!.resolve({ text: 'f', truncated: false });
    await h.capture.whenIdle();
    expect(h.seen.filter((s) => s.startsWith('captured')).map((s) => s.slice(9, 10))).toEqual([
      'b',
      'a',
      'c',
      'd',
      'e',
      'f',
    ]);
  });

  it('reports a failed fetch once and does not try that termination again', async () => {
    const h = harness();
    h.capture.request(run('a'));
    h.capture.request(run('b'));
    await h.settle();
    h.pending[0]!.reject(new Error('connect ECONNREFUSED'));
    h.pending[1]!.resolve({ truncated: false, error: 'previous terminated container not found' });
    await h.capture.whenIdle();
    expect(h.capture.request(run('a'))).toBe(false);
    expect(h.capture.request(run('b'))).toBe(false);
    await h.capture.whenIdle();
    expect(h.seen.filter((s) => !s.startsWith('read'))).toEqual([
      'failed a: connect ECONNREFUSED',
      'failed b: previous terminated container not found',
    ]);
    expect(h.pending).toHaveLength(2);
  });

  it('fetches nothing for a run that is no longer the container’s latest', async () => {
    const h = harness();
    h.setCurrent(() => false);
    h.capture.request(run('a'));
    await h.capture.whenIdle();
    expect(h.seen).toEqual(['failed a: superseded before its log was fetched']);
  });

  it('keeps no log when the container restarted while it was fetched', async () => {
    const h = harness();
    h.capture.request(run('a'));
    await h.settle();
    h.setCurrent(() => false);
    h.pending[0]!.resolve({ text: 'a newer run', truncated: false });
    await h.capture.whenIdle();
    expect(h.seen.slice(1)).toEqual(['failed a: superseded while its log was fetched']);
  });

  it('never fetches a termination whose head is already stored', async () => {
    const h = harness();
    h.capture.markKnown(run('a'));
    expect(h.capture.request(run('a'))).toBe(false);
    await h.capture.whenIdle();
    expect(h.seen).toEqual([]);
  });

  it('forgets runs the pod no longer shows, and a deleted pod entirely', async () => {
    const h = harness();
    h.capture.markKnown(run('a'));
    h.capture.markKnown(run('b'));
    h.capture.retain(lastRun!.podUid, [run('b')]);
    expect([h.capture.has(run('a')), h.capture.has(run('b'))]).toEqual([false, true]);
    h.capture.retain(lastRun!.podUid, []);
    expect(h.capture.has(run('b'))).toBe(false);
  });

  it('fails at once instead of queueing beyond its bound', async () => {
    const h = harness({ concurrency: 1, maxQueued: 1 });
    h.capture.request(run('a'));
    h.capture.request(run('b'));
    expect(h.capture.request(run('c'))).toBe(false);
    expect(h.seen).toContain('failed c: log-head queue full');
  });
});
