// Building findings: shared "don't" lessons from the anti-primer and a constructor that fills in
// the defaults so detectors state only what is particular to them.
import type { Evidence, Finding, KubectlCommand, Severity } from './types';

/** Anti-primer footgun #2: deleting the pod resets the back-off and loses the crash log. */
export const DONT_DELETE_POD =
  "Don't delete the pod to unstick it: the replacement starts the back-off from scratch and the previous container's log is lost with it.";

/** Anti-primer footgun #1: a rollback without reading the log hides the cause. */
export const DONT_ROLLBACK_BLIND =
  "Don't roll back before reading `kubectl logs --previous`: a rollback hides the cause and it returns on the next deploy.";

/** Anti-primer footgun #4: 137/OOMKilled is memory, not app logic. */
export const DONT_DEBUG_LOGIC_FOR_OOM =
  "Don't debug application logic first: the kernel killed the process for memory; the log just stops.";

/** What a detector supplies; the rest is defaulted. */
export interface FindingSpec {
  id: string;
  category: string;
  severity: Severity;
  title: string;
  explanation: string;
  container?: string;
  evidence?: Evidence[];
  doNext?: string[];
  dont?: string[];
  commands?: KubectlCommand[];
  priority?: number;
  pod?: string;
}

/** Creates a Finding with empty lists defaulted. */
export function makeFinding(spec: FindingSpec): Finding {
  return {
    id: spec.id,
    severity: spec.severity,
    title: spec.title,
    explanation: spec.explanation,
    container: spec.container,
    evidence: spec.evidence ?? [],
    doNext: spec.doNext ?? [],
    dont: spec.dont ?? [],
    commands: spec.commands ?? [],
    category: spec.category,
    priority: spec.priority,
    ...(spec.pod !== undefined ? { pod: spec.pod } : {}),
  };
}
