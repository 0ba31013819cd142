// Ordering of findings: a specific finding before a generic one, then severity, then how directly
// a finding names a cause (a decoded start failure or OOM kill before a log guess, a log guess
// before "not enough evidence").
import type { Finding, Severity } from './types';

/** Numeric rank of a severity: higher is worse (critical 3, warning 2, info 1). */
export function severityRank(severity: Severity): number {
  return severity === 'critical' ? 3 : severity === 'warning' ? 2 : 1;
}

// Lower comes first among findings of equal severity.
const CATEGORY_ORDER: string[] = [
  'rollback-hides-cause',
  'create-config-error',
  'image-pull',
  'init-container',
  'bad-command',
  'oom-killed',
  'missing-config',
  'volume-mount',
  'permission',
  'segfault-abort',
  'crash-after-upgrade',
  'dependency-unavailable',
  'probe-failure',
  'exits-zero',
  'image-mismatch',
  'app-error',
  'backoff-reset',
  'not-enough-evidence',
];

function categoryOrder(category: string): number {
  const i = CATEGORY_ORDER.indexOf(category);
  return i < 0 ? CATEGORY_ORDER.length : i;
}

// Findings that say only that the program failed (an exit code, a generic error line) — never
// ahead of one that names something specific, whatever their severity.
const GENERIC_CATEGORIES = new Set(['app-error']);

/**
 * The tier of a finding, lower first: a specific finding, then a generic failure, then "not
 * enough evidence", then info (history of a healthy pod).
 */
function tierOf(f: Finding): number {
  if (f.severity === 'info') return 3;
  if (f.category === 'not-enough-evidence') return 2;
  return GENERIC_CATEGORIES.has(f.category) ? 1 : 0;
}

/** Compares findings worst first: tier, severity, then an explicit priority, then category order. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    tierOf(a) - tierOf(b) ||
    severityRank(b.severity) - severityRank(a.severity) ||
    (b.priority ?? 0) - (a.priority ?? 0) ||
    categoryOrder(a.category) - categoryOrder(b.category) ||
    a.id.localeCompare(b.id)
  );
}

/** Returns the findings sorted worst first (the input is not mutated). */
export function sortFindings(findings: Finding[]): Finding[] {
  return [...findings].sort(compareFindings);
}
