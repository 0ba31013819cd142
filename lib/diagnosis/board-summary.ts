// One line of the board from a pod diagnosis: worst severity, top finding, next retry, last exit.
import { causeAndTrap, restartsAcrossPods } from './process-traps';
import { severityRank } from './severity';
import type { Finding, PodDiagnosis, Severity } from './types';

/** What the board shows for one pod. */
export interface BoardSummary {
  /** The worst severity; `info` for a healthy pod (see `healthy`). */
  severity: Severity;
  /** True when the pod needs no attention: the board can leave it out. */
  healthy?: boolean;
  /** The cause: the worst finding that is not a process trap. */
  topFinding?: Pick<Finding, 'id' | 'title' | 'severity' | 'category'>;
  /** The worst process trap (e.g. pods deleted → back-off reset), a line of its own. */
  trap?: Pick<Finding, 'id' | 'title' | 'severity' | 'category'>;
  /** This pod's restarts plus those of the pods it replaced. */
  restartsAcrossPods: number;
  nextRetry?: { earliest: number; latest: number };
  lastExit?: { code: number; reason?: string; at?: number };
}

function lastExit(d: PodDiagnosis): BoardSummary['lastExit'] {
  let best: BoardSummary['lastExit'];
  for (const c of d.containers) {
    for (const r of c.runs) {
      if (r.state !== 'terminated' || r.exitCode === undefined) continue;
      if (!best || (r.finishedAt ?? 0) >= (best.at ?? 0)) {
        best = { code: r.exitCode, reason: r.reason, at: r.finishedAt };
      }
    }
  }
  return best;
}

function nextRetry(d: PodDiagnosis): BoardSummary['nextRetry'] {
  const windows = d.containers.flatMap((c) => (c.nextRetry ? [c.nextRetry] : []));
  const soonest = windows.sort((a, b) => a.earliest - b.earliest)[0];
  return soonest ? { earliest: soonest.earliest, latest: soonest.latest } : undefined;
}

/** Summarises a diagnosis for the board: severity, top finding, next retry window, last exit. */
export function summarizeForBoard(d: PodDiagnosis): BoardSummary {
  const { cause: top, trap } = causeAndTrap(d.findings);
  const brief = (f: Finding) => ({
    id: f.id,
    title: f.title,
    severity: f.severity,
    category: f.category,
  });
  const severity = d.findings.reduce<Severity>(
    (worst, f) => (severityRank(f.severity) > severityRank(worst) ? f.severity : worst),
    'info',
  );
  return {
    severity,
    healthy: d.healthy ?? severity === 'info',
    topFinding: top ? brief(top) : undefined,
    trap: trap ? brief(trap) : undefined,
    restartsAcrossPods: restartsAcrossPods(d.pod.restarts, d.containers, d.pod.uid),
    nextRetry: nextRetry(d),
    lastExit: lastExit(d),
  };
}
