// The kiosk headline: "3 crash-looping · 1 image pull · 2 OOM" — what the workloads are doing,
// not the finding categories (those stay on the desk board's summary line).
import type { BoardRow, BoardState, BoardView } from '@/lib/views/types';

/** The headline's order (UI.md's sketch), with how each state reads on the wall. */
const STATE_WORDS: Array<[BoardState, string]> = [
  ['crash-looping', 'crash-looping'],
  ['image-pull', 'image pull'],
  ['oom', 'OOM'],
  ['config-error', 'config error'],
  ['other', 'other'],
];

// kubectl STATUS words the kubelet sets while it cannot get the image
// (pkg/kubelet/images/types.go: ErrImagePullBackOff, ErrImagePull).
const IMAGE_PULL = new Set(['ImagePullBackOff', 'ErrImagePull']);

/**
 * A row's state from its kubectl STATUS, for a board that does not carry `counts.byState`.
 * An OOM kill says more than the crash loop it causes, so it is checked first.
 */
export function stateOfRow(row: Pick<BoardRow, 'status' | 'topFinding' | 'lastExit'>): BoardState {
  const status = row.status.replace(/^Init:/, '');
  if (IMAGE_PULL.has(status)) return 'image-pull';
  if (status === 'CreateContainerConfigError') return 'config-error';
  if (
    status === 'OOMKilled' ||
    row.lastExit?.reason === 'OOMKilled' ||
    row.topFinding?.category === 'oom-killed'
  )
    return 'oom';
  if (status === 'CrashLoopBackOff') return 'crash-looping';
  return 'other';
}

/** Rows per state: the board's own `byState` when it has one, else counted from the rows. */
export function countStates(board: Pick<BoardView, 'rows' | 'counts'>): Record<BoardState, number> {
  if (board.counts.byState) return board.counts.byState;
  const counts: Record<BoardState, number> = {
    'crash-looping': 0,
    'image-pull': 0,
    oom: 0,
    'config-error': 0,
    other: 0,
  };
  for (const row of board.rows) counts[stateOfRow(row)] += 1;
  return counts;
}

/** `["3 crash-looping", "1 image pull", "2 OOM"]`, in a fixed order, states with no row left out. */
export function headlineParts(counts: Record<BoardState, number>): string[] {
  return STATE_WORDS.filter(([state]) => (counts[state] ?? 0) > 0).map(
    ([state, words]) => `${counts[state]} ${words}`,
  );
}
