import { describe, expect, it } from 'vitest';
import { boardStateOf, countByState } from './index';

const row = (status: string, extra: Partial<Parameters<typeof boardStateOf>[0]> = {}) => ({
  status,
  restarts: 0,
  ...extra,
});

describe('boardStateOf', () => {
  it('reads a pull or config error from the kubectl STATUS, init containers included', () => {
    expect(boardStateOf(row('ImagePullBackOff'))).toBe('image-pull');
    expect(boardStateOf(row('Init:ErrImagePull'))).toBe('image-pull');
    expect(boardStateOf(row('InvalidImageName'))).toBe('image-pull');
    expect(boardStateOf(row('CreateContainerConfigError'))).toBe('config-error');
    expect(boardStateOf(row('RunContainerError', { restarts: 2 }))).toBe('config-error');
  });

  it('calls a crash loop of OOM kills OOM, from the last exit or the top finding', () => {
    const lastExit = { code: 137, reason: 'OOMKilled' };
    expect(boardStateOf(row('CrashLoopBackOff', { restarts: 9, lastExit }))).toBe('oom');
    const topFinding = {
      id: 'oom-killed-without-limit',
      title: 'OOM-killed, no memory limit',
      severity: 'critical' as const,
      category: 'oom-killed',
    };
    expect(boardStateOf(row('Running', { restarts: 6, topFinding }))).toBe('oom');
  });

  it('calls any other restarting workload crash-looping, and the rest other', () => {
    expect(boardStateOf(row('CrashLoopBackOff', { restarts: 3 }))).toBe('crash-looping');
    expect(boardStateOf(row('Init:CrashLoopBackOff', { restarts: 1 }))).toBe('crash-looping');
    expect(boardStateOf(row('Running', { restarts: 4 }))).toBe('crash-looping');
    expect(boardStateOf(row('Pending'))).toBe('other');
  });
});

describe('countByState', () => {
  it('counts every state, zero when no row has it', () => {
    const rows = [
      { state: 'oom' as const },
      { state: 'crash-looping' as const },
      { state: 'oom' as const },
    ];
    expect(countByState(rows)).toEqual({
      'crash-looping': 1,
      'image-pull': 0,
      'config-error': 0,
      oom: 2,
      other: 0,
    });
  });
});
