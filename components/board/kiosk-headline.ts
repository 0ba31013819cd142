// The kiosk headline: "3 crash-looping · 1 image pull · 2 OOM" — what the workloads are doing,
// not the finding categories (those stay on the desk board's summary line).
import { boardStateOf, countByState } from '@/lib/diagnosis';
import type { BoardState, BoardView } from '@/lib/views/types';

/** The headline's order (UI.md's sketch), with how each state reads on the wall. */
const STATE_WORDS: Array<[BoardState, string]> = [
  ['crash-looping', 'crash-looping'],
  ['image-pull', 'image pull'],
  ['oom', 'OOM'],
  ['config-error', 'config error'],
  ['other', 'other'],
];

/** Rows per state: the board's own `byState` when it has one, else counted from the rows. */
export function countStates(board: Pick<BoardView, 'rows' | 'counts'>): Record<BoardState, number> {
  return (
    board.counts.byState ?? countByState(board.rows.map((row) => ({ state: boardStateOf(row) })))
  );
}

/** `["3 crash-looping", "1 image pull", "2 OOM"]`, in a fixed order, states with no row left out. */
export function headlineParts(counts: Record<BoardState, number>): string[] {
  return STATE_WORDS.filter(([state]) => (counts[state] ?? 0) > 0).map(
    ([state, words]) => `${counts[state]} ${words}`,
  );
}
