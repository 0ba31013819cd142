// Whether a container is failing, and how badly: the facts every cause detector needs to decide
// its severity and whether a cause must be found at all.
import type { ContainerTimeline } from '../types';

/**
 * Waiting reasons of a container that could not be started (its config or its image), each with
 * a detector of its own (create-config, image-pull): no process ran, so nothing crashed.
 */
export const START_FAILURES: ReadonlySet<string> = new Set([
  'CreateContainerConfigError',
  'CreateContainerError',
  'ErrImagePull',
  'ImagePullBackOff',
  'InvalidImageName',
  'ErrImageNeverPull',
]);

const FAILING_WAITING = new Set([
  'CrashLoopBackOff',
  ...START_FAILURES,
  'RunContainerError',
  'PostStartHookError',
  'PreStartHookError',
  'RegistryUnavailable',
  'SignatureValidationFailed',
  'ImageInspectError',
]);

/** True when the container is crash-looping, cannot start, or keeps exiting non-zero. */
export function isFailing(c: ContainerTimeline): boolean {
  if (FAILING_WAITING.has(c.state)) return true;
  if (c.state === 'Error' || c.state === 'OOMKilled' || c.state === 'StartError') return true;
  const last = c.runs.filter((r) => r.state === 'terminated').at(-1);
  if (c.init && last && last.exitCode !== 0) return true;
  return c.restartCount > 0 && !!last && (last.exitCode !== 0 || c.state !== 'Running');
}

/** The crash-looping or failing containers, init containers first. */
export function failingContainers(containers: ContainerTimeline[]): ContainerTimeline[] {
  return containers.filter(isFailing);
}
