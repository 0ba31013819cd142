// Scores `podtrail diagnose` on sets of real or written cases. A set is a folder of cases
// (`<id>/input.txt` + `truth.json` with a `category`) or a JSON file of cases
// (`[{ id, category, cause, input }]`, e.g. scripts/fixtures/generalisation-probe.json).
// A case is right when truth.category is the category of one of the top two findings (the
// on-call reader sees both); for not-enough-evidence, only when the tool says so first instead
// of guessing. Top-1 accuracy and confident wrong answers (a critical finding of another
// category on a case whose paste does not hold the cause) are reported beside it.
// Prints right/total per category for each set, then every miss. Exit 0 (it is a report)
// unless --min-accuracy X is not met by every set.
// Usage: npx tsx scripts/score-cases.ts SET... [--min-accuracy 0.8] [--now ISO-8601]
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { diagnoseFiles } from '../bin/podtrail';

/** One case to score. */
export interface ScoredCase {
  id: string;
  category: string;
  input: string;
}

/** One case's outcome. */
export interface CaseResult {
  id: string;
  expected: string;
  /** Categories of the top two findings, first first ('none' when there is no finding). */
  said: string[];
  title?: string;
  right: boolean;
  rightFirst: boolean;
  /** A critical finding of another category named first where the paste lacks the cause. */
  confidentWrong: boolean;
  error?: string;
}

const NEE = 'not-enough-evidence';

/** The categories of the first `n` findings ('none' when there is no finding). */
export function topCategories(findings: Array<{ category: string }>, n = 2): string[] {
  const top = findings.slice(0, n).map((f) => f.category);
  return top.length ? top : ['none'];
}

/** Reads a set: a folder of `<id>/input.txt` + `truth.json`, or a JSON file of cases. */
export function readCases(set: string): ScoredCase[] {
  if (statSync(set).isFile()) {
    const list = JSON.parse(readFileSync(set, 'utf8')) as ScoredCase[];
    return [...list].sort((a, b) => a.id.localeCompare(b.id));
  }
  return readdirSync(set, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(set, d.name, 'input.txt')))
    .map((d) => d.name)
    .sort()
    .map((id) => {
      const truth = JSON.parse(readFileSync(path.join(set, id, 'truth.json'), 'utf8')) as {
        category: string;
      };
      const input = readFileSync(path.join(set, id, 'input.txt'), 'utf8');
      return { id, category: truth.category, input };
    });
}

/** Diagnoses one case and judges the answer. */
export function scoreCase(c: ScoredCase, now: number): CaseResult {
  try {
    const { diagnosis } = diagnoseFiles([{ name: `${c.id}/input.txt`, text: c.input }], now);
    const said = topCategories(diagnosis.findings);
    const first = diagnosis.findings[0];
    const right = c.category === NEE ? said[0] === NEE : said.includes(c.category);
    return {
      id: c.id,
      expected: c.category,
      said,
      title: first?.title,
      right,
      rightFirst: said[0] === c.category,
      confidentWrong:
        c.category === NEE && first?.category !== NEE && first?.severity === 'critical',
    };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const base = { id: c.id, expected: c.category, said: ['error'], error: message };
    return { ...base, right: false, rightFirst: false, confidentWrong: false };
  }
}

/** Runs the CLI's diagnosis on every case of a set. */
export function scoreCases(set: string, now: number): CaseResult[] {
  return readCases(set).map((c) => scoreCase(c, now));
}

function pct(n: number, total: number): string {
  return total ? `${((100 * n) / total).toFixed(1)}%` : '0.0%';
}

/** Renders the per-category table of one set and its misses. */
export function formatScore(results: CaseResult[], title?: string): string {
  const byCategory = new Map<string, { right: number; first: number; total: number }>();
  for (const r of results) {
    const row = byCategory.get(r.expected) ?? { right: 0, first: 0, total: 0 };
    row.total++;
    if (r.right) row.right++;
    if (r.rightFirst) row.first++;
    byCategory.set(r.expected, row);
  }
  const width = Math.max(8, ...[...byCategory.keys()].map((k) => k.length));
  const right = results.filter((r) => r.right).length;
  const first = results.filter((r) => r.rightFirst).length;
  const wrong = results.filter((r) => r.confidentWrong).length;
  const lines = title ? [`## ${title}`] : [];
  lines.push(`${'category'.padEnd(width)}  top-2  top-1`);
  for (const [category, row] of [...byCategory.entries()].sort()) {
    lines.push(
      `${category.padEnd(width)}  ${`${row.right}/${row.total}`.padEnd(5)}  ${row.first}/${row.total}`,
    );
  }
  lines.push(
    `${'total'.padEnd(width)}  ${right}/${results.length} (${pct(right, results.length)}) top-2, ${first}/${results.length} (${pct(first, results.length)}) top-1, ${wrong} confident wrong`,
  );
  const misses = results.filter((r) => !r.right);
  if (misses.length) lines.push('', 'Misses:');
  for (const m of misses) {
    const said = m.error
      ? `error: ${m.error}`
      : `said ${m.said.join(', ')}${m.title ? ` — ${m.title}` : ''}`;
    lines.push(`  ${m.id}: expected ${m.expected}, ${said}`);
  }
  return lines.join('\n');
}

function main(argv: string[]): number {
  const flag = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const sets = argv.filter((a, i) => !a.startsWith('--') && !argv[i - 1]?.startsWith('--'));
  if (sets.length === 0) {
    console.error('usage: score-cases SET... [--min-accuracy X] [--now ISO-8601]');
    return 2;
  }
  const now = flag('--now') ? Date.parse(flag('--now') ?? '') : Date.now();
  const min = flag('--min-accuracy');
  let failed = false;
  sets.forEach((set, i) => {
    const results = scoreCases(set, now);
    if (i > 0) console.log('');
    console.log(formatScore(results, set));
    const accuracy = results.length ? results.filter((r) => r.right).length / results.length : 0;
    if (min !== undefined && accuracy < Number(min)) {
      console.error(`${set}: accuracy ${accuracy.toFixed(3)} is below --min-accuracy ${min}`);
      failed = true;
    }
  });
  return failed ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = main(process.argv.slice(2));
}
