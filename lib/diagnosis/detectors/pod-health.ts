// Whether the pod needs a cause at all. A pod that is Running and ready, a Job's pod that
// Completed, or one whose only restart is long past is healthy: it gets no "not enough evidence"
// warning and its findings are history (info), not an incident. When the input does not show the
// pod's state (a pasted event list), health is unknown and the pod is treated as unhealthy: the
// person pasted it because something is wrong.
import type { ContainerTimeline } from '../types';
import { type DetectorContext, lastTerminated } from './context';
import { isFailing } from './crash-state';

/**
 * A restart older than this, with the container running and ready since, is history. An hour is
 * well past the kubelet's 10-minute back-off reset (pkg/kubelet/kubelet.go, 2 × MaxContainerBackOff)
 * so a slow leak that crashes every few tens of minutes still counts as crash-looping.
 */
export const RECENT_RESTART_MS = 60 * 60_000;

// Waiting reasons of a container that is still being set up, not failing.
const STARTING = new Set(['ContainerCreating', 'PodInitializing']);

function restartedRecently(c: ContainerTimeline, now: number): boolean {
  if (c.restartCount === 0 && !c.runs.some((r) => r.state === 'terminated')) return false;
  const last = lastTerminated(c);
  if (!last) return c.restartCount > 0;
  // Unknown finish time (pasted text): assume recent rather than call a crash loop healthy.
  if (last.finishedAt === undefined) return true;
  return now - last.finishedAt < RECENT_RESTART_MS;
}

/** When the clock alone next changes a restart into history here (Infinity: never). */
export function recentRestartEnds(containers: ContainerTimeline[], now: number): number {
  let end = Infinity;
  for (const c of containers) {
    const finishedAt = lastTerminated(c)?.finishedAt;
    if (finishedAt === undefined) continue;
    const at = finishedAt + RECENT_RESTART_MS;
    if (at > now && at < end) end = at;
  }
  return end;
}

function containerHealthy(ctx: DetectorContext, c: ContainerTimeline): boolean {
  const now = ctx.input.now;
  if (c.state === 'Completed') return c.init || ctx.restartPolicy !== 'Always';
  if (c.state === 'Running') {
    // An init container still running holds the whole pod back (Init:0/1): not healthy yet.
    if (c.init) return false;
    if (c.ready === false) return false;
    return !restartedRecently(c, now);
  }
  if (STARTING.has(c.state)) return !ctx.events.some((e) => e.type === 'Warning');
  return !isFailing(c) && c.state !== 'Unknown' && c.state !== 'Waiting';
}

/** True when the pod is Running and ready (or finished successfully) with no recent restart. */
export function isPodHealthy(ctx: DetectorContext): boolean {
  const phase = ctx.input.pod.status?.phase;
  if (phase === 'Failed') return false;
  // Without any container status the state is unknown (a paste of events or a log).
  if (!ctx.refs.some((r) => r.status)) return false;
  if (phase === 'Succeeded') return true;
  return ctx.containers.every((c) => containerHealthy(ctx, c));
}
