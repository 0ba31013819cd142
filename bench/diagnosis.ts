// diagnosePod throughput and heap on the fixtures, and the log scanner on a huge log.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { diagnoseLogText, diagnosePod } from '../lib/diagnosis';

const dir = path.resolve(__dirname, '../lib/diagnosis/fixtures');
const NOW = Date.parse('2026-11-25T12:00:00Z');

function loadPods(): unknown[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.pod.json'))
    .map((f) => JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as unknown);
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;
}

/** Prints diagnoses per second over every pod fixture, and the heap the results hold. */
export function benchDiagnosis(rounds = 500): void {
  const pods = loadPods() as Parameters<typeof diagnosePod>[0]['pod'][];
  const times: number[] = [];
  const heapBefore = process.memoryUsage().heapUsed;
  const kept: unknown[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const pod of pods) {
      const t = performance.now();
      kept.push(diagnosePod({ pod, now: NOW }));
      times.push(performance.now() - t);
    }
  }
  const heapMiB = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
  times.sort((a, b) => a - b);
  const total = times.reduce((s, t) => s + t, 0);
  console.log(
    `diagnosePod: ${times.length} diagnoses of ${pods.length} fixtures  ` +
      `${((times.length / total) * 1000).toFixed(0)}/s  p50=${percentile(times, 0.5).toFixed(3)}ms  ` +
      `p99=${percentile(times, 0.99).toFixed(3)}ms  heap for ${kept.length} results=${heapMiB.toFixed(1)}MiB`,
  );
}

/** Prints how long the log scanner takes on a 5 MiB log whose decisive line is near the end. */
export function benchHugeLog(): void {
  const filler = 'INFO handled request path=/api/orders status=200 duration=12ms\n';
  const text =
    filler.repeat(Math.ceil((5 * 2 ** 20) / filler.length)) +
    'Error: missing required env DB_URL\n';
  const t = performance.now();
  const found = diagnoseLogText(text);
  console.log(
    `diagnoseLogText: ${(text.length / 2 ** 20).toFixed(1)} MiB log in ${(performance.now() - t).toFixed(0)}ms → ${found.category} (line ${found.decisive?.line ?? '?'})`,
  );
}
