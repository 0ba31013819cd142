// Facts about the pod that only its events carry in a partial paste: its name, namespace and node
// ("Successfully assigned NS/NAME to NODE", the scheduler's message), its container names ("Created
// container X", kubelet events) and image ("Container image "X" already present on machine").
import type { EventLike, PodLike } from '../types';
import { containerNames, renameContainer, upsertContainer } from './merge-pods';
import { UNKNOWN_CONTAINER } from './parse-pod-object';

// Since 1.12 "NS/NAME"; before, the name alone.
const ASSIGNED = /^Successfully assigned (?:([a-z0-9][-a-z0-9]*)\/)?(\S+) to (\S+)/;
const CONTAINER_NAMED = [
  /^(?:Created|Started|Stopping) container:? ([a-z0-9][-a-z0-9]*)$/,
  /^Back-off restarting failed container:? ([a-z0-9][-a-z0-9]*)(?: in pod |$)/,
  /^Container ([a-z0-9][-a-z0-9]*) (?:failed (?:liveness|startup) probe|definition changed)/,
];
const FIELD_PATH = /spec\.(containers|initContainers)\{([^}]+)\}/;
const IMAGE = /^(?:Container image|Successfully pulled image|Pulling image) "([^"]+)"/;

function messageOf(e: EventLike): string {
  return e.message ?? e.note ?? '';
}

function isAboutOtherPod(e: EventLike, pod: PodLike): boolean {
  const obj = e.involvedObject ?? e.regarding;
  if (!obj?.name || !pod.metadata.name) return false;
  return (obj.kind ?? 'Pod') === 'Pod' && obj.name !== pod.metadata.name;
}

// When every event about a pod names the same one, that is the pod the paste is about.
function adoptNamedPod(pod: PodLike, events: EventLike[]): void {
  const objects = events
    .map((e) => e.involvedObject ?? e.regarding)
    .filter((o) => o?.name && (o.kind ?? 'Pod') === 'Pod');
  const names = new Set(objects.map((o) => o?.name));
  if (names.size !== 1) return;
  pod.metadata.name = objects[0]?.name;
  if (objects[0]?.namespace) pod.metadata.namespace ??= objects[0].namespace;
}

function namedContainers(events: EventLike[]): Array<{ name: string; init: boolean }> {
  const found = new Map<string, boolean>();
  for (const e of events) {
    const path = FIELD_PATH.exec((e.involvedObject ?? e.regarding)?.fieldPath ?? '');
    if (path?.[2]) found.set(path[2], path[1] === 'initContainers');
    for (const re of CONTAINER_NAMED) {
      const m = re.exec(messageOf(e));
      if (m?.[1] && !found.has(m[1])) found.set(m[1], false);
    }
  }
  return [...found.entries()].map(([name, init]) => ({ name, init }));
}

/** Keeps the events about the pod and fills what they reveal about it; returns those events. */
export function applyEventFacts(pod: PodLike, events: EventLike[]): EventLike[] {
  for (const e of events) {
    const m = ASSIGNED.exec(messageOf(e));
    if (m && (!pod.metadata.name || pod.metadata.name === m[2])) {
      pod.metadata.name ??= m[2];
      if (m[1]) pod.metadata.namespace ??= m[1];
      if (pod.spec && m[3]) pod.spec.nodeName ??= m[3];
    }
  }
  if (!pod.metadata.name) adoptNamedPod(pod, events);
  const mine = events.filter((e) => !isAboutOtherPod(e, pod));
  const named = namedContainers(mine);
  const main = pod.spec?.containers ?? [];
  const mainNamed = named.filter((n) => !n.init);
  if (
    main.length === 1 &&
    main[0]?.name === UNKNOWN_CONTAINER &&
    mainNamed.length === 1 &&
    mainNamed[0]
  ) {
    renameContainer(pod, UNKNOWN_CONTAINER, mainNamed[0].name);
  }
  for (const n of named) upsertContainer(pod, n.init, { name: n.name }, undefined);
  const images = new Set(
    mine.map((e) => IMAGE.exec(messageOf(e))?.[1]).filter((x): x is string => !!x),
  );
  const names = containerNames(pod, false);
  const image = images.size === 1 ? [...images][0] : undefined;
  const status = pod.status?.containerStatuses?.find((s) => s.name === names[0]);
  if (names.length === 1 && image && status && !status.image) status.image = image;
  return mine.map((e) => withPod(e, pod));
}

function withPod(e: EventLike, pod: PodLike): EventLike {
  if (e.involvedObject?.name || e.regarding?.name || !pod.metadata.name) return e;
  return {
    ...e,
    involvedObject: {
      ...e.involvedObject,
      kind: e.involvedObject?.kind ?? 'Pod',
      name: pod.metadata.name,
      namespace: pod.metadata.namespace,
    },
  };
}
