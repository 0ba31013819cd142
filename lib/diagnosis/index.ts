// The public surface of lib/diagnosis. Other folders import only this file.
export type * from './types';
export { diagnosePod } from './diagnose-pod';
export { isPlainlyHealthy } from './plainly-healthy';
export { diagnosisStableUntil } from './clock-horizon';
export { decodeExitCode, type ExitKind, type ExitMeaning } from './exit-codes';
export { formatDuration, formatGoDuration, parseGoDuration } from './go-duration';
export {
  DEFAULT_BACKOFF,
  REDUCED_BACKOFF,
  RETRY_SLACK_MS,
  expectedBackoffMs,
  nextRetryWindow,
  resolveBackoffParams,
} from './backoff-model';
export { parseBackoffMessage, type BackoffMessage } from './backoff-message';
export { diffPodTemplates } from './template-diff';
export { summarizeForBoard, type BoardSummary } from './board-summary';
export { boardStateOf, countByState, type BoardState, type BoardStateFacts } from './board-state';
export { compareFindings, severityRank, sortFindings } from './severity';
export { preventionOf } from './lessons';
export {
  diagnoseLogText,
  scanLogText,
  stripLogPrefix,
  type LogDiagnosis,
  type LogSignal,
} from './log-signals';
export {
  normalizeDigest,
  parseImageID,
  parseImageRef,
  shortDigest,
  type ImageIdFacts,
  type ImageRef,
} from './image-facts';
export { completedOnce, kubectlStatus } from './pod-status';
export { normalizeEvent } from './events';
export { parseQuantity, formatBytes } from './quantity';
export { toMs } from './time';
export { dedupeRecordedRuns, lastStateRestartCount } from './runs';
export { kubeletRestarts, type KubeletRestart } from './kubelet-restarts';
export { REPLACEMENT_WINDOW_MS, podIdentity, replacedPods, type PodIdentity } from './replacements';
export {
  PROCESS_TRAP_CATEGORIES,
  causeAndTrap,
  isProcessTrap,
  restartsAcrossPods,
} from './process-traps';
export { revisionOf } from './revisions';
export {
  EXPECTED_INPUT,
  ParseError,
  RefusedInputError,
  parseInputs,
  type ParsedInputs,
  type PasteKind,
} from './parse';
