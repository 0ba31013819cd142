// What the memory chart draws: the last hour of recorded usage, the ceiling (the container's
// limit, or the node's allocatable memory when there is no limit) and the OOM kills in it.
import { formatBytes, type ContainerTimeline, type NodeMemory } from '@/lib/diagnosis';
import { formatClock } from '@/components/format/time';

const WINDOW_MS = 60 * 60_000;

/** The chart's data and the sentence that says it. */
export interface MemoryWindow {
  from: number;
  to: number;
  samples: Array<{ at: number; bytes: number }>;
  kills: Array<{ runId: string; at: number }>;
  /** The node's SystemOOM reports inside the window (kills of this or another container). */
  nodeOoms: number[];
  peak: number;
  /** The top of the y axis. */
  top: number;
  ticks: number[];
  ceiling?: { kind: 'limit' | 'node'; bytes: number; label: string };
  summary: string;
}

/** Axis steps in powers of two (64Mi, 128Mi, … 2Gi), about four per axis. */
function ticksUpTo(top: number): number[] {
  const step = 2 ** Math.ceil(Math.log2(Math.max(1, top / 4)));
  const ticks: number[] = [];
  for (let t = step; t <= top; t += step) ticks.push(t);
  return ticks;
}

function ceilingOf(
  c: ContainerTimeline,
  samples: NonNullable<ContainerTimeline['memory']['samples']>,
  nodeAllocatableBytes: number | undefined,
): MemoryWindow['ceiling'] {
  const limit = samples.at(-1)?.limitBytes ?? c.memory.limitBytes;
  if (limit !== undefined)
    return { kind: 'limit', bytes: limit, label: `limit ${c.memory.limit ?? formatBytes(limit)}` };
  if (nodeAllocatableBytes !== undefined)
    return {
      kind: 'node',
      bytes: nodeAllocatableBytes,
      label: `no limit — node allocatable ${formatBytes(nodeAllocatableBytes)}`,
    };
  return undefined;
}

function summaryOf(c: ContainerTimeline, w: Omit<MemoryWindow, 'summary'>): string {
  const kills = `${w.kills.length} OOM kill${w.kills.length === 1 ? '' : 's'} in this window`;
  if (w.samples.length === 0) {
    if (c.memory.metrics === 'served')
      return `No usage recorded yet: Podtrail samples metrics.k8s.io every 20 s while a pod crash-loops. ${kills}.`;
    if (c.memory.metrics === undefined)
      return `Usage over time is not part of this input (only a live cluster's metrics.k8s.io has it). ${kills}.`;
    return `${kills}.`;
  }
  const peakAt = w.samples.reduce((a, b) => (b.bytes > a.bytes ? b : a)).at;
  const of =
    w.ceiling?.kind === 'limit'
      ? ` (${Math.round((w.peak / w.ceiling.bytes) * 100)}% of the ${w.ceiling.label})`
      : w.ceiling
        ? ` — no memory limit: the node's memory (allocatable ${formatBytes(w.ceiling.bytes)}) is the only ceiling`
        : ' — no memory limit';
  const first = w.samples[0]?.at ?? w.from;
  return `Peak ${formatBytes(w.peak)} at ${formatClock(peakAt)}${of}; ${w.samples.length} samples since ${formatClock(first)}; ${kills}.`;
}

/** The last hour of a container's memory: recorded samples, ceiling, OOM kills. */
export function memoryWindow(c: ContainerTimeline, now: number, node?: NodeMemory): MemoryWindow {
  const nodeAllocatableBytes = node?.allocatableBytes;
  const all = c.memory.samples ?? [];
  const recent = all.filter((s) => s.at >= now - WINDOW_MS && s.at <= now);
  const killRuns = c.runs.filter(
    (r) =>
      r.reason === 'OOMKilled' && r.finishedAt !== undefined && r.finishedAt >= now - WINDOW_MS,
  );
  const starts = [...recent.map((s) => s.at), ...killRuns.map((r) => r.finishedAt ?? now)];
  const from = starts.length > 0 ? Math.min(...starts) : now - WINDOW_MS;
  const peak = recent.reduce((m, s) => Math.max(m, s.bytes), 0);
  const ceiling = ceilingOf(c, recent, nodeAllocatableBytes);
  const top = Math.max(peak, ceiling?.bytes ?? 0, 1) * 1.1;
  const start = Math.min(from, now - 60_000);
  const nodeOoms = (node?.events ?? [])
    .filter((e) => e.reason === 'SystemOOM' && e.lastAt >= start && e.lastAt <= now)
    .map((e) => e.lastAt);
  const w = {
    from: start,
    to: now,
    samples: recent.map(({ at, bytes }) => ({ at, bytes })),
    kills: killRuns.map((r) => ({ runId: r.id, at: r.finishedAt ?? now })),
    nodeOoms,
    peak,
    top,
    ticks: ticksUpTo(top),
    ceiling,
  };
  return { ...w, summary: summaryOf(c, w) };
}
