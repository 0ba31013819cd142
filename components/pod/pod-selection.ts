// Which container a pod page shows, and which log lines its findings point at.
import type { ContainerRun, ContainerTimeline, PodDiagnosis } from '@/lib/diagnosis';

/** The asked-for container, else the one the top finding is about, else the first not ready. */
export function pickContainer(d: PodDiagnosis, asked?: string): ContainerTimeline | undefined {
  const byName = (name?: string) => d.containers.find((c) => c.name === name);
  return (
    byName(asked) ??
    byName(d.findings[0]?.container) ??
    byName(d.findings[0]?.evidence.find((e) => e.container)?.container) ??
    d.containers.find((c) => !c.init && c.ready === false) ??
    d.containers.find((c) => !c.init) ??
    d.containers[0]
  );
}

/** Log line → the title of the finding that cites it, for one container's log. */
export function logHighlights(
  d: PodDiagnosis,
  container: string,
  kind: 'previous' | 'current',
): Record<number, string> {
  const out: Record<number, string> = {};
  for (const finding of d.findings) {
    for (const e of finding.evidence) {
      if (e.kind !== 'log' || e.line === undefined) continue;
      if ((e.container ?? finding.container) !== container) continue;
      if ((e.logKind ?? 'previous') !== kind) continue;
      out[e.line] ??= finding.title;
    }
  }
  return out;
}

/** The last terminated run of a container: the one `kubectl logs --previous` shows. */
export function lastTerminatedRun(c: ContainerTimeline): ContainerRun | undefined {
  return [...c.runs]
    .filter((r) => r.state === 'terminated')
    .sort((a, b) => (b.finishedAt ?? 0) - (a.finishedAt ?? 0))[0];
}

/** Events of one container plus the pod's own, for the events lane. */
export function eventsFor(d: PodDiagnosis, c: ContainerTimeline) {
  return [...c.events, ...d.podEvents];
}
