/**
 * generateContainerConfig's env resolution (pkg/kubelet/kubelet_pods.go makeEnvironmentVariables):
 * a missing ConfigMap or key is a CreateContainerConfigError with the kubelet's own wording.
 */
import type { ObjectStore } from '../store/object-store';
import type { Container } from './pod-types';

/** Either the resolved environment or the error text the kubelet reports. */
export type EnvResult = { env: Record<string, string> } | { error: string };

/** Resolves a container's env and envFrom against the namespace's ConfigMaps. */
export function resolveEnv(store: ObjectStore, namespace: string, c: Container): EnvResult {
  const env: Record<string, string> = {};
  const data = (name: string) =>
    store.get('configmaps', namespace, name)?.data as Record<string, string> | undefined;
  for (const from of c.envFrom ?? []) {
    const ref = from.configMapRef;
    if (!ref) continue;
    const d = data(ref.name);
    if (!d) {
      if (ref.optional) continue;
      return { error: `configmap "${ref.name}" not found` };
    }
    Object.assign(env, d);
  }
  for (const v of c.env ?? []) {
    const ref = v.valueFrom?.configMapKeyRef;
    if (!ref) {
      env[v.name] = v.value ?? '';
      continue;
    }
    const d = data(ref.name);
    if (!d) {
      if (ref.optional) continue;
      return { error: `configmap "${ref.name}" not found` };
    }
    const value = d[ref.key];
    if (value === undefined) {
      if (ref.optional) continue;
      return { error: `couldn't find key ${ref.key} in ConfigMap ${namespace}/${ref.name}` };
    }
    env[v.name] = value;
  }
  return { env };
}
