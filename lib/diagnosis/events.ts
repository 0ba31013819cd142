// Events in both shapes (core/v1 with count/firstTimestamp/lastTimestamp; events.k8s.io/v1 with
// series/eventTime/regarding/note), reduced to TimelineEvents and placed on a container by
// involvedObject.fieldPath `spec.containers{name}` (client-go GenerateContainerRef).
import { toMs } from './time';
import type { EventLike, PodLike, TimelineEvent } from './types';

const FIELD_PATH = /spec\.(?:containers|initContainers|ephemeralContainers)\{([^}]+)\}/;

// Reasons the kubelet only ever emits for one container; used when a pasted event lost its
// fieldPath and the pod has a single container.
const CONTAINER_REASONS = new Set([
  'BackOff',
  'Killing',
  'Unhealthy',
  'Started',
  'Created',
  'Pulled',
  'Pulling',
  'Failed',
  'ErrImageNeverPull',
  'InspectFailed',
  'ProbeWarning',
  'FailedPostStartHook',
  'FailedPreStopHook',
]);

const NAMED_IN_MESSAGE = [
  /restarting failed container[= ](\S+?)(?:\s|$)/i,
  /^Container (\S+) (?:failed|definition)/,
  /^(?:Started|Created|Stopping) container:? (\S+)$/,
];

function containerFromMessage(message: string): string | undefined {
  for (const re of NAMED_IN_MESSAGE) {
    const m = re.exec(message);
    if (m?.[1]) return m[1];
  }
  return undefined;
}

/** Converts one event of either API shape into a TimelineEvent (without container placement). */
export function normalizeEvent(e: EventLike): TimelineEvent {
  const obj = e.involvedObject ?? e.regarding;
  const first =
    toMs(e.firstTimestamp) ?? toMs(e.deprecatedFirstTimestamp) ?? toMs(e.eventTime) ?? undefined;
  const last =
    toMs(e.series?.lastObservedTime) ??
    toMs(e.lastTimestamp) ??
    toMs(e.deprecatedLastTimestamp) ??
    first;
  const fieldContainer = obj?.fieldPath ? FIELD_PATH.exec(obj.fieldPath)?.[1] : undefined;
  const kind = obj?.kind;
  return {
    uid: e.metadata?.uid,
    type: e.type === 'Warning' ? 'Warning' : 'Normal',
    reason: e.reason ?? '',
    message: e.message ?? e.note ?? '',
    count: Math.max(e.series?.count ?? 0, e.count ?? 0, e.deprecatedCount ?? 0, 1),
    firstAt: first ?? last ?? 0,
    lastAt: last ?? first ?? 0,
    container: fieldContainer,
    source: e.source?.component ?? e.reportingController ?? e.reportingComponent,
    timeUnknown: first === undefined && last === undefined ? true : undefined,
    about: kind && kind !== 'Pod' ? `${kind}/${obj?.name ?? ''}` : undefined,
  };
}

function aboutThisPod(e: EventLike, pod: PodLike): boolean {
  const obj = e.involvedObject ?? e.regarding;
  if (!obj) return true; // pasted describe/event tables carry no involvedObject
  if (obj.kind === 'Node') return !!pod.spec?.nodeName && obj.name === pod.spec.nodeName;
  if (obj.kind && obj.kind !== 'Pod') return false;
  if (obj.name && pod.metadata.name && obj.name !== pod.metadata.name) return false;
  if (obj.uid && pod.metadata.uid && obj.uid !== pod.metadata.uid) return false;
  return true;
}

function dedupeKey(e: TimelineEvent): string {
  return e.uid ?? `${e.reason}|${e.message}|${e.container ?? ''}|${e.firstAt}`;
}

/** Normalises, filters to this pod (and its node), dedupes and places events on containers. */
export function collectEvents(
  pod: PodLike,
  sources: EventLike[],
  containerNames: string[],
): TimelineEvent[] {
  const byKey = new Map<string, TimelineEvent>();
  for (const raw of sources) {
    if (!aboutThisPod(raw, pod)) continue;
    const e = normalizeEvent(raw);
    if (!e.container && !e.about) e.container = placeByMessage(e, containerNames);
    const key = dedupeKey(e);
    const seen = byKey.get(key);
    if (!seen || seen.count < e.count || seen.lastAt < e.lastAt) byKey.set(key, e);
  }
  return [...byKey.values()].sort((a, b) => a.firstAt - b.firstAt || a.lastAt - b.lastAt);
}

function placeByMessage(e: TimelineEvent, names: string[]): string | undefined {
  const named = containerFromMessage(e.message);
  if (named && (names.length === 0 || names.includes(named))) return named;
  if (names.length === 1 && CONTAINER_REASONS.has(e.reason)) return names[0];
  return undefined;
}
