// Which labels of the timeline SVG are drawn: each lane's labels go through the collision layout
// (label-layout.ts), so "image changed" never lands on "back-off reset" and "next try" never on a
// gap's duration. Marks whose label is left out keep their tooltip.
import type { ContainerRun, ContainerTimeline } from '@/lib/diagnosis';
import { runLabel } from '@/components/format/exit-style';
import { formatHourMinute } from '@/components/format/time';
import { RESET_WORDS, X0, X1, gapText } from './chart-layout';
import { placeLabels, type LabelRequest, type Placement } from './label-layout';
import type { TimeScale } from './timeline-scale';

/** The keys of the labels to draw, per lane. */
export interface ChartLabels {
  exit: Map<string, Placement>;
  backoff: Map<string, Placement>;
  marks: Map<string, Placement>;
}

/** Where a back-off reset is marked: the start of the run with which the curve started over. */
export function resetAt(c: ContainerTimeline, gap: ContainerTimeline['gaps'][number]): number {
  const run = c.runs.find((r) => r.id === gap.afterRunId);
  return run?.startedAt ?? gap.from;
}

/** Runs in drawing order (by end time). */
export function runsByEnd(c: ContainerTimeline, now: number): ContainerRun[] {
  return [...c.runs].sort((a, b) => (a.finishedAt ?? now) - (b.finishedAt ?? now));
}

/** Where an image change is drawn: the runs whose imageID differs from the run before. */
export function imageChanges(c: ContainerTimeline, now: number) {
  const runs = [...c.runs].sort(
    (a, b) => (a.startedAt ?? a.finishedAt ?? now) - (b.startedAt ?? b.finishedAt ?? now),
  );
  return runs.flatMap((run, i) => {
    const prev = runs[i - 1];
    if (!prev?.imageID || !run.imageID || prev.imageID === run.imageID) return [];
    return [{ run, prev, at: run.startedAt ?? run.finishedAt ?? now }];
  });
}

/** The label text of a not-observed block. */
export function unobservedText(count: number): string {
  return `${count} not observed`;
}

/** The next-try label. */
export function nextTryText(earliest: number): string {
  return `next try ~${formatHourMinute(earliest)}`;
}

/** Lays out every lane's labels for one container. */
export function layoutChartLabels(c: ContainerTimeline, s: TimeScale, now: number): ChartLabels {
  const runs = runsByEnd(c, now);
  const last = runs[runs.length - 1];
  const exit: LabelRequest[] = runs.map((run) => {
    const end = run.finishedAt ?? now;
    const start = run.startedAt ?? end - 1000;
    const x = (s.x(start) + Math.max(s.x(start) + 3, s.x(end))) / 2;
    const priority = run === last ? 3 : run.reason === 'OOMKilled' ? 2 : 1;
    return {
      key: `run:${run.id}`,
      x,
      text: runLabel(run),
      fontSize: 12,
      anchor: 'middle',
      priority,
    };
  });
  c.unobserved.forEach((u, i) => {
    const x = s.x(u.from ?? s.from) + 2;
    exit.push({
      key: `unobserved:${i}`,
      x,
      text: unobservedText(u.count),
      fontSize: 11,
      anchor: 'start',
      priority: 2,
    });
  });
  const backoff: LabelRequest[] = c.gaps.flatMap((gap) => {
    if (gap.to === undefined) return [];
    const x = (s.x(gap.from) + s.x(gap.to)) / 2;
    const key = `gap:${gap.afterRunId}-${gap.from}`;
    return [
      {
        key,
        x,
        text: gapText(gap),
        fontSize: 11,
        anchor: 'middle' as const,
        priority: gap.reset ? 3 : 1,
      },
    ];
  });
  if (c.nextRetry) {
    const x = Math.min(s.x(c.nextRetry.latest), X1);
    backoff.push({
      key: 'next',
      x,
      text: nextTryText(c.nextRetry.earliest),
      fontSize: 12,
      anchor: 'end',
      priority: 5,
    });
  }
  const marks: LabelRequest[] = c.gaps.flatMap((gap) => {
    if (!gap.reset) return [];
    const at = s.x(resetAt(c, gap));
    const key = `reset:${gap.afterRunId}-${gap.from}`;
    return [
      {
        key,
        x: at + 4,
        text: `↺ ${RESET_WORDS[gap.reset]}`,
        fontSize: 12,
        anchor: 'start' as const,
        priority: 3,
        fallback: { x: at - 4, anchor: 'end' as const },
      },
    ];
  });
  for (const { run, at } of imageChanges(c, now)) {
    marks.push({
      key: `image:${run.id}`,
      x: s.x(at) + 7,
      text: 'image changed',
      fontSize: 11,
      anchor: 'start',
      priority: 2,
    });
  }
  return {
    exit: placeLabels(exit, X0 - 40, X1 + 16),
    backoff: placeLabels(backoff, X0 - 40, X1 + 16),
    marks: placeLabels(marks, X0 - 40, X1 + 16),
  };
}
