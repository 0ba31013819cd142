// How a run's exit is drawn: a colour AND a word, so colour is never the only signal.
import type { ContainerRun, Severity } from '@/lib/diagnosis';

export type ExitKind = 'oom' | 'error' | 'completed' | 'running' | 'signal' | 'unknown';

/** Classifies a run by how it ended (Kubernetes' reason first, then the exit code). */
export function exitKind(run: Pick<ContainerRun, 'state' | 'reason' | 'exitCode'>): ExitKind {
  if (run.state === 'running') return 'running';
  if (run.reason === 'OOMKilled' || run.exitCode === 137)
    return run.reason === 'OOMKilled' ? 'oom' : 'signal';
  if (run.exitCode === 0) return 'completed';
  if (run.exitCode !== undefined && run.exitCode > 128) return 'signal';
  if (run.exitCode !== undefined || run.reason === 'Error') return 'error';
  return 'unknown';
}

/** SVG fill colours (Okabe–Ito-like palette, readable by colour-blind people and in print). */
export const EXIT_FILL: Record<ExitKind, string> = {
  oom: '#b91c1c',
  error: '#d97706',
  completed: '#2563eb',
  running: '#15803d',
  signal: '#7c3aed',
  unknown: '#64748b',
};

/** The word printed beside the colour. */
export const EXIT_WORD: Record<ExitKind, string> = {
  oom: 'OOMKilled',
  error: 'Error',
  completed: 'Completed',
  running: 'Running',
  signal: 'Killed by signal',
  unknown: 'Unknown',
};

/** Short label under a run bar: the exit code plus a hint when it is not a plain error. */
export function runLabel(run: ContainerRun): string {
  if (run.state === 'running') return 'run';
  if (run.exitCode === undefined) return '?';
  if (run.reason === 'OOMKilled') return `${run.exitCode} OOM`;
  return String(run.exitCode);
}

/** Tailwind classes for a severity badge. */
export const SEVERITY_CLASS: Record<Severity, string> = {
  critical: 'bg-red-700 text-white',
  warning: 'bg-amber-300 text-amber-950',
  info: 'bg-sky-200 text-sky-950',
};

/** Text symbol for a severity (the board's ✖ ▲ ●), used beside the icon in plain text. */
export const SEVERITY_SYMBOL: Record<Severity, string> = {
  critical: '✖',
  warning: '▲',
  info: '●',
};

/** Severity order for sorting, worst first. */
export const SEVERITY_RANK: Record<Severity, number> = { critical: 0, warning: 1, info: 2 };

/** Findings worst first (stable: keeps the diagnosis's own order within a severity). */
export function worstFirst<T extends { severity: Severity }>(items: T[]): T[] {
  return [...items].sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
}
