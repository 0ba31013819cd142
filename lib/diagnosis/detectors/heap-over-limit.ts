// A heap configured at or above the container's memory limit: the JVM's -Xmx (or Node's
// --max-old-space-size) lets the heap alone fill the limit before the runtime's own non-heap
// memory (metaspace, threads, code cache, buffers) is counted, so the kernel OOM-kills the
// container under load. Read from the command line wherever it shows: the spec's command/args,
// a `ps` line or the JVM's start-up banner in the log.
import { standardCommands } from '../commands';
import { DONT_DELETE_POD, makeFinding } from '../finding';
import { formatBytes } from '../quantity';
import type { ContainerTimeline, Evidence, Finding } from '../types';
import { type Detector, type DetectorContext, perContainer, targetOf } from './context';
import type { QuietCheck } from './plain-pod';

const UNIT: Record<string, number> = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4 };
// The heap may leave this share of the limit to everything else before it is too large.
const HEAP_SHARE = 0.9;

interface HeapSetting {
  bytes: number;
  text: string;
}

/** The largest heap setting in a text: -Xmx<size>[kmgt] or --max-old-space-size=<MiB>. */
export function heapSetting(text: string): HeapSetting | undefined {
  let best: HeapSetting | undefined;
  for (const line of text.split('\n')) {
    const body = line.slice(0, 4000);
    for (const m of body.matchAll(/-Xmx(\d+)([kmgt]?)\b/gi)) {
      const bytes = Number(m[1]) * (UNIT[(m[2] ?? '').toLowerCase()] ?? 1);
      if (!best || bytes > best.bytes) best = { bytes, text: body.trim() };
    }
    for (const m of body.matchAll(/--max-old-space-size=(\d+)/g)) {
      const bytes = Number(m[1]) * 1024 ** 2;
      if (!best || bytes > best.bytes) best = { bytes, text: body.trim() };
    }
  }
  return best;
}

function textsOf(ctx: DetectorContext, c: ContainerTimeline): string[] {
  const spec = ctx.refs.find((r) => r.name === c.name)?.spec;
  const logs = Object.entries(ctx.input.logs ?? {})
    .filter(([name]) => name === c.name || ctx.containers.length === 1)
    .flatMap(([, l]) => [l.previous ?? '', l.current ?? '']);
  return [[...(spec?.command ?? []), ...(spec?.args ?? [])].join(' '), ...logs];
}

function forContainer(ctx: DetectorContext, c: ContainerTimeline): Finding[] {
  const limit = c.memory.limitBytes;
  if (!limit || c.init) return [];
  const heap = textsOf(ctx, c)
    .map(heapSetting)
    .filter((h): h is HeapSetting => h !== undefined)
    .sort((a, b) => b.bytes - a.bytes)[0];
  if (!heap || heap.bytes < HEAP_SHARE * limit) return [];
  const evidence: Evidence[] = [
    { kind: 'log', text: heap.text.slice(0, 300), container: c.name },
    {
      kind: 'spec',
      text: `resources.limits.memory: ${c.memory.limit ?? formatBytes(limit)}`,
      path: `spec.containers[${c.name}].resources.limits.memory`,
      container: c.name,
    },
  ];
  const pct = Math.round((100 * heap.bytes) / limit);
  return [
    makeFinding({
      id: 'heap-over-memory-limit',
      category: 'oom-killed',
      severity: 'critical',
      title: `The heap may grow to ${formatBytes(heap.bytes)}, ${pct}% of the ${formatBytes(limit)} memory limit`,
      explanation: `The maximum heap alone reaches ${pct}% of the container’s memory limit, and the runtime needs memory beyond the heap (metaspace, threads, code cache, direct buffers). Under load the container exceeds its limit and the kernel OOM-kills it (137), however much the heap itself is tuned.`,
      container: c.name,
      evidence,
      doNext: [
        'Size the heap below the limit with room for non-heap memory (JVM: -XX:MaxRAMPercentage=70–75 instead of a fixed -Xmx; Node: --max-old-space-size at about 75% of the limit), or raise the limit.',
      ],
      dont: [
        DONT_DELETE_POD,
        "Don't raise -Xmx to match a larger limit: keep the heap a share of it.",
      ],
      commands: standardCommands(targetOf(ctx, c.name)),
      priority: 80,
    }),
  ];
}

// Everything heapSetting matches starts with one of these (without spaces, so a match never spans
// two command-line words).
const HEAP_FLAG = /-Xmx\d|--max-old-space-size=\d/i;

/** Quiet when no app container's command/args and no log name a heap size at all. */
export const heapOverLimitQuiet: QuietCheck = ({ input, refs }) =>
  !refs.some(
    (r) =>
      !r.init &&
      (r.spec?.command?.some((w) => HEAP_FLAG.test(w)) ||
        r.spec?.args?.some((w) => HEAP_FLAG.test(w))),
  ) &&
  !Object.values(input.logs ?? {}).some(
    (l) => HEAP_FLAG.test(l.previous ?? '') || HEAP_FLAG.test(l.current ?? ''),
  );

/** Detects heaps configured at or above the container's memory limit. */
export const detectHeapOverLimit: Detector = perContainer(forContainer);
