// `kubectl describe pod` text into a PodLike plus Events. Liberal: any Kubernetes version, partial
// pastes (a lone Last State block, a container block without its pod header), old "Last
// Termination State", old and new Events tables. Sections are found by their keys, containers by
// their lowercase name lines, state fields by key name (see describe-container.ts).
import type { ContainerStatusLike, PodLike } from '../types';
import {
  CONTAINER_KEYS,
  STATE_KEYS,
  applyBlockLine,
  applyContainerKey,
  applyStateKey,
  openState,
  type BlockKind,
  type DescribedContainer,
  type OpenState,
} from './describe-container';
import { applyPodKey, applyVolumeKey, type PodBlock } from './describe-pod';
import { emptyFacts, type PasteFacts } from './facts';
import { isEventLine, parseEventsTable, type NumberedLine } from './parse-events-table';
import { UNKNOWN_CONTAINER } from './parse-pod-object';

type Section = 'top' | 'containers' | 'init' | 'conditions' | 'volumes' | 'events' | 'other';

const SECTIONS: Record<string, Section> = {
  Containers: 'containers',
  'Init Containers': 'init',
  'Ephemeral Containers': 'other',
  Conditions: 'conditions',
  Volumes: 'volumes',
  Events: 'events',
  'QoS Class': 'other',
  'Node-Selectors': 'other',
  Tolerations: 'other',
  'Readiness Gates': 'other',
};

const KEY_LINE = /^(\s*)([A-Za-z][\w .\/-]*?):(?:\s+(.*?))?\s*$/;
const NAME_LINE = /^(\s*)([a-z0-9]([-a-z0-9]*[a-z0-9])?):\s*$/;

/** Keys whose presence marks a paste as describe output without doubt. */
export const STRONG_DESCRIBE_KEYS = new Set([
  'Namespace',
  'Start Time',
  'Controlled By',
  'Containers',
  'Init Containers',
  'Container ID',
  'Image ID',
  'Host Port',
  'Last State',
  'Last Termination State',
  'Restart Count',
  'Exit Code',
  'QoS Class',
  'Node-Selectors',
  'Tolerations',
  'Events',
  'Limits',
  'Requests',
  'Liveness',
  'Readiness',
  'Environment Variables from',
  'Mounts',
  'Service Account',
]);

/** The describe key at the start of a line, if it is one ("Last State" for "  Last State:  Terminated"). */
export function describeKeyOf(line: string): string | undefined {
  return KEY_LINE.exec(line)?.[2];
}

interface Reader {
  described: DescribedContainer[];
  pod: PodLike & { spec: NonNullable<PodLike['spec']>; status: NonNullable<PodLike['status']> };
  section: Section;
  container?: DescribedContainer;
  state?: OpenState;
  block?: { kind: BlockKind | PodBlock; indent: number };
  more?: (text: string) => void;
  volume?: { name: string; type?: string };
  eventLines: NumberedLine[];
  warnings: string[];
}

function startContainer(r: Reader, name: string, indent: number): DescribedContainer {
  const init = r.section === 'init';
  const status: ContainerStatusLike = { name };
  const c: DescribedContainer = { spec: { name }, status, indent };
  if (init) {
    (r.pod.spec.initContainers ??= []).push(c.spec);
    (r.pod.status.initContainerStatuses ??= []).push(status);
  } else {
    r.pod.spec.containers.push(c.spec);
    (r.pod.status.containerStatuses ??= []).push(status);
  }
  r.container = c;
  r.described.push(c);
  r.state = undefined;
  return c;
}

function handleKey(r: Reader, indent: number, key: string, value: string, no: number): void {
  const c = r.container;
  // An open state owns its keys whatever their indentation (pastes lose it): pod-level Reason
  // and Message come before Containers, when no state is open.
  if (r.state && STATE_KEYS.has(key) && !(key === 'Started' && /^(True|False)$/.test(value))) {
    r.more = applyStateKey(r.state, key, value);
    return;
  }
  const section = SECTIONS[key];
  if (section) {
    r.section = section;
    r.container = r.state = r.volume = undefined;
    if (key === 'Tolerations' || key === 'Node-Selectors') r.block = { kind: 'skip', indent };
    if (section === 'events' && value !== '' && value !== '<none>')
      r.eventLines.push({ text: value, no });
    return;
  }
  if (r.section === 'volumes' && r.volume) {
    applyVolumeKey(r.pod, r.volume, key, value);
    return;
  }
  if (CONTAINER_KEYS.has(key) || (key === 'Started' && c)) {
    const target = c ?? startContainer(r, UNKNOWN_CONTAINER, indent - 2);
    if (key === 'State' || key === 'Last State' || key === 'Last Termination State') {
      r.state = openState(target, key === 'State' ? 'State' : 'Last State', value);
      return;
    }
    r.state = undefined;
    const kind = applyContainerKey(target, key, value);
    if (kind) r.block = { kind, indent };
    return;
  }
  const podBlock = applyPodKey(r.pod, key, value);
  if (podBlock) r.block = { kind: podBlock, indent };
  if (key === 'Message' && !r.state)
    r.more = (m) => (r.pod.status.message = `${r.pod.status.message}\n${m}`);
}

