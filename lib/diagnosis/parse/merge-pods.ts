// Merges what several pastes say about one pod: the more authoritative source (a Pod object,
// then describe) keeps its values, the others fill gaps. A container whose name a paste did not
// show ("<container>") merges into the one that is crash-looping.
import type { ContainerSpecLike, ContainerStatusLike, PodLike } from '../types';
import { UNKNOWN_CONTAINER } from './parse-pod-object';

/** The name used for an init container whose name no paste showed. */
export const UNKNOWN_INIT_CONTAINER = '<init-container>';

type Status = NonNullable<PodLike['status']>;

function fill<T extends object>(target: T, source: T): T {
  for (const [k, v] of Object.entries(source)) {
    const key = k as keyof T;
    if (target[key] === undefined && v !== undefined) target[key] = v as T[keyof T];
  }
  return target;
}

/** How strongly a container status shows a crash loop (0 = not at all). */
export function crashScore(s: ContainerStatusLike): number {
  let score = 0;
  if (s.state?.waiting?.reason === 'CrashLoopBackOff') score += 4;
  if (s.state?.waiting) score += 1;
  if (s.lastState?.terminated) score += 2;
  if (s.state?.terminated && s.state.terminated.exitCode !== 0) score += 2;
  if ((s.restartCount ?? 0) > 0) score += 1;
  return score;
}

/** The container most likely crash-looping (the one a lone log or status word is about). */
export function crashingContainer(pod: PodLike, init: boolean): string | undefined {
  const statuses = (init ? pod.status?.initContainerStatuses : pod.status?.containerStatuses) ?? [];
  const specs = (init ? pod.spec?.initContainers : pod.spec?.containers) ?? [];
  const best = [...statuses].sort((a, b) => crashScore(b) - crashScore(a))[0];
  if (best && (crashScore(best) > 0 || statuses.length === 1)) return best.name;
  return specs.length === 1 ? specs[0]?.name : (best?.name ?? specs[0]?.name);
}

function resolveName(target: PodLike, name: string, init: boolean): string {
  if (name !== UNKNOWN_CONTAINER && name !== UNKNOWN_INIT_CONTAINER) return name;
  return crashingContainer(target, init) ?? name;
}

/** Adds (or fills) a container's spec and status in the pod. */
export function upsertContainer(
  pod: PodLike,
  init: boolean,
  spec: ContainerSpecLike | undefined,
  status: ContainerStatusLike | undefined,
): void {
  const name = resolveName(pod, spec?.name ?? status?.name ?? UNKNOWN_CONTAINER, init);
  // A spec entry only when the paste showed the spec: a bare one would read as "no limits set".
  if (spec && Object.keys(spec).some((k) => k !== 'name')) {
    const podSpec = (pod.spec ??= { containers: [] });
    const specs = init ? (podSpec.initContainers ??= []) : podSpec.containers;
    const existingSpec = specs.find((c) => c.name === name);
    if (existingSpec) fill(existingSpec, { ...spec, name });
    else specs.push({ ...spec, name });
  }
  const podStatus: Status = (pod.status ??= {});
  const statuses = init
    ? (podStatus.initContainerStatuses ??= [])
    : (podStatus.containerStatuses ??= []);
  const existing = statuses.find((c) => c.name === name);
  if (existing) fill(existing, { ...status, name });
  else statuses.push({ ...status, name });
  if (!pod.spec) pod.spec = { containers: [] };
}

/** Every container name the pod knows (spec or status). */
export function containerNames(pod: PodLike, init: boolean): string[] {
  const specs = (init ? pod.spec?.initContainers : pod.spec?.containers) ?? [];
  const statuses = (init ? pod.status?.initContainerStatuses : pod.status?.containerStatuses) ?? [];
  return [...new Set([...specs, ...statuses].map((c) => c.name))];
}

/** Renames a container (e.g. "<container>" once an event or log names it). */
export function renameContainer(pod: PodLike, from: string, to: string): void {
  const lists = [
    pod.spec?.containers,
    pod.spec?.initContainers,
    pod.status?.containerStatuses,
    pod.status?.initContainerStatuses,
  ];
  for (const list of lists) for (const c of list ?? []) if (c.name === from) c.name = to;
}

/** Merges `source` into `target` (target's values win). */
export function mergePod(target: PodLike, source: PodLike): PodLike {
  fill(target.metadata, source.metadata);
  if (source.spec) {
    const { containers, initContainers, ...rest } = source.spec;
    fill((target.spec ??= { containers: [] }), {
      ...rest,
      containers: target.spec?.containers ?? [],
    });
    for (const c of initContainers ?? []) upsertContainer(target, true, c, undefined);
    for (const c of containers ?? []) upsertContainer(target, false, c, undefined);
  }
  if (source.status) {
    const { containerStatuses, initContainerStatuses, ...rest } = source.status;
    fill((target.status ??= {}), rest);
    for (const s of initContainerStatuses ?? []) upsertContainer(target, true, undefined, s);
    for (const s of containerStatuses ?? []) upsertContainer(target, false, undefined, s);
  }
  return target;
}
