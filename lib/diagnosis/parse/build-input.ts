// Turns the facts of every paste into one DiagnosisInput: one pod (the one the pastes are about),
// its events, and its logs placed on the container they came from.
import type { DiagnosisInput, EventLike, ListedPod, PodLike } from '../types';
import type { LogPiece, PasteFacts, PodHint } from './facts';
import { applyEventFacts } from './event-facts';
import {
  UNKNOWN_INIT_CONTAINER,
  containerNames,
  crashScore,
  crashingContainer,
  mergePod,
  renameContainer,
  upsertContainer,
} from './merge-pods';
import { UNKNOWN_CONTAINER } from './parse-pod-object';
import { foldStatuses } from './status-words';

const HEALTHY = /^(Running|Completed|Succeeded)$/;

function hintBadness(h: PodHint): number {
  const last = h.statuses[h.statuses.length - 1] ?? '';
  return (HEALTHY.test(last) ? 0 : 1000) + (h.restarts ?? 0) + (h.containerWaiting ? 1 : 0);
}

function podBadness(p: PodLike): number {
  const statuses = [
    ...(p.status?.containerStatuses ?? []),
    ...(p.status?.initContainerStatuses ?? []),
  ];
  return statuses.reduce((sum, s) => sum + crashScore(s), p.status?.phase === 'Running' ? 0 : 1);
}

function pickSubject(pods: PodLike[], hints: PodHint[], warnings: string[]): PodLike {
  const named = [...pods]
    .sort((a, b) => podBadness(b) - podBadness(a))
    .find((p) => p.metadata.name);
  const name =
    named?.metadata.name ??
    [...hints].sort((a, b) => hintBadness(b) - hintBadness(a)).find((h) => h.name)?.name;
  const subject: PodLike = { metadata: { name }, spec: { containers: [] } };
  if (!name) delete subject.metadata.name;
  const others = new Set<string>();
  for (const pod of pods) {
    if (!pod.metadata.name || pod.metadata.name === name) mergePod(subject, pod);
    else others.add(pod.metadata.name);
  }
  for (const h of hints) if (h.name && h.name !== name) others.add(h.name);
  if (others.size > 0) {
    warnings.push(
      `the input mentions other pods too (${[...others].slice(0, 5).join(', ')}); diagnosing ${name}`,
    );
  }
  return subject;
}

function applyHint(pod: PodLike, hint: PodHint): void {
  fill(pod, hint);
  for (const name of hint.initContainers ?? []) upsertContainer(pod, true, { name }, undefined);
  for (const name of hint.containers ?? []) upsertContainer(pod, false, { name }, undefined);
  if (hint.container && hint.containerWaiting) {
    const status = pod.status?.containerStatuses?.find((s) => s.name === hint.container);
    if (!status?.state) {
      upsertContainer(pod, false, undefined, {
        name: hint.container,
        state: { waiting: { reason: hint.containerWaiting, message: hint.waitingMessage } },
      });
    }
    if (hint.containerWaiting === 'PodInitializing') (pod.status ??= {}).phase ??= 'Pending';
  }
  if (hint.statuses.length === 0) return;
  const folded = foldStatuses(hint.statuses);
  const status = pod.status ?? {};
  if (folded.phase) status.phase ??= folded.phase;
  if (folded.podReason) status.reason ??= folded.podReason;
  pod.status = status;
  if (!folded.state && !folded.lastState) return;
  const unknown = folded.init ? UNKNOWN_INIT_CONTAINER : UNKNOWN_CONTAINER;
  const name = crashingContainer(pod, folded.init) ?? unknown;
  const list = folded.init ? status.initContainerStatuses : status.containerStatuses;
  const existing = list?.find((s) => s.name === name);
  upsertContainer(pod, folded.init, undefined, {
    name,
    state: existing?.state ? undefined : folded.state,
    lastState: existing?.lastState ? undefined : folded.lastState,
    restartCount: folded.init ? undefined : hint.restarts,
  });
}

function fill(pod: PodLike, hint: PodHint): void {
  if (hint.name && !pod.metadata.name) pod.metadata.name = hint.name;
  if (hint.namespace) pod.metadata.namespace ??= hint.namespace;
  if (hint.nodeName) (pod.spec ??= { containers: [] }).nodeName ??= hint.nodeName;
}

