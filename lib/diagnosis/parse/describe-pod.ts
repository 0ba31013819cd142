// Pod-level keys of `kubectl describe pod` (Name, Namespace, Node, Status, Reason, Controlled By,
// Labels, ...) and the Volumes section.
import type { PodLike } from '../types';
import { parseKubectlDate, toIso } from './kubectl-time';

/** A multi-line pod-level value (Labels, Annotations) or one we read past (IPs, Tolerations). */
export type PodBlock = 'labels' | 'annotations' | 'skip';

type Pod = PodLike & { spec: NonNullable<PodLike['spec']>; status: NonNullable<PodLike['status']> };

function addPair(map: Record<string, string>, text: string, sep: '=' | ':'): boolean {
  const i = text.indexOf(sep);
  if (i <= 0) return false;
  map[text.slice(0, i).trim()] = text.slice(i + 1).trim();
  return true;
}

/** Applies a pod-level key; `+labels`/`+annotations` add a continuation line. Returns a block to open. */
export function applyPodKey(pod: Pod, key: string, value: string): PodBlock | undefined {
  const none = value === '' || value === '<none>';
  const meta = pod.metadata;
  switch (key) {
    case 'Name':
      if (!none) meta.name = value;
      return undefined;
    case 'Namespace':
      if (!none) meta.namespace = value;
      return undefined;
    case 'Node':
      if (!none) pod.spec.nodeName = value.split('/')[0];
      return undefined;
    case 'Start Time':
      pod.status.startTime = toIso(parseKubectlDate(value));
      return undefined;
    case 'Status':
      if (/^(Pending|Running|Succeeded|Failed|Unknown)\b/.test(value))
        pod.status.phase = value.split(/\s/)[0];
      return undefined;
    case 'Reason':
      if (!none) pod.status.reason = value;
      return undefined;
    case 'Message':
      if (!none) pod.status.message = value;
      return undefined;
    case 'Controlled By':
    case 'Controllers': {
      const m = /^(\w+)\/(\S+)$/.exec(value);
      if (m)
        meta.ownerReferences = [{ kind: m[1] ?? '', name: m[2] ?? '', uid: '', controller: true }];
      return undefined;
    }
    case 'Labels':
    case '+labels':
      if (!none && !addPair((meta.labels ??= {}), value, '=')) return undefined;
      return 'labels';
    case 'Annotations':
    case '+annotations':
      if (!none && !addPair((meta.annotations ??= {}), value, ':')) return undefined;
      return 'annotations';
    case 'IPs':
    case 'Tolerations':
    case 'Node-Selectors':
      return 'skip';
    default:
      return undefined;
  }
}

/** Applies one key of a volume in the Volumes section (Type, ClaimName, Name, SecretName, Path). */
export function applyVolumeKey(
  pod: Pod,
  volume: { name: string; type?: string },
  key: string,
  value: string,
): void {
  const volumes = (pod.spec.volumes ??= []);
  let v = volumes.find((x) => x.name === volume.name);
  if (!v) {
    v = { name: volume.name };
    volumes.push(v);
  }
  if (key === 'Type') {
    volume.type = value.split(/\s/)[0];
    if (volume.type === 'EmptyDir') v.emptyDir = {};
  }
  if (key === 'ClaimName') v.persistentVolumeClaim = { claimName: value };
  if (key === 'Name' && volume.type === 'ConfigMap') v.configMap = { name: value };
  if (key === 'SecretName') v.secret = { secretName: value };
  if (key === 'Path' && volume.type === 'HostPath') v.hostPath = { path: value };
}
