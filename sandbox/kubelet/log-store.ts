/**
 * Container logs as the kubelet keeps them: one file per container instance, of which only the
 * current and the previous instance survive container GC (MaxPerPodContainerCount = 1 dead).
 * Lines are materialised lazily from the run plan up to "now".
 */
import type { RunPlan } from './behaviour';

/** A materialised log line. */
export interface RenderedLine {
  time: number;
  text: string;
}

/** One container instance's log source. */
export interface LogInstance {
  startedAt: number;
  finishedAt?: number;
  plan: RunPlan;
  /** Lines appended by the kubelet's actions (SIGTERM handlers). */
  extra: RenderedLine[];
}

// Bound the lazily generated repeating lines so a pod running for days stays cheap.
const MAX_REPEAT_LINES = 5000;

/** The lines of an instance written up to `now`, oldest first. */
export function renderLines(inst: LogInstance, now: number): RenderedLine[] {
  const end = Math.min(now, inst.finishedAt ?? Infinity);
  const out: RenderedLine[] = [];
  let lastAt = 0;
  for (const line of inst.plan.lines) {
    const time = inst.startedAt + line.atMs;
    lastAt = Math.max(lastAt, line.atMs);
    if (time <= end) out.push({ time, text: line.text });
  }
  const repeat = inst.plan.repeat;
  if (repeat && repeat.everyMs > 0) {
    const first = lastAt + repeat.everyMs;
    const total = Math.floor((end - inst.startedAt - first) / repeat.everyMs) + 1;
    const from = Math.max(0, total - MAX_REPEAT_LINES);
    for (let n = from; n < total; n++) {
      const atMs = first + n * repeat.everyMs;
      out.push({ time: inst.startedAt + atMs, text: repeat.text(n, atMs) });
    }
  }
  for (const line of inst.extra) if (line.time <= end) out.push(line);
  return out.sort((a, b) => a.time - b.time);
}
