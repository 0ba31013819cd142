// Copyable kubectl commands for the exact pod and container. Read-only commands only: Podtrail
// never suggests a command that deletes a pod (it would reset the back-off).
import type { KubectlCommand } from './types';

/** Where the commands point. */
export interface CommandTarget {
  namespace: string;
  pod: string;
  container?: string;
  cluster?: string;
}

// A container name is a DNS-1123 label (k8s.io/apimachinery validation IsDNS1123Label). Anything
// else ("<container>" from a paste that never named it) is a placeholder, not a name to run.
const CONTAINER_NAME = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

/** What commands print instead of a container name the input did not show. */
export const CONTAINER_PLACEHOLDER = 'CONTAINER';

/** True when the name is a real container name (not a placeholder such as `<container>`). */
export function isRealContainerName(name: string | undefined): name is string {
  return !!name && CONTAINER_NAME.test(name);
}

function kubectl(t: CommandTarget): string {
  return `kubectl${t.cluster ? ` --context ${t.cluster}` : ''}`;
}

/** `kubectl logs --previous` for the container: the log of the instance that crashed. */
export function previousLogsCommand(t: CommandTarget): KubectlCommand {
  const name = isRealContainerName(t.container) ? t.container : CONTAINER_PLACEHOLDER;
  const c = t.container ? ` -c ${name}` : '';
  return {
    label: 'Log of the crashed container',
    command: `${kubectl(t)} logs -n ${t.namespace} ${t.pod}${c} --previous`,
  };
}

/** `kubectl describe pod`: states, last state, exit codes and recent events. */
export function describeCommand(t: CommandTarget): KubectlCommand {
  return {
    label: 'Describe the pod',
    command: `${kubectl(t)} describe pod -n ${t.namespace} ${t.pod}`,
  };
}

/** `kubectl get events` for the pod, oldest first. */
export function eventsCommand(t: CommandTarget): KubectlCommand {
  return {
    label: 'Events of the pod',
    command: `${kubectl(t)} get events -n ${t.namespace} --field-selector involvedObject.name=${t.pod}`,
  };
}

/** `kubectl get pod -o yaml`: the full spec and status. */
export function podYamlCommand(t: CommandTarget): KubectlCommand {
  return {
    label: 'Full pod spec and status',
    command: `${kubectl(t)} get pod -n ${t.namespace} ${t.pod} -o yaml`,
  };
}

/** `kubectl rollout history` of a Deployment (or other workload). */
export function rolloutHistoryCommand(
  t: CommandTarget,
  kind: string,
  name: string,
): KubectlCommand {
  return {
    label: `Revisions of ${kind} ${name}`,
    command: `${kubectl(t)} rollout history -n ${t.namespace} ${kind.toLowerCase()}/${name}`,
  };
}

/** A read-only `kubectl get` of another object (ConfigMap, Secret metadata, PVC, node). */
export function getObjectCommand(
  t: CommandTarget,
  kind: string,
  name: string,
  label: string,
): KubectlCommand {
  const clusterScoped = kind.toLowerCase() === 'node';
  return {
    label,
    command: `${kubectl(t)} get ${kind.toLowerCase()}${clusterScoped ? '' : ` -n ${t.namespace}`} ${name}`,
  };
}

/** The standard trio: previous log, describe, events. */
export function standardCommands(t: CommandTarget): KubectlCommand[] {
  return [previousLogsCommand(t), describeCommand(t), eventsCommand(t)];
}
