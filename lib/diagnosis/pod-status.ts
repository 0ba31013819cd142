// kubectl's STATUS column, reproduced from kubectl's printPod (pkg/printers/internalversion
// printers.go): the pod reason, then init containers (`Init:<reason>`, `Init:i/n`), then the
// first regular container with a waiting/terminated reason, `Terminating` on deletion.
import type { ContainerStatusLike, PodLike } from './types';

function initStatus(pod: PodLike): string | undefined {
  const statuses = pod.status?.initContainerStatuses ?? [];
  const total = pod.spec?.initContainers?.length ?? statuses.length;
  for (let i = 0; i < statuses.length; i++) {
    const s = statuses[i] as ContainerStatusLike;
    const t = s.state?.terminated;
    if (t && t.exitCode === 0) continue;
    if (t) {
      if (t.reason) return `Init:${t.reason}`;
      return t.signal ? `Init:Signal:${t.signal}` : `Init:ExitCode:${t.exitCode}`;
    }
    const waiting = s.state?.waiting?.reason;
    if (waiting && waiting !== 'PodInitializing') return `Init:${waiting}`;
    return `Init:${i}/${total}`;
  }
  return undefined;
}

function containerStatus(pod: PodLike, base: string): string {
  let reason = base;
  let hasRunning = false;
  const statuses = pod.status?.containerStatuses ?? [];
  for (let i = statuses.length - 1; i >= 0; i--) {
    const s = statuses[i] as ContainerStatusLike;
    const t = s.state?.terminated;
    if (s.state?.waiting?.reason) reason = s.state.waiting.reason;
    else if (t?.reason) reason = t.reason;
    else if (t) reason = t.signal ? `Signal:${t.signal}` : `ExitCode:${t.exitCode}`;
    else if (s.ready && s.state?.running) hasRunning = true;
  }
  if (reason === 'Completed' && hasRunning) {
    const ready = pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True');
    return ready ? 'Running' : 'NotReady';
  }
  return reason;
}

/** The pod's STATUS as `kubectl get pods` prints it (CrashLoopBackOff, Init:Error, Evicted, ...). */
export function kubectlStatus(pod: PodLike): string {
  const base = pod.status?.reason || pod.status?.phase || 'Unknown';
  // A pod-level verdict on a finished pod (Evicted, DeadlineExceeded) says more than the state
  // its killed containers were left in.
  if (pod.status?.reason && pod.status.phase === 'Failed') return pod.status.reason;
  const init = initStatus(pod);
  let status = init ?? containerStatus(pod, base);
  if (pod.metadata.deletionTimestamp) {
    status = pod.status?.reason === 'NodeLost' ? 'Unknown' : 'Terminating';
  }
  return status;
}

/** A container's own state word: its waiting/terminated reason, or Running/Waiting. */
export function containerStateWord(status: ContainerStatusLike | undefined): string {
  const st = status?.state;
  if (st?.waiting) return st.waiting.reason || 'Waiting';
  if (st?.terminated) {
    return st.terminated.reason || `ExitCode:${st.terminated.exitCode}`;
  }
  if (st?.running) return 'Running';
  return 'Unknown';
}

/**
 * An init container that ran once and completed with exit 0: what every pod with an init
 * container shows, and nothing to diagnose (no log worth reading, no terminated run to count).
 */
export function completedOnce(status: ContainerStatusLike): boolean {
  return (status.restartCount ?? 0) === 0 && status.state?.terminated?.exitCode === 0;
}
