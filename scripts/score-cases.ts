// Scores `podtrail diagnose` on a folder of real cases (`<id>/input.txt` + `truth.json` with a
// `category`): a case is right when the top finding's category equals truth.category (for
// not-enough-evidence, when the tool says so instead of guessing). Prints right/total per
// category and every miss. Exit 0 (it is a report) unless --min-accuracy X is not met.
// Usage: npx tsx scripts/score-cases.ts DIR [--min-accuracy 0.8] [--now ISO-8601]
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { diagnoseFiles } from '../bin/podtrail';

/** One case's outcome. */
export interface CaseResult {
  id: string;
  expected: string;
  said: string;
  title?: string;
  right: boolean;
  error?: string;
}

/** The category a diagnosis names first ('none' when it has no finding). */
export function topCategory(findings: Array<{ category: string }>): string {
  return findings[0]?.category ?? 'none';
}

/** Runs the CLI's diagnosis on every case folder under `dir`. */
export function scoreCases(dir: string, now: number): CaseResult[] {
  const ids = readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(dir, d.name, 'input.txt')))
    .map((d) => d.name)
    .sort();
  return ids.map((id) => {
    const truth = JSON.parse(readFileSync(path.join(dir, id, 'truth.json'), 'utf8')) as {
      category: string;
    };
    const text = readFileSync(path.join(dir, id, 'input.txt'), 'utf8');
    try {
      const { diagnosis } = diagnoseFiles([{ name: `${id}/input.txt`, text }], now);
      const said = topCategory(diagnosis.findings);
      return {
        id,
        expected: truth.category,
        said,
        title: diagnosis.findings[0]?.title,
        right: said === truth.category,
      };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return { id, expected: truth.category, said: 'error', right: false, error: message };
    }
  });
}

/** Renders the per-category table and the misses. */
export function formatScore(results: CaseResult[]): string {
  const byCategory = new Map<string, { right: number; total: number }>();
  for (const r of results) {
    const row = byCategory.get(r.expected) ?? { right: 0, total: 0 };
    row.total++;
    if (r.right) row.right++;
    byCategory.set(r.expected, row);
  }
  const width = Math.max(8, ...[...byCategory.keys()].map((k) => k.length));
  const right = results.filter((r) => r.right).length;
  const lines = [`${'category'.padEnd(width)}  right/total`];
  for (const [category, row] of [...byCategory.entries()].sort()) {
    lines.push(`${category.padEnd(width)}  ${row.right}/${row.total}`);
  }
  const pct = results.length ? ((100 * right) / results.length).toFixed(1) : '0.0';
  lines.push(`${'total'.padEnd(width)}  ${right}/${results.length} (${pct}%)`);
  const misses = results.filter((r) => !r.right);
  if (misses.length) lines.push('', 'Misses:');
  for (const m of misses) {
    const said = m.error ? `error: ${m.error}` : `said ${m.said}${m.title ? ` — ${m.title}` : ''}`;
    lines.push(`  ${m.id}: expected ${m.expected}, ${said}`);
  }
  return lines.join('\n');
}

function main(argv: string[]): number {
  const dir = argv.find((a, i) => !a.startsWith('--') && !argv[i - 1]?.startsWith('--'));
  if (!dir) {
    console.error('usage: score-cases DIR [--min-accuracy X] [--now ISO-8601]');
    return 2;
  }
  const flag = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const now = flag('--now') ? Date.parse(flag('--now') ?? '') : Date.now();
  const results = scoreCases(dir, now);
  console.log(formatScore(results));
  const min = flag('--min-accuracy');
  const accuracy = results.length ? results.filter((r) => r.right).length / results.length : 0;
  if (min !== undefined && accuracy < Number(min)) {
    console.error(`accuracy ${accuracy.toFixed(3)} is below --min-accuracy ${min}`);
    return 1;
  }
  return 0;
}

process.exitCode = main(process.argv.slice(2));
