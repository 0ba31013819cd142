// A crash has a cause (the migration failed) and, often, a trap people fell into while handling it
// (the pod was deleted, which reset the back-off and threw the previous log away). They are two
// facts: a trap never takes the cause's place, and every view shows both, on two lines.
import type { ContainerTimeline, Finding } from './types';

/** Categories of findings about the incident's handling rather than the crash's cause. */
export const PROCESS_TRAP_CATEGORIES: ReadonlySet<string> = new Set(['backoff-reset']);

/** Whether a finding is about the handling (a process trap) rather than the cause. */
export function isProcessTrap(finding: Pick<Finding, 'category'>): boolean {
  return PROCESS_TRAP_CATEGORIES.has(finding.category);
}

/** The cause (the worst finding that is not a trap, else the worst) and the worst trap beside it. */
export function causeAndTrap<F extends Pick<Finding, 'category'>>(
  findings: F[],
): { cause?: F; trap?: F } {
  const cause = findings.find((f) => !isProcessTrap(f)) ?? findings[0];
  const trap = findings.find((f) => isProcessTrap(f) && f !== cause);
  return { cause, trap };
}

/**
 * Restarts of this pod plus those of the pods it replaced (each replaced pod's last recorded
 * restartCount per container): what a deleted-and-replaced crash loop really cost.
 */
export function restartsAcrossPods(
  ownRestarts: number,
  containers: Pick<ContainerTimeline, 'runs'>[],
  ownUid: string | undefined,
): number {
  const replaced = new Map<string, number>();
  for (const c of containers) {
    for (const run of c.runs) {
      if (!run.podUid || run.podUid === ownUid || run.state !== 'terminated') continue;
      const key = `${run.podUid}|${run.container}`;
      replaced.set(key, Math.max(replaced.get(key) ?? 0, run.restartCount ?? 0));
    }
  }
  return [...replaced.values()].reduce((sum, n) => sum + n, ownRestarts);
}
