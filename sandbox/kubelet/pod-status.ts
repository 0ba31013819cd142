/**
 * Pod status exactly as the kubelet writes it (pkg/kubelet/kubelet_pods.go
 * convertToAPIContainerStatuses, getPhase; pkg/kubelet/status/generate.go for conditions).
 */
import { rfc3339 } from '../sim/time-format';
import type { LogInstance } from './log-store';
import type { Container } from './pod-types';

/** One container instance (a containerd container), newest last in ContainerRuntime.instances. */
export interface Instance extends LogInstance {
  /** 64 hex digits; the status shows `containerd://<id>`. */
  id: string;
  restartCount: number;
  image: string;
  imageID: string;
  exitCode?: number;
  reason?: string;
}

/** The kubelet's view of one container of a pod. */
export interface ContainerRuntime {
  spec: Container;
  /** At most two: the current (or last dead) instance and the previous one. */
  instances: Instance[];
  /** Set while the kubelet holds the container in a waiting reason (CrashLoopBackOff, ...). */
  waiting?: { reason: string; message?: string };
  ready: boolean;
}

function terminated(inst: Instance): Record<string, unknown> {
  return {
    terminated: {
      exitCode: inst.exitCode ?? 0,
      reason: inst.reason ?? 'Error',
      startedAt: rfc3339(inst.startedAt),
      finishedAt: rfc3339(inst.finishedAt ?? inst.startedAt),
      containerID: `containerd://${inst.id}`,
    },
  };
}

/** Builds a ContainerStatus (field order as the API serialises it). */
export function containerStatus(
  c: ContainerRuntime,
  mounts: Record<string, unknown>[],
): Record<string, unknown> {
  const cur = c.instances[c.instances.length - 1];
  const prev = c.instances.length > 1 ? c.instances[c.instances.length - 2] : undefined;
  let state: Record<string, unknown>;
  let lastState: Record<string, unknown> = {};
  if (c.waiting) {
    state = {
      waiting: {
        reason: c.waiting.reason,
        ...(c.waiting.message ? { message: c.waiting.message } : {}),
      },
    };
    // While waiting, the dead instance moves to lastState (the reasonCache overwrite).
    if (cur?.finishedAt !== undefined) lastState = terminated(cur);
    else if (prev) lastState = terminated(prev);
  } else if (cur && cur.finishedAt === undefined) {
    state = { running: { startedAt: rfc3339(cur.startedAt) } };
    if (prev) lastState = terminated(prev);
  } else if (cur) {
    state = terminated(cur);
    if (prev) lastState = terminated(prev);
  } else {
    state = { waiting: { reason: 'ContainerCreating' } };
  }
  const running = !!cur && cur.finishedAt === undefined && !c.waiting;
  return {
    name: c.spec.name,
    state,
    lastState,
    ready: running && c.ready,
    restartCount: cur?.restartCount ?? 0,
    image: cur?.image ?? c.spec.image,
    imageID: cur?.imageID ?? '',
    ...(cur ? { containerID: `containerd://${cur.id}` } : {}),
    started: running,
    volumeMounts: mounts,
  };
}

/** getPhase for regular containers only (no init containers in the sandbox). */
export function podPhase(containers: ContainerRuntime[], restartPolicy: string): string {
  let running = 0;
  let stopped = 0;
  let succeeded = 0;
  let waiting = 0;
  for (const c of containers) {
    const cur = c.instances[c.instances.length - 1];
    if (c.waiting || !cur) {
      if (cur?.finishedAt !== undefined) stopped++;
      else waiting++;
    } else if (cur.finishedAt === undefined) running++;
    else {
      stopped++;
      if (cur.exitCode === 0) succeeded++;
    }
  }
  if (waiting > 0) return 'Pending';
  if (running > 0) return 'Running';
  if (stopped > 0) {
    // "All containers are in the process of restarting" under Always; OnFailure restarts failures.
    if (restartPolicy === 'Always') return 'Running';
    if (stopped === succeeded) return 'Succeeded';
    return restartPolicy === 'OnFailure' ? 'Running' : 'Failed';
  }
  return 'Pending';
}

/** qosClass as the API server computes it on create (pkg/apis/core/v1/helper/qos). */
export function qosClass(containers: Container[]): 'Guaranteed' | 'Burstable' | 'BestEffort' {
  let any = false;
  let guaranteed = true;
  for (const c of containers) {
    const req = c.resources?.requests ?? {};
    const lim = c.resources?.limits ?? {};
    if (Object.keys(req).length || Object.keys(lim).length) any = true;
    for (const r of ['cpu', 'memory']) {
      const l = lim[r];
      if (!l || (req[r] !== undefined && req[r] !== l)) guaranteed = false;
    }
  }
  if (!any) return 'BestEffort';
  return guaranteed ? 'Guaranteed' : 'Burstable';
}
