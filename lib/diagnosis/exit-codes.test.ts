import { describe, expect, it } from 'vitest';
import { decodeExitCode } from './index';

describe('decodeExitCode', () => {
  it('decodes the shell and runtime codes', () => {
    expect([0, 1, 2, 126, 127, 128, 255].map((c) => decodeExitCode(c).kind)).toEqual([
      'success',
      'app-error',
      'usage-error',
      'not-executable',
      'command-not-found',
      'start-error',
      'out-of-range',
    ]);
  });
  it('names the signal of 128+N codes', () => {
    expect([130, 134, 137, 139, 143, 132].map((c) => decodeExitCode(c).signal)).toEqual([
      'SIGINT',
      'SIGABRT',
      'SIGKILL',
      'SIGSEGV',
      'SIGTERM',
      'SIGILL',
    ]);
  });
  it('lets the reason win over the code', () => {
    expect(decodeExitCode(1, undefined, 'OOMKilled')).toMatchObject({
      kind: 'oom-killed',
      short: 'OOMKilled',
    });
    expect(decodeExitCode(128, undefined, 'StartError').kind).toBe('start-error');
  });
  it('does not call 137 without OOMKilled an OOM kill', () => {
    expect(decodeExitCode(137, undefined, 'Error').kind).toBe('signal');
  });
});
