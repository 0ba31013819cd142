// The container block of `kubectl describe pod`: Container ID, Image, State / Last State with
// their Reason / Exit Code / Started / Finished (describeContainerState in
// k8s.io/kubectl/pkg/describe/describe.go), Restart Count, Limits, Requests, probes, Environment,
// Mounts. State keys are recognised by name, not indentation, because partial pastes lose it.
import type { ContainerSpecLike, ContainerStateLike, ContainerStatusLike } from '../types';
import {
  parseEnvFromLine,
  parseEnvLine,
  parseMountLine,
  parseProbe,
  parseResourceLine,
} from './describe-fields';
import { parseKubectlDate, toIso } from './kubectl-time';

/** One container being read from a describe. */
export interface DescribedContainer {
  spec: ContainerSpecLike;
  status: ContainerStatusLike;
  indent: number;
  /**
   * True once the block reached the place where describe prints Limits (it prints Limits,
   * Requests, probes, Environment, Mounts in that order), so an absent Limits means none.
   */
  pastLimits?: boolean;
}

// Keys describe prints at or after the Limits line of a container.
const AT_OR_AFTER_LIMITS = new Set([
  'Limits',
  'Requests',
  'Liveness',
  'Readiness',
  'Startup',
  'Environment',
  'Environment Variables',
  'Environment Variables from',
  'Mounts',
  'Volume Mounts',
]);

/** The container state (State / Last State) whose sub-keys are being read. */
export interface OpenState {
  target: ContainerStateLike;
  kind: 'running' | 'waiting' | 'terminated';
  label: string;
}

/** A multi-line value under a key (Command, Limits, Environment, ...). */
export type BlockKind = 'command' | 'args' | 'limits' | 'requests' | 'env' | 'envFrom' | 'mounts';

/** Keys that belong to a container (not to a state inside it). */
export const CONTAINER_KEYS = new Set([
  'Container ID',
  'Image',
  'Image ID',
  'Port',
  'Ports',
  'Host Port',
  'Host Ports',
  'Command',
  'Args',
  'State',
  'Last State',
  'Last Termination State',
  'Ready',
  'Restart Count',
  ...AT_OR_AFTER_LIMITS,
  'Devices',
  'SeccompProfile',
]);

/** Keys that only appear under State / Last State. */
export const STATE_KEYS = new Set([
  'Reason',
  'Message',
  'Exit Code',
  'Signal',
  'Started',
  'Finished',
]);

/** Starts a State / Last State block ("State: Waiting"). */
export function openState(c: DescribedContainer, key: string, value: string): OpenState {
  const word = value.split(/\s+/)[0]?.toLowerCase() ?? '';
  const kind = word === 'running' || word === 'terminated' ? word : 'waiting';
  const target: ContainerStateLike = {};
  if (kind === 'running') target.running = {};
  else if (kind === 'terminated') target.terminated = { exitCode: Number.NaN };
  else target.waiting = {};
  if (key === 'State') c.status.state = target;
  else c.status.lastState = target;
  return { target, kind, label: key };
}

/** Applies one sub-key of a state block; returns a setter when the value may continue on later lines. */
export function applyStateKey(
  s: OpenState,
  key: string,
  value: string,
): ((more: string) => void) | undefined {
  const at = toIso(parseKubectlDate(value));
  const { running, waiting, terminated } = s.target;
  if (running && key === 'Started') running.startedAt = at;
  if (waiting && key === 'Reason') waiting.reason = value;
  if (waiting && key === 'Message') {
    waiting.message = value;
    return (more) => (waiting.message = `${waiting.message}\n${more}`);
  }
  if (!terminated) return undefined;
  if (key === 'Reason') terminated.reason = value;
  if (key === 'Exit Code' && /^-?\d+$/.test(value)) terminated.exitCode = Number(value);
  if (key === 'Signal' && /^\d+$/.test(value)) terminated.signal = Number(value);
  if (key === 'Started') terminated.startedAt = at;
  if (key === 'Finished') terminated.finishedAt = at;
  if (key === 'Message') {
    terminated.message = value;
    return (more) => (terminated.message = `${terminated.message}\n${more}`);
  }
  return undefined;
}

/** Applies a container-level key; returns the block kind when items follow on deeper lines. */
export function applyContainerKey(
  c: DescribedContainer,
  key: string,
  value: string,
): BlockKind | undefined {
  const none = value === '' || value === '<none>';
  if (AT_OR_AFTER_LIMITS.has(key)) c.pastLimits = true;
  switch (key) {
    case 'Container ID':
      if (!none) c.status.containerID = value;
      return undefined;
    case 'Image':
      if (!none) c.spec.image = c.status.image = value;
      return undefined;
    case 'Image ID':
      if (!none) c.status.imageID = value;
      return undefined;
    case 'Ready':
      c.status.ready = value === 'True';
      return undefined;
    case 'Restart Count':
      if (/^\d+$/.test(value)) c.status.restartCount = Number(value);
      return undefined;
    case 'Started':
      c.status.started = value === 'True';
      return undefined;
    case 'Liveness':
      c.spec.livenessProbe = parseProbe(value);
      return undefined;
    case 'Readiness':
      c.spec.readinessProbe = parseProbe(value);
      return undefined;
    case 'Startup':
      c.spec.startupProbe = parseProbe(value);
      return undefined;
    case 'Command':
      c.spec.command = [];
      return 'command';
    case 'Args':
      c.spec.args = [];
      return 'args';
    case 'Limits':
    case 'Requests':
      return key === 'Limits' ? 'limits' : 'requests';
    case 'Environment':
    case 'Environment Variables':
      if (value === '<none>') c.spec.env = [];
      return value === '' ? 'env' : undefined;
    case 'Environment Variables from':
      return 'envFrom';
    case 'Mounts':
    case 'Volume Mounts':
      c.spec.volumeMounts = [];
      return value === '<none>' ? undefined : 'mounts';
    default:
      return undefined;
  }
}

/** Adds one deeper line to the open block. Returns false when the line does not fit the block. */
export function applyBlockLine(c: DescribedContainer, kind: BlockKind, line: string): boolean {
  const text = line.trim();
  if (kind === 'command' || kind === 'args') {
    const list = kind === 'command' ? (c.spec.command ??= []) : (c.spec.args ??= []);
    list.push(text);
    return true;
  }
  if (kind === 'limits' || kind === 'requests') {
    const entry = parseResourceLine(text);
    if (!entry) return false;
    const resources = (c.spec.resources ??= {});
    const map = kind === 'limits' ? (resources.limits ??= {}) : (resources.requests ??= {});
    map[entry[0]] = entry[1];
    return true;
  }
  if (kind === 'env') {
    const env = parseEnvLine(text);
    if (env) (c.spec.env ??= []).push(env);
    return env !== undefined;
  }
  if (kind === 'envFrom') {
    const from = parseEnvFromLine(text);
    if (from) (c.spec.envFrom ??= []).push(from);
    return from !== undefined;
  }
  const mount = parseMountLine(text);
  if (mount) (c.spec.volumeMounts ??= []).push(mount);
  return mount !== undefined;
}
