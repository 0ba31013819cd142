// The figures of a bench run: the table it prints and bench-results.json.
import { writeFileSync } from 'node:fs';

/** One figure: Podtrail against the baseline measured in the same run. */
export interface Figure {
  name: string;
  unit: string;
  podtrail: number | null;
  baseline: number | null;
  /** podtrail ÷ baseline. */
  ratio: number | null;
  /** The target, as text ("≤ 1.1"), or null when the figure has none. */
  target: string | null;
  /** Whether the target holds (null: no target, or not measured). */
  met: boolean | null;
  note?: string;
}

/** Makes a figure; `check` says whether the Podtrail value meets the target. */
export function figure(
  name: string,
  unit: string,
  podtrail: number | null,
  baseline: number | null,
  target?: { text: string; check: (value: number) => boolean },
  note?: string,
): Figure {
  const ratio = podtrail !== null && baseline ? podtrail / baseline : null;
  const met = target && podtrail !== null ? target.check(podtrail) : null;
  return {
    name,
    unit,
    podtrail,
    baseline,
    ratio,
    target: target?.text ?? null,
    met,
    ...(note ? { note } : {}),
  };
}

/** ≤ limit. */
export const atMost = (limit: number, unit = '') => ({
  text: `≤ ${limit}${unit ? ` ${unit}` : ''}`,
  check: (v: number) => v <= limit,
});

/** p-th percentile of values (nearest rank). */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return (
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ??
    NaN
  );
}

function cell(value: number | null): string {
  if (value === null || Number.isNaN(value)) return '—';
  if (Math.abs(value) >= 100) return value.toFixed(0);
  if (Math.abs(value) >= 10) return value.toFixed(1);
  return value.toFixed(2);
}

/** The figures as a Markdown table (what the run prints and the README shows). */
export function table(figures: Figure[]): string {
  const lines = [
    '| figure | unit | Podtrail | baseline | ratio | target | met |',
    '| --- | --- | ---: | ---: | ---: | --- | --- |',
  ];
  for (const f of figures) {
    const met = f.met === null ? '' : f.met ? 'yes' : '**no**';
    lines.push(
      `| ${f.name}${f.note ? ` (${f.note})` : ''} | ${f.unit} | ${cell(f.podtrail)} | ${cell(f.baseline)} | ${cell(f.ratio)} | ${f.target ?? ''} | ${met} |`,
    );
  }
  return lines.join('\n');
}

/** Writes bench-results.json. */
export function writeResults(
  file: string,
  figures: Figure[],
  config: Record<string, unknown>,
): void {
  writeFileSync(file, `${JSON.stringify({ figures, config }, null, 2)}\n`);
}
