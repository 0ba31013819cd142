// URL and anchor helpers shared by pages, findings and the timeline, so a finding's evidence link
// and the element it points at are built by the same function.
import type { Evidence } from '@/lib/diagnosis';

function slug(text: string): string {
  return text.replace(/[^A-Za-z0-9_-]+/g, '-');
}

/** The element id of a container run (ContainerRun.id such as `auth#14`). */
export function runAnchor(runId: string): string {
  return `run-${slug(runId)}`;
}

/** The element id of one log line. */
export function logLineAnchor(
  container: string,
  kind: 'previous' | 'current',
  line: number,
): string {
  return `log-${slug(container)}-${kind}-L${line}`;
}

/** The element id of a container's facts (image, memory, events). */
export function factsAnchor(container: string): string {
  return `facts-${slug(container)}`;
}

/** The element id of a finding. */
export function findingAnchor(id: string): string {
  return `finding-${slug(id)}`;
}

/** Where on the page a piece of evidence is shown, as a `#fragment`. */
export function evidenceHref(evidence: Evidence, fallbackContainer?: string): string | undefined {
  const container = evidence.container ?? fallbackContainer;
  if (evidence.kind === 'log' && evidence.line !== undefined && container) {
    return `#${logLineAnchor(container, evidence.logKind ?? 'previous', evidence.line)}`;
  }
  if (evidence.runId) return `#${runAnchor(evidence.runId)}`;
  if (container) return `#${factsAnchor(container)}`;
  return undefined;
}

/** The pod page path. */
export function podPath(cluster: string, namespace: string, pod: string): string {
  return `/c/${encodeURIComponent(cluster)}/ns/${encodeURIComponent(namespace)}/pods/${encodeURIComponent(pod)}`;
}

/** The workload page path (kind in lower case, as kubectl spells resources: deployment). */
export function workloadPath(
  cluster: string,
  namespace: string,
  kind: string,
  name: string,
): string {
  return `/c/${encodeURIComponent(cluster)}/ns/${encodeURIComponent(namespace)}/${encodeURIComponent(kind.toLowerCase())}/${encodeURIComponent(name)}`;
}

/** A finding title as plain text (tab titles, link previews): `code` spans lose their backticks. */
export function plainTitle(text: string): string {
  return text.replace(/`([^`]*)`/g, '$1').replaceAll('`', '');
}
