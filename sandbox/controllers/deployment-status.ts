/**
 * Deployment status as the controller writes it (pkg/controller/deployment/sync.go,
 * util/deployment_util.go): replica counts and the Available / Progressing conditions with their
 * real reasons and messages, including ProgressDeadlineExceeded after progressDeadlineSeconds.
 */
import type { SimClock } from '../sim/clock';
import { rfc3339 } from '../sim/time-format';
import type { ObjectStore } from '../store/object-store';
import type { KObject } from '../store/types';

interface Condition {
  type: string;
  status: string;
  lastUpdateTime: string;
  lastTransitionTime: string;
  reason: string;
  message: string;
}

const num = (o: unknown, k: string) => (o as Record<string, number> | undefined)?.[k] ?? 0;

/** Computes and writes a Deployment's status if it changed. */
export function deploymentStatus(
  store: ObjectStore,
  clock: SimClock,
  dep: KObject,
  rses: KObject[],
  newRsName: string,
  requeue: (key: string) => void,
): void {
  const spec = dep.spec as {
    replicas?: number;
    progressDeadlineSeconds?: number;
    strategy?: { rollingUpdate?: { maxUnavailable?: string | number } };
  };
  const desired = spec.replicas ?? 1;
  const mu = spec.strategy?.rollingUpdate?.maxUnavailable ?? '25%';
  const maxUnavailable =
    typeof mu === 'number' ? mu : Math.floor((desired * Number(mu.replace('%', ''))) / 100);
  const newRs = rses.find((r) => r.metadata.name === newRsName);
  const replicas = rses.reduce((a, r) => a + num(r.status, 'replicas'), 0);
  const ready = rses.reduce((a, r) => a + num(r.status, 'readyReplicas'), 0);
  const available = rses.reduce((a, r) => a + num(r.status, 'availableReplicas'), 0);
  const updated = num(newRs?.status, 'replicas');
  const now = clock.now();
  const old = ((dep.status as { conditions?: Condition[] } | undefined)?.conditions ??
    []) as Condition[];
  const prev = (type: string) => old.find((c) => c.type === type);
  const cond = (type: string, ok: boolean, reason: string, message: string): Condition => {
    const p = prev(type);
    const status = ok ? 'True' : 'False';
    const same = p && p.status === status;
    const sameAll = same && p.reason === reason && p.message === message;
    return {
      type,
      status,
      lastUpdateTime: sameAll ? p.lastUpdateTime : rfc3339(now),
      lastTransitionTime: same ? p.lastTransitionTime : rfc3339(now),
      reason,
      message,
    };
  };
  const availableOk = available >= desired - maxUnavailable;
  const complete =
    updated === desired &&
    num(newRs?.status, 'availableReplicas') === desired &&
    replicas === desired;
  const progressing = prev('Progressing');
  const deadlineMs = (spec.progressDeadlineSeconds ?? 600) * 1000;
  let progressingCond: Condition;
  if (complete) {
    progressingCond = cond(
      'Progressing',
      true,
      'NewReplicaSetAvailable',
      `ReplicaSet "${newRsName}" has successfully progressed.`,
    );
  } else if (
    progressing &&
    progressing.reason === 'ProgressDeadlineExceeded' &&
    progressing.message.includes(`"${newRsName}"`)
  ) {
    progressingCond = progressing;
  } else {
    const since =
      progressing &&
      progressing.reason === 'ReplicaSetUpdated' &&
      progressing.message.includes(`"${newRsName}"`)
        ? Date.parse(progressing.lastUpdateTime)
        : now;
    if (now - since >= deadlineMs) {
      progressingCond = cond(
        'Progressing',
        false,
        'ProgressDeadlineExceeded',
        `ReplicaSet "${newRsName}" has timed out progressing.`,
      );
    } else {
      progressingCond = cond(
        'Progressing',
        true,
        'ReplicaSetUpdated',
        `ReplicaSet "${newRsName}" is progressing.`,
      );
      if (
        progressingCond.reason !== progressing?.reason ||
        progressingCond.message !== progressing?.message
      ) {
        progressingCond.lastUpdateTime = rfc3339(now);
      } else progressingCond.lastUpdateTime = progressing.lastUpdateTime;
      clock.at(since + deadlineMs + 1, () =>
        requeue(`${dep.metadata.namespace}/${dep.metadata.name}`),
      );
    }
  }
  const status: Record<string, unknown> = {
    observedGeneration: dep.metadata.generation ?? 1,
    replicas,
    updatedReplicas: updated,
    ...(ready ? { readyReplicas: ready } : {}),
    ...(available ? { availableReplicas: available } : {}),
    ...(replicas - available > 0 || desired - available > 0
      ? { unavailableReplicas: Math.max(replicas, desired) - available }
      : {}),
    conditions: [
      cond(
        'Available',
        availableOk,
        availableOk ? 'MinimumReplicasAvailable' : 'MinimumReplicasUnavailable',
        availableOk
          ? 'Deployment has minimum availability.'
          : 'Deployment does not have minimum availability.',
      ),
      progressingCond,
    ],
  };
  if (JSON.stringify(status) === JSON.stringify(dep.status)) return;
  dep.status = status;
  store.update('apps/deployments', dep);
}