function isKnownKey(key: string): boolean {
  return (
    STATE_KEYS.has(key) ||
    CONTAINER_KEYS.has(key) ||
    SECTIONS[key] !== undefined ||
    STRONG_DESCRIBE_KEYS.has(key)
  );
}

// A block item that lost its indentation (a paste with leading spaces stripped) still reads as
// one when its shape fits the block and it is not a describe key.
function flatBlockLine(kind: BlockKind | PodBlock, text: string): boolean {
  const key = KEY_LINE.exec(text)?.[2];
  if (key && isKnownKey(key)) return false;
  if (kind === 'command' || kind === 'args') return !key && !NAME_LINE.test(text);
  if (kind === 'limits' || kind === 'requests') return /^\s*[a-z][\w./-]*:\s+\S+\s*$/.test(text);
  if (kind === 'labels') return /^\s*[\w./-]+=\S*\s*$/.test(text);
  if (kind === 'envFrom') return /^\s*\S+\s+(ConfigMap|Secret)\b/.test(text);
  if (kind === 'mounts') return / from \S+ \(r[ow]/.test(text);
  if (kind === 'env')
    return key !== undefined && !NAME_LINE.test(text) && /^\s*[A-Za-z_][\w.-]*:/.test(text);
  return false;
}

function handleBlockLine(r: Reader, kind: BlockKind | PodBlock, text: string): boolean {
  if (kind === 'labels' || kind === 'annotations')
    return applyPodKey(r.pod, `+${kind}`, text.trim()) !== undefined;
  if (kind === 'skip') return true;
  return r.container ? applyBlockLine(r.container, kind, text) : false;
}

function readLine(r: Reader, text: string, no: number): void {
  if (r.section === 'events' || isEventLine(text)) {
    r.eventLines.push({ text, no });
    return;
  }
  const indent = /^\s*/.exec(text)?.[0].length ?? 0;
  const inBlock = r.block && (indent > r.block.indent || flatBlockLine(r.block.kind, text));
  if (r.block && inBlock && handleBlockLine(r, r.block.kind, text)) return;
  r.block = undefined;
  const kv = KEY_LINE.exec(text);
  const key = kv?.[2] ?? '';
  const known = STATE_KEYS.has(key) || CONTAINER_KEYS.has(key) || SECTIONS[key] !== undefined;
  if (r.more && !(known || NAME_LINE.test(text))) return r.more(text.trim());
  r.more = undefined;
  const name = NAME_LINE.exec(text);
  if (name && name[2]) {
    if (r.section === 'volumes') r.volume = { name: name[2] };
    else if (r.section !== 'conditions') startContainer(r, name[2], indent);
    return;
  }
  if (kv) return handleKey(r, indent, key, (kv[3] ?? '').trim(), no);
  const condition = /^\s*(\w+)\s+(True|False|Unknown)\s*$/.exec(text);
  if (r.section === 'conditions' && condition) {
    (r.pod.status.conditions ??= []).push({ type: condition[1] ?? '', status: condition[2] ?? '' });
    return;
  }
  if (!/^\s*Type\s+Status\s*$/.test(text))
    r.warnings.push(`line ${no}: not understood, skipped: ${text.trim().slice(0, 80)}`);
}

/** Parses `kubectl describe pod` output (whole or partial); ages in Events count back from `now`. */
export function parseDescribe(text: string, now: number): PasteFacts {
  const r: Reader = {
    pod: { metadata: {}, spec: { containers: [] }, status: {} },
    section: 'top',
    described: [],
    eventLines: [],
    warnings: [],
  };
  text.split('\n').forEach((line, i) => {
    if (line.trim() !== '') readLine(r, line.replace(/\t/g, '    '), i + 1);
  });
  keepKnownSpecs(r);
  const facts = emptyFacts();
  const subject = { name: r.pod.metadata.name, namespace: r.pod.metadata.namespace };
  const events = parseEventsTable(r.eventLines, now, subject);
  facts.events = events.events;
  facts.warnings = [...r.warnings, ...events.warnings, ...stateWarnings(r.pod)];
  const hasContent =
    r.pod.spec.containers.length > 0 || r.pod.spec.initContainers || r.pod.metadata.name;
  if (hasContent || Object.keys(r.pod.status).length > 0) facts.pods.push(r.pod);
  return facts;
}

// A container's spec is kept only when the paste reached its Limits position: a cut block says
// nothing about limits, and a spec without resources would read as "no memory limit".
function keepKnownSpecs(r: Reader): void {
  for (const c of r.described) {
    if (c.pastLimits) {
      c.spec.resources ??= {};
      continue;
    }
    r.pod.spec.containers = r.pod.spec.containers.filter((s) => s !== c.spec);
    if (r.pod.spec.initContainers) {
      r.pod.spec.initContainers = r.pod.spec.initContainers.filter((s) => s !== c.spec);
    }
  }
}

function stateWarnings(pod: PodLike): string[] {
  const statuses = [
    ...(pod.status?.containerStatuses ?? []),
    ...(pod.status?.initContainerStatuses ?? []),
  ];
  const out: string[] = [];
  for (const s of statuses) {
    for (const [label, st] of [
      ['State', s.state],
      ['Last State', s.lastState],
    ] as const) {
      if (st?.terminated && Number.isNaN(st.terminated.exitCode)) {
        out.push(`container ${s.name}: ${label} is Terminated but the paste has no Exit Code`);
      }
    }
  }
  return out;
}
