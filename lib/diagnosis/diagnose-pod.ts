// diagnosePod: pod, events, logs, owners and history in; per-container timelines and findings
// (worst first) out. Pure: no I/O, time comes from input.now.
import { CONTAINER_PLACEHOLDER, isRealContainerName } from './commands';
import { detectors } from './detectors';
import type { DetectorContext } from './detectors/context';
import { detectNotEnoughEvidence, detectRestartHistory } from './detectors/not-enough-evidence';
import { isPodHealthy } from './detectors/pod-health';
import { collectEvents } from './events';
import { missingInputs } from './missing-inputs';
import { nodeMemory } from './node-memory';
import { summarizePod } from './pod-summary';
import { sortFindings } from './severity';
import { buildContainerTimeline, listContainers } from './timeline';
import type { DiagnosisInput, Finding, PodDiagnosis } from './types';

function buildContext(input: DiagnosisInput): DetectorContext {
  const refs = listContainers(input);
  const names = refs.map((r) => r.name);
  const events = collectEvents(
    input.pod,
    [...(input.history?.events ?? []), ...(input.events ?? [])],
    names,
  );
  return {
    input,
    namespace: input.pod.metadata.namespace ?? 'default',
    podName: input.pod.metadata.name ?? 'POD',
    restartPolicy: input.pod.spec?.restartPolicy ?? 'Always',
    refs,
    containers: refs.map((r) => buildContainerTimeline(r, input, events)),
    events,
    podEvents: events.filter((e) => !e.container),
  };
}

// Detectors see the same fact from two sides (the image-pull detector and the log line of its
// event; the exit code and the log line that explains it): keep one finding per category and
// container, the most specific. Pod-level findings yield to a container's of the same category.
function dedupe(findings: Finding[]): Finding[] {
  const best = new Map<string, Finding>();
  for (const f of findings) {
    const key = `${f.severity === 'info' ? f.id : f.category}|${f.container ?? ''}|${f.pod ?? ''}`;
    const prev = best.get(key);
    if (!prev || (f.priority ?? 0) > (prev.priority ?? 0)) best.set(key, f);
  }
  const kept = [...best.values()].filter((f) => !unknownBesideCause(f, best));
  return kept.filter(
    (f) =>
      f.container !== undefined ||
      f.pod !== undefined ||
      !kept.some(
        (o) => o !== f && o.container !== undefined && !o.pod && o.category === f.category,
      ),
  );
}

// "Not enough evidence" about a container yields to a cause found for that same container (a
// SIGKILL of unknown origin beside the probe that sent it).
function unknownBesideCause(f: Finding, all: Map<string, Finding>): boolean {
  if (f.category !== 'not-enough-evidence' || f.container === undefined) return false;
  return [...all.values()].some(
    (o) =>
      o.container === f.container &&
      !o.pod &&
      o.category !== 'not-enough-evidence' &&
      o.severity !== 'info',
  );
}

// Findings about a workload's past that stay worth acting on while this pod is fine.
const WORKLOAD_LEVEL = new Set(['rollback-hides-cause']);

// A healthy pod's findings describe history (an old restart, a drifted tag), not an incident.
function asHistory(f: Finding): Finding {
  return WORKLOAD_LEVEL.has(f.category) ? f : { ...f, severity: 'info' };
}

// The text parser names containers it never saw `<container>`; say so instead of passing the
// placeholder off as a name (commands already print CONTAINER for it).
function notePlaceholder(ctx: DetectorContext, f: Finding): Finding {
  if (f.container === undefined || isRealContainerName(f.container)) return f;
  const init = ctx.containers.find((c) => c.name === f.container)?.init;
  const field = init ? 'initContainers' : 'containers';
  const list = `kubectl get pod -n ${ctx.namespace} ${ctx.podName} -o jsonpath='{.spec.${field}[*].name}'`;
  return {
    ...f,
    explanation: `${f.explanation} The ${init ? 'init ' : ''}container name was not in the input: replace ${CONTAINER_PLACEHOLDER} in the commands with the real name (\`${list}\`).`,
  };
}

// `kubectl logs --previous` answers only for a container whose status has a lastState.terminated
// (kubelet validateContainerLogStatus: "previous terminated container … not found"); a container
// that never ran (image pull, config error) gets no such command.
function dropImpossibleCommands(ctx: DetectorContext, f: Finding): Finding {
  const ran = (name: string | undefined) => {
    const refs = name ? ctx.refs.filter((r) => r.name === name) : ctx.refs;
    return refs.some((r) => r.status?.lastState?.terminated) || refs.length === 0;
  };
  const commands = f.commands.filter((c) => {
    if (!c.command.includes(' --previous')) return true;
    const named = / -c (\S+)/.exec(c.command)?.[1];
    return ran(named ?? f.container);
  });
  return commands.length === f.commands.length ? f : { ...f, commands };
}

/** Diagnoses one pod: timelines per container and findings sorted worst first. */
export function diagnosePod(input: DiagnosisInput): PodDiagnosis {
  const ctx = buildContext(input);
  const found = dedupe(detectors.flatMap(({ detect }) => detect(ctx)));
  // Findings about other pods of a pasted table do not explain this pod.
  const own = found.filter((f) => f.pod === undefined);
  const healthy = isPodHealthy(ctx);
  const all = healthy
    ? [...found.map(asHistory), ...detectRestartHistory(ctx, own)]
    : [...found, ...detectNotEnoughEvidence(ctx, own)];
  const findings = sortFindings(
    all.map((f) => dropImpossibleCommands(ctx, notePlaceholder(ctx, f))),
  );
  return {
    pod: summarizePod(input),
    containers: ctx.containers,
    podEvents: ctx.podEvents,
    findings,
    missing: missingInputs(ctx),
    generatedAt: input.now,
    ...(input.ageBasis ? { ageBasis: input.ageBasis } : {}),
    node: nodeMemory(input.pod.spec?.nodeName, input.node, ctx.events, ctx.containers),
    healthy: healthy && findings.every((f) => f.severity === 'info'),
  };
}
