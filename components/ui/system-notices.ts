// What every page must say about Podtrail itself and about what happened to a cluster behind
// its address, from /api/health: pure, so the notice and its tests agree.
import { formatClock } from '@/components/format/time';
import type { HealthSummary } from '@/lib/api-client';

/** One line of the notice on every page. */
export interface SystemNoticeLine {
  kind: 'history' | 'identity' | 'rewind';
  text: string;
}

/** How long after it happened a replaced or rewound cluster is still mentioned. */
export const CLUSTER_CHANGE_NOTICE_MS = 60 * 60_000;

/** The lines to show at `now`, history problem first, then clusters in the order given. */
export function systemNoticesOf(
  health: HealthSummary | undefined,
  now: number,
): SystemNoticeLine[] {
  if (!health) return [];
  const lines: SystemNoticeLine[] = [];
  if (health.historyProblem) lines.push({ kind: 'history', text: health.historyProblem });
  const recent = (at: number | undefined): at is number =>
    at !== undefined && now - at < CLUSTER_CHANGE_NOTICE_MS;
  for (const c of health.contact ?? []) {
    if (recent(c.identityChange?.at)) {
      lines.push({
        kind: 'identity',
        text:
          `Another cluster answered at the address of ${c.cluster} at ${formatClock(c.identityChange.at)}: ` +
          'what was shown before came from the old cluster; everything was listed again.',
      });
    } else if (recent(c.rewind?.at)) {
      lines.push({
        kind: 'rewind',
        text:
          `${c.cluster} went back to an older state at ${formatClock(c.rewind.at)} ` +
          '(its API server was restored or rebuilt): everything was listed again.',
      });
    }
  }
  return lines;
}
