// The vertical (phone) timeline as a list of items, newest first: runs, waits, resets,
// restarts nobody saw, events and the next try.
import type {
  BackoffGap,
  ContainerRun,
  ContainerTimeline,
  TimelineEvent,
  UnobservedRestarts,
} from '@/lib/diagnosis';

export type TimelineItem =
  | { kind: 'next'; at: number; next: NonNullable<ContainerTimeline['nextRetry']> }
  | { kind: 'run'; at: number; run: ContainerRun }
  | { kind: 'gap'; at: number; gap: BackoffGap }
  | { kind: 'unobserved'; at: number; unobserved: UnobservedRestarts }
  | { kind: 'event'; at: number; event: TimelineEvent };

/** Builds the items of one container, newest first. */
export function buildTimelineItems(c: ContainerTimeline, events: TimelineEvent[]): TimelineItem[] {
  const items: TimelineItem[] = [];
  if (c.nextRetry) items.push({ kind: 'next', at: c.nextRetry.earliest, next: c.nextRetry });
  for (const run of c.runs) {
    items.push({ kind: 'run', at: run.finishedAt ?? run.startedAt ?? 0, run });
  }
  for (const gap of c.gaps) {
    // A gap sits between its run's end and the next start; list it just before the next run.
    items.push({ kind: 'gap', at: gap.to !== undefined ? gap.to - 0.5 : gap.from + 0.5, gap });
  }
  for (const u of c.unobserved)
    items.push({ kind: 'unobserved', at: u.to ?? u.from ?? 0, unobserved: u });
  for (const event of events) items.push({ kind: 'event', at: event.lastAt, event });
  return items.sort((a, b) => b.at - a.at);
}
