// What a kubectl STATUS word says about a container. The words come from the kubelet's container
// reasons (pkg/kubelet/kuberuntime: "Completed" only for exit code 0, "Error" for any other,
// "OOMKilled" when the runtime saw an OOM kill) and kubectl's printPod ("Init:" prefix for init
// containers, "Init:N/M" while they run).
import type { ContainerStateLike } from '../types';

/** The container states and pod facts a STATUS word implies. */
export interface StatusMeaning {
  init: boolean;
  state?: ContainerStateLike;
  /** True when the word names a finished run (it becomes lastState once another word follows). */
  terminated: boolean;
  phase?: string;
  podReason?: string;
}

const WAITING = new Set([
  'CrashLoopBackOff',
  'ImagePullBackOff',
  'ErrImagePull',
  'ErrImageNeverPull',
  'InvalidImageName',
  'CreateContainerConfigError',
  'CreateContainerError',
  'RunContainerError',
  'ContainerCreating',
  'PodInitializing',
]);

/** Reads one STATUS word; exit codes the word does not fix are NaN (unknown), never guessed. */
export function statusMeaning(word: string): StatusMeaning {
  const init = word.startsWith('Init:');
  const w = init ? word.slice(5) : word;
  if (WAITING.has(w)) return { init, terminated: false, state: { waiting: { reason: w } } };
  if (w === 'Completed') {
    return { init, terminated: true, state: { terminated: { exitCode: 0, reason: 'Completed' } } };
  }
  if (w === 'Error' || w === 'OOMKilled' || w === 'StartError' || w === 'ContainerStatusUnknown') {
    return { init, terminated: true, state: { terminated: { exitCode: Number.NaN, reason: w } } };
  }
  if (w === 'Running' || /^\d+\/\d+$/.test(w))
    return { init, terminated: false, state: { running: {} } };
  if (w === 'Evicted') return { init, terminated: false, phase: 'Failed', podReason: 'Evicted' };
  if (w === 'Pending' || w === 'Failed' || w === 'Succeeded')
    return { init, terminated: false, phase: w };
  return { init, terminated: false };
}

/** Folds a --watch sequence of words into the current state and the last finished run. */
export function foldStatuses(words: string[]): {
  init: boolean;
  state?: ContainerStateLike;
  lastState?: ContainerStateLike;
  phase?: string;
  podReason?: string;
} {
  const meanings = words.map(statusMeaning);
  const current = meanings[meanings.length - 1];
  if (!current) return { init: false };
  const earlier = meanings.slice(0, -1).reverse();
  const lastRun = current.terminated
    ? undefined
    : earlier.find((m) => m.terminated && m.init === current.init);
  return {
    init: current.init,
    state: current.state,
    lastState: lastRun?.state,
    phase: current.phase ?? (current.init ? 'Pending' : undefined),
    podReason: current.podReason,
  };
}
