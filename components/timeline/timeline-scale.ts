// The horizontal time axis of a container timeline: which span to show and where the ticks go.
import type { ContainerTimeline, TimelineEvent } from '@/lib/diagnosis';

/** A linear time → x mapping over [from, to]. */
export interface TimeScale {
  from: number;
  to: number;
  x0: number;
  x1: number;
  x(ms: number): number;
  ticks: number[];
}

const STEPS = [
  10e3, 30e3, 60e3, 120e3, 300e3, 600e3, 900e3, 1800e3, 3600e3, 7200e3, 21600e3, 43200e3, 86400e3,
];

/** Every time the timeline draws, so the axis covers all of them. */
export function timelineTimes(
  c: ContainerTimeline,
  events: TimelineEvent[],
  now: number,
): number[] {
  const times: number[] = [now];
  for (const run of c.runs) {
    if (run.startedAt !== undefined) times.push(run.startedAt);
    if (run.finishedAt !== undefined) times.push(run.finishedAt);
  }
  for (const u of c.unobserved) {
    if (u.from !== undefined) times.push(u.from);
    if (u.to !== undefined) times.push(u.to);
  }
  for (const e of events) if (!e.timeUnknown) times.push(e.lastAt);
  if (c.nextRetry) times.push(c.nextRetry.latest);
  return times.filter((t) => Number.isFinite(t) && t > 0);
}

/** Builds the scale: a little padding on both sides, 4–8 round ticks. */
export function buildScale(times: number[], x0: number, x1: number): TimeScale {
  const min = Math.min(...times);
  const max = Math.max(...times);
  const span = Math.max(max - min, 60_000);
  const from = min - span * 0.02;
  const to = max + span * 0.03;
  const step = STEPS.find((s) => (to - from) / s <= 8) ?? STEPS[STEPS.length - 1] ?? 86400e3;
  const ticks: number[] = [];
  for (let t = Math.ceil(from / step) * step; t <= to; t += step) ticks.push(t);
  const k = (x1 - x0) / (to - from);
  return { from, to, x0, x1, ticks, x: (ms: number) => x0 + (ms - from) * k };
}

/**
 * Keeps labels that do not collide: returns the indexes of `xs` (sorted ascending) to label,
 * always keeping the last one.
 */
export function spacedLabels(xs: number[], minGap: number): Set<number> {
  const keep = new Set<number>();
  let lastKept = -Infinity;
  const last = xs.length - 1;
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i] ?? 0;
    const nextIsLast = i < last && (xs[last] ?? 0) - x < minGap;
    if (i === last || (x - lastKept >= minGap && !nextIsLast)) {
      keep.add(i);
      lastKept = x;
    }
  }
  return keep;
}
