// The report's timeline as rows with absolute UTC times, oldest first, shared by the HTML table
// and the Markdown export so both say the same thing.
import type { PodDiagnosis } from '@/lib/diagnosis';
import { EXIT_WORD, exitKind } from '@/components/format/exit-style';
import { formatDuration } from '@/components/format/time';

export interface ReportRow {
  at: number;
  container?: string;
  text: string;
  anchor?: string;
  /** A forecast (the next try), not something that happened. */
  future?: boolean;
}

const MAX_ROWS = 80;

/** Runs, resets, unobserved restarts and events of every container, oldest first. */
export function reportTimelineRows(d: PodDiagnosis): ReportRow[] {
  const rows: ReportRow[] = [];
  for (const c of d.containers) {
    for (const run of c.runs) {
      const at = run.finishedAt ?? run.startedAt;
      if (at === undefined) continue;
      const kind = exitKind(run);
      rows.push({
        at,
        container: c.name,
        anchor: run.id,
        text:
          run.state === 'running'
            ? `run ${run.id} started (running)`
            : `run ${run.id} ended: ${EXIT_WORD[kind]}, exit code ${run.exitCode ?? '?'}${run.exitMeaning ? ` (${run.exitMeaning})` : ''}`,
      });
    }
    for (const gap of c.gaps) {
      if (!gap.reset) continue;
      rows.push({
        at: gap.to ?? gap.from,
        container: c.name,
        text: `back-off reset (${gap.reset === 'pod-replaced' ? 'pod replaced' : gap.reset}): waited ${gap.observedMs !== undefined ? formatDuration(gap.observedMs) : '?'}, the kubelet's schedule was ${formatDuration(gap.expectedMs)}${gap.resetEvidence ? `; evidence: ${gap.resetEvidence}` : ''}`,
      });
    }
    for (const u of c.unobserved) {
      rows.push({
        at: u.from ?? u.to ?? 0,
        container: c.name,
        text: `${u.count} restarts not observed (${u.reason})`,
      });
    }
    for (const e of c.events) {
      if (e.timeUnknown) continue;
      rows.push({
        at: e.lastAt,
        container: c.name,
        text: `event ${e.type} ${e.reason}${e.count > 1 ? ` ×${e.count}` : ''}: ${e.message}`,
      });
    }
    // A postmortem states what happened: the kubelet's next try is a forecast, not a row.
  }
  for (const e of d.podEvents) {
    if (e.timeUnknown) continue;
    rows.push({
      at: e.lastAt,
      text: `event ${e.type} ${e.reason}${e.count > 1 ? ` ×${e.count}` : ''}: ${e.message}`,
    });
  }
  rows.sort((a, b) => a.at - b.at);
  // Keep the first rows and the most recent ones: the start and the end of an incident matter most.
  if (rows.length <= MAX_ROWS) return rows;
  const head = rows.slice(0, 20);
  const tail = rows.slice(rows.length - (MAX_ROWS - 21));
  return [
    ...head,
    { at: head[head.length - 1]?.at ?? 0, text: `… ${rows.length - MAX_ROWS + 1} rows omitted …` },
    ...tail,
  ];
}

/** First and last time on the timeline. */
export function timelineSpan(rows: ReportRow[]): { from?: number; to?: number } {
  const times = rows
    .filter((r) => !r.future)
    .map((r) => r.at)
    .filter((t) => t > 0);
  return times.length ? { from: Math.min(...times), to: Math.max(...times) } : {};
}
