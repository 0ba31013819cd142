import { describe, expect, it } from 'vitest';
import { preventionOf } from './index';

const finding = (category: string, id: string, doNext: string[] = [], dont: string[] = []) => ({
  category,
  id,
  doNext,
  dont,
});

describe('preventionOf', () => {
  it("gives the lesson of the finding's category", () => {
    expect(preventionOf(finding('oom-killed', 'oom-killed-without-limit'))).toMatch(
      /^Set memory limits/,
    );
    expect(preventionOf(finding('probe-failure', 'liveness-kills-slow-start'))).toMatch(
      /startupProbe/,
    );
  });

  it("falls back to the finding's own first step, then its first don't", () => {
    expect(preventionOf(finding('app-error', 'exit-code-1', ['Read the log.']))).toBe(
      'Read the log.',
    );
    expect(preventionOf(finding('app-error', 'exit-code-1', [], ['Do not delete.']))).toBe(
      'Do not delete.',
    );
    expect(preventionOf(finding('app-error', 'exit-code-1'))).toBeUndefined();
  });
});
