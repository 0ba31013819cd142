// Readers for the values `kubectl describe pod` prints inside a container block
// (k8s.io/kubectl/pkg/describe/describe.go: describeContainers, describeContainerProbe,
// describeContainerEnvVars, describeContainerVolumes).
import type { ContainerSpecLike, ProbeLike } from '../types';
import { parseAge } from './kubectl-time';

type EnvVar = NonNullable<ContainerSpecLike['env']>[number];
type EnvFrom = NonNullable<ContainerSpecLike['envFrom']>[number];
type Mount = NonNullable<ContainerSpecLike['volumeMounts']>[number];

function seconds(text: string | undefined): number | undefined {
  if (!text) return undefined;
  const ms = parseAge(text);
  return ms === undefined ? undefined : ms / 1000;
}

function port(text: string): number | string {
  return /^\d+$/.test(text) ? Number(text) : text;
}

/** Reads a probe line: "http-get http://:8080/healthz delay=0s timeout=1s period=10s #success=1 #failure=3". */
export function parseProbe(value: string): ProbeLike {
  const probe: ProbeLike = {
    initialDelaySeconds: seconds(/\bdelay=(\S+)/.exec(value)?.[1]),
    timeoutSeconds: seconds(/\btimeout=(\S+)/.exec(value)?.[1]),
    periodSeconds: seconds(/\bperiod=(\S+)/.exec(value)?.[1]),
  };
  const failure = /#failure=(\d+)/.exec(value)?.[1];
  if (failure) probe.failureThreshold = Number(failure);
  const http = /^http-get\s+https?:\/\/[^:/\s]*:([^/\s]+)(\/\S*)?/.exec(value);
  if (http) probe.httpGet = { port: port(http[1] ?? ''), path: http[2] ?? '/' };
  const tcp = /^tcp-socket\s+\S*:(\S+)/.exec(value);
  if (tcp) probe.tcpSocket = { port: port(tcp[1] ?? '') };
  const exec = /^exec\s+\[(.*)\]/.exec(value);
  if (exec) probe.exec = { command: (exec[1] ?? '').split(/\s+/).filter(Boolean) };
  return probe;
}

/** Reads one line of an Environment block ("NAME: value", "<set to the key 'k' in secret 's'>"). */
export function parseEnvLine(line: string): EnvVar | undefined {
  const m = /^\s*([^\s:]+):\s*(.*)$/.exec(line);
  if (!m || !m[1]) return undefined;
  const name = m[1];
  const value = (m[2] ?? '').trim();
  const optional = /Optional:\s*true/.test(value);
  const ref = /^<set to the key '([^']*)' (of config map|in secret) '([^']*)'>/.exec(value);
  if (ref) {
    const sel = { name: ref[3] ?? '', key: ref[1] ?? '', optional };
    return ref[2] === 'in secret'
      ? { name, valueFrom: { secretKeyRef: sel } }
      : { name, valueFrom: { configMapKeyRef: sel } };
  }
  // "(v1:metadata.name)", after the resolved value when describe had the pod.
  const field = /(?:^|\s)\((v\d+):([\w.[\]'/-]+)\)$/.exec(value);
  if (field) return { name, valueFrom: { fieldRef: { fieldPath: field[2] ?? '' } } };
  const resource = /\((limits|requests)\.(\S+)\)$/.exec(value);
  if (resource)
    return { name, valueFrom: { resourceFieldRef: { resource: `${resource[1]}.${resource[2]}` } } };
  return { name, value };
}

/** Reads one line of "Environment Variables from" ("app-config  ConfigMap  Optional: false"). */
export function parseEnvFromLine(line: string): EnvFrom | undefined {
  const m =
    /^\s*(\S+)\s+(ConfigMap|Secret)\b(?:\s+with prefix '([^']*)')?.*?(Optional:\s*(true|false))?\s*$/.exec(
      line,
    );
  if (!m || !m[1]) return undefined;
  const ref = { name: m[1], optional: m[5] === 'true' };
  const prefix = m[3] ? { prefix: m[3] } : {};
  return m[2] === 'Secret' ? { secretRef: ref, ...prefix } : { configMapRef: ref, ...prefix };
}

/** Reads one line of a Mounts block ("/data from data (rw)"). */
export function parseMountLine(line: string): Mount | undefined {
  const m = /^\s*(\S+)\s+from\s+(\S+)\s+\((r[ow])\b/.exec(line);
  if (!m) return undefined;
  return { mountPath: m[1] ?? '', name: m[2] ?? '', readOnly: m[3] === 'ro' };
}

/** Reads one "resource: quantity" line of a Limits or Requests block. */
export function parseResourceLine(line: string): [string, string] | undefined {
  const m = /^\s*([\w./-]+):\s+(\S+)\s*$/.exec(line);
  return m && m[1] && m[2] ? [m[1], m[2]] : undefined;
}
