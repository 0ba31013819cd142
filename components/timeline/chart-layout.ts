// Geometry of the desktop timeline SVG (a 1100-unit-wide viewBox) and the words of its marks.
import type { BackoffGap } from '@/lib/diagnosis';
import { formatDuration } from '@/components/format/time';

export const W = 1100;
export const X0 = 96;
export const X1 = W - 16;
export const LANE = {
  axis: 14,
  marks: 30,
  runs: 38,
  runsH: 24,
  exit: 78,
  backoff: 106,
  events: 128,
  eventsLabel: 146,
};
export const H = 166;

/** How each back-off reset reads. */
export const RESET_WORDS: Record<NonNullable<BackoffGap['reset']>, string> = {
  'pod-replaced': 'back-off reset: pod replaced',
  idle: 'back-off reset: idle',
  'image-changed': 'back-off reset: image changed',
  'kubelet-restarted': 'back-off reset: kubelet restarted',
};

/** Observed vs expected, the way the back-off lane prints it. */
export function gapText(gap: BackoffGap): string {
  const observed = gap.observedMs !== undefined ? formatDuration(gap.observedMs) : '…';
  const expected = formatDuration(gap.expectedMs);
  // No schedule to compare with (a new pod's first start, or an unknown curve).
  if (gap.expectedMs <= 0) return observed;
  if (
    gap.observedMs !== undefined &&
    Math.abs(gap.observedMs - gap.expectedMs) <= 2000 + gap.expectedMs * 0.2
  ) {
    return observed;
  }
  return `${observed} (exp ${expected})`;
}
