// Words of the board: how finding categories read in the summary line.
import type { BoardView } from '@/lib/views/types';

const CATEGORY_WORDS: Record<string, string> = {
  'crash-loop': 'crash-looping',
  'app-error': 'app error',
  'missing-config': 'missing config',
  'oom-killed': 'OOM',
  'image-pull': 'image pull',
  'image-mismatch': 'image mismatch',
  'probe-failure': 'probe failing',
  'backoff-reset': 'back-off reset',
};

/** The desk summary by finding category: `2 app error · 1 missing config`, biggest first. */
export function summaryParts(counts: BoardView['counts']): string[] {
  return Object.entries(counts.byCategory)
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1])
    .map(([category, n]) => `${n} ${CATEGORY_WORDS[category] ?? category.replace(/-/g, ' ')}`);
}
