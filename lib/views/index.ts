// lib/views: the view models route handlers answer and pages render. Server-only.
import 'server-only';

export type * from './types';
export type { BoardFilters } from './board-view';
export type { PodRef } from './pod-view';
export { requirePod } from './pod-view';
/** The board and pod views as callers get them: computed once per change, shared by viewers. */
export { getBoardView, getPodView } from './shared-views';
export { readPodViewOnce } from './pod-view-once';
/** The board computed now for one caller, unshared (the bench times it). */
export { getBoardView as computeBoardView } from './board-view';
export { getWorkloadView, requireWorkload, type WorkloadRef } from './workload-view';
export {
  listClusterHealth,
  processHealth,
  recorderRoles,
  type ProcessHealth,
  type RecorderRole,
} from './health-view';
export {
  NotFoundError,
  BadInputError,
  ForbiddenError,
  UnavailableError,
  UpstreamTimeoutError,
} from './errors';
export {
  createRuntime,
  getRuntime,
  historyProblemOf,
  lastContacts,
  setRuntime,
  startRecorders,
  stopRuntime,
  type RecorderElection,
  type Runtime,
  type RuntimeOptions,
} from './runtime';
export { subscribeLive, closeLive, type LiveScope, type LiveListener } from './live-hub';
export { installShutdown, shutdownRuntime, type ShutdownReport } from './shutdown';
export { diagnoseUpload } from './upload-view';
export { getPodLog } from './log-view';
export {
  boardForViewer,
  checkBoardAccess,
  checkNamespaceAccess,
  goForViewer,
  type Viewer,
} from './viewer-access';
export { receiveAlerts } from './alerts-view';
export { resolveGoLink, type GoDestination, type RememberedPod } from './go-view';