function logTarget(
  pod: PodLike,
  piece: LogPiece,
  initHint: boolean,
): { name: string; init: boolean } {
  if (piece.container) {
    const init = pod.spec?.initContainers?.some((c) => c.name === piece.container) ?? false;
    return { name: piece.container, init };
  }
  const mainWaitsForInit = pod.status?.containerStatuses?.some(
    (s) => s.state?.waiting?.reason === 'PodInitializing',
  );
  const init =
    initHint ||
    mainWaitsForInit === true ||
    (pod.status?.initContainerStatuses ?? []).some(
      (s) =>
        s.name === crashingContainer(pod, true) &&
        (s.lastState?.terminated || s.state?.waiting?.reason === 'CrashLoopBackOff'),
    );
  const name = crashingContainer(pod, init) ?? (init ? UNKNOWN_INIT_CONTAINER : UNKNOWN_CONTAINER);
  return { name, init };
}

function attachLogs(pod: PodLike, pieces: LogPiece[], initHint: boolean): DiagnosisInput['logs'] {
  if (pieces.length === 0) return undefined;
  const logs: NonNullable<DiagnosisInput['logs']> = {};
  for (const piece of pieces) {
    if (piece.pod && !pod.metadata.name) pod.metadata.name = piece.pod;
    const singleUnknown =
      pod.spec?.containers.length === 1 && pod.spec.containers[0]?.name === UNKNOWN_CONTAINER;
    if (piece.container && singleUnknown) renameContainer(pod, UNKNOWN_CONTAINER, piece.container);
    // A log named for a container the pod does not list, while an init container without a name
    // is failing ("Init:CrashLoopBackOff" in a pods table): the log is that init container's.
    const known = piece.container && containerNames(pod, false).includes(piece.container);
    const unnamedInit = containerNames(pod, true).includes(UNKNOWN_INIT_CONTAINER);
    if (piece.container && !known && initHint && unnamedInit)
      renameContainer(pod, UNKNOWN_INIT_CONTAINER, piece.container);
    const { name, init } = logTarget(pod, piece, initHint);
    upsertContainer(pod, init, { name }, undefined);
    const entry = (logs[name] ??= {});
    entry.previous = entry.previous === undefined ? piece.text : `${entry.previous}\n${piece.text}`;
  }
  return logs;
}

/** Builds the DiagnosisInput from every paste's facts; `warnings` gains what was missing. */
export function buildInput(facts: PasteFacts[], now: number, warnings: string[]): DiagnosisInput {
  const pods = facts.flatMap((f) => f.pods);
  const hints = facts.flatMap((f) => f.hints);
  const events: EventLike[] = facts.flatMap((f) => f.events);
  const pod = pickSubject(pods, hints, warnings);
  for (const h of hints) if (!h.name || h.name === pod.metadata.name) applyHint(pod, h);
  const podEvents = applyEventFacts(pod, events);
  const initHint = hints.some((h) => h.statuses.some((s) => s.startsWith('Init:')));
  const logs = attachLogs(
    pod,
    facts.flatMap((f) => f.logs),
    initHint,
  );
  if (containerNames(pod, false).length === 0 && containerNames(pod, true).length === 0) {
    upsertContainer(pod, false, { name: UNKNOWN_CONTAINER }, undefined);
  }
  reportMissing(pod, podEvents, logs, warnings);
  const listedPods = listedOthers(hints, pod.metadata.name);
  return {
    pod,
    events: podEvents.length ? podEvents : undefined,
    logs,
    now,
    ...(listedPods.length ? { listedPods } : {}),
  };
}

// Rows of a pasted pods table about other pods (READY is only printed by the table).
function listedOthers(hints: PodHint[], subject: string | undefined): ListedPod[] {
  const byName = new Map<string, ListedPod>();
  for (const h of hints) {
    if (!h.name || h.name === subject || h.ready === undefined || h.statuses.length === 0) continue;
    const row = byName.get(h.name) ?? { name: h.name, namespace: h.namespace, statuses: [] };
    row.statuses.push(...h.statuses);
    row.restarts = h.restarts;
    row.ready = h.ready;
    byName.set(h.name, row);
  }
  return [...byName.values()];
}

function reportMissing(
  pod: PodLike,
  events: EventLike[],
  logs: DiagnosisInput['logs'],
  warnings: string[],
): void {
  if (!pod.metadata.name) warnings.push('pod name not in the input');
  const statuses = [
    ...(pod.status?.containerStatuses ?? []),
    ...(pod.status?.initContainerStatuses ?? []),
  ];
  if (!statuses.some((s) => s.state || s.lastState))
    warnings.push('no container state or last state in the input');
  if (events.length === 0) warnings.push('no events in the input');
  if (!logs) warnings.push('no log in the input (kubectl logs --previous)');
  if (
    [...containerNames(pod, false), ...containerNames(pod, true)].some((n) => n.startsWith('<'))
  ) {
    warnings.push('a container name is not in the input');
  }
}
