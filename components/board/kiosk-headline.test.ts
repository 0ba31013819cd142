import { describe, expect, it } from 'vitest';
import type { BoardRow, BoardView } from '@/lib/views/types';
import { countStates, headlineParts } from './kiosk-headline';

function row(name: string, status: string, extra: Partial<BoardRow> = {}): BoardRow {
  return {
    key: `sandbox/ns/Deployment/${name}`,
    cluster: 'sandbox',
    namespace: 'ns',
    kind: 'Deployment',
    name,
    pod: `${name}-7c9f6d-x2k4p`,
    podCount: 1,
    severity: 'critical',
    status,
    state: 'other',
    restarts: 3,
    ...extra,
  };
}

function board(rows: BoardRow[], byState?: BoardView['counts']['byState']) {
  return { rows, counts: { critical: rows.length, warning: 0, info: 0, byCategory: {}, byState } };
}

describe('kiosk headline', () => {
  it("counts rows with the board's own classifier when the board has no byState", () => {
    // The headline once had a classifier of its own that called these three "other".
    const rows = [
      row('a', 'Running', { restarts: 4 }),
      row('b', 'ErrImageNeverPull'),
      row('c', 'RunContainerError'),
    ];
    expect(headlineParts(countStates(board(rows)))).toEqual([
      '1 crash-looping',
      '1 image pull',
      '1 config error',
    ]);
  });

  it('derives the counts from the rows when the board has no byState', () => {
    const rows = [
      row('a', 'CrashLoopBackOff'),
      row('b', 'CrashLoopBackOff'),
      row('c', 'CrashLoopBackOff'),
      row('d', 'ImagePullBackOff'),
      row('e', 'OOMKilled'),
      row('f', 'CrashLoopBackOff', { lastExit: { code: 137, reason: 'OOMKilled' } }),
    ];
    expect(headlineParts(countStates(board(rows)))).toEqual([
      '3 crash-looping',
      '1 image pull',
      '2 OOM',
    ]);
  });

  it("uses the board's own byState when it has one", () => {
    const byState = { 'crash-looping': 0, 'image-pull': 0, 'config-error': 2, oom: 0, other: 1 };
    expect(headlineParts(countStates(board([row('a', 'CrashLoopBackOff')], byState)))).toEqual([
      '2 config error',
      '1 other',
    ]);
  });

  it('leaves the headline empty when nothing is unhealthy', () => {
    expect(headlineParts(countStates(board([])))).toEqual([]);
  });
});
