// The state word of a board row, for the kiosk headline "● 3 crash-looping · 1 image pull · 2 OOM":
// what the workload is doing now, from its kubectl STATUS, its last exit and its top finding.
import type { Finding } from './types';

/** What a board row's workload is doing now, for the kiosk headline. */
export type BoardState = 'crash-looping' | 'image-pull' | 'config-error' | 'oom' | 'other';

/** What the state of a row is read from: its kubectl STATUS, restarts, last exit, top finding. */
export interface BoardStateFacts {
  status: string;
  restarts: number;
  topFinding?: Pick<Finding, 'category'>;
  lastExit?: { reason?: string };
}

// Waiting reasons the kubelet sets while it cannot get the image
// (pkg/kubelet/images/types.go: ErrImagePullBackOff, ErrImagePull, ErrImageInspect, ...).
const IMAGE_PULL = new Set([
  'ErrImagePull',
  'ImagePullBackOff',
  'ImageInspectError',
  'ErrImageNeverPull',
  'InvalidImageName',
  'RegistryUnavailable',
  'SignatureValidationFailed',
]);

// Waiting reasons of a container the runtime could not create or start
// (pkg/kubelet/container/sync_result.go: ErrCreateContainerConfig, ErrCreateContainer, ...).
const CONFIG_ERROR = new Set([
  'CreateContainerConfigError',
  'CreateContainerError',
  'RunContainerError',
  'PreStartHookError',
  'PostStartHookError',
]);

/** Every state, in the order the headline lists them. */
const boardStates: BoardState[] = ['crash-looping', 'image-pull', 'config-error', 'oom', 'other'];

/**
 * What a row's workload is doing: a pull or config error is its current state; an OOM kill says
 * more than the crash loop it causes; any other restarting container is crash-looping.
 */
export function boardStateOf(row: BoardStateFacts): BoardState {
  const status = row.status.replace(/^Init:/, '');
  if (IMAGE_PULL.has(status) || row.topFinding?.category === 'image-pull') return 'image-pull';
  if (CONFIG_ERROR.has(status) || row.topFinding?.category === 'create-config-error')
    return 'config-error';
  const oomKilled = status === 'OOMKilled' || row.lastExit?.reason === 'OOMKilled';
  if (oomKilled || row.topFinding?.category === 'oom-killed') return 'oom';
  if (status === 'CrashLoopBackOff' || row.restarts > 0) return 'crash-looping';
  return 'other';
}

/** Rows per state (every state present, zero when none). */
export function countByState(rows: Array<{ state: BoardState }>): Record<BoardState, number> {
  const counts = Object.fromEntries(boardStates.map((s) => [s, 0])) as Record<BoardState, number>;
  for (const row of rows) counts[row.state] += 1;
  return counts;
}
