// The detector registry, in no particular order: findings are sorted afterwards. Each detector
// comes with its quiet check (kept in its own file, beside what it reads): what it needs to see
// in a plain pod's raw input to be sure it has nothing to say. The type makes a new detector
// bring one, so the fast path (plainly-healthy.ts) cannot silently skip it.
import { backoffResetQuiet, detectBackoffReset } from './backoff-reset';
import type { Detector } from './context';
import { crashAfterUpgradeQuiet, detectCrashAfterUpgrade } from './crash-after-upgrade';
import { createConfigQuiet, detectCreateConfigError } from './create-config';
import { detectEvicted, evictedQuiet } from './evicted';
import { detectExitCode, exitCodeQuiet } from './exit-code';
import { detectExitsZero, exitsZeroQuiet } from './exits-zero';
import { detectHeapOverLimit, heapOverLimitQuiet } from './heap-over-limit';
import { detectImageMismatch, imageMismatchQuiet } from './image-digest';
import { detectImagePull, imagePullQuiet } from './image-pull';
import { detectInitContainer, initContainerQuiet } from './init-container';
import { detectListedPods, listedPodsQuiet } from './listed-pods';
import { detectLogCause, logCauseQuiet } from './log-cause';
import { detectOom, oomQuiet } from './oom';
import type { QuietCheck } from './plain-pod';
import { detectProbeFailure, probeQuiet } from './probe';
import { detectRollback, rollbackQuiet } from './rollback';
import { detectSlowStart, slowStartQuiet } from './slow-start';
import { detectConfigNewerThanImage, staleImageQuiet } from './stale-image';
import { detectStatefulSetVolumes, statefulSetQuiet } from './statefulset';

/** A detector and its quiet check: true only when `detect` finds nothing on that plain pod. */
export interface RegisteredDetector {
  detect: Detector;
  quiet: QuietCheck;
}

/** Every detector diagnosePod runs. */
export const detectors: RegisteredDetector[] = [
  { detect: detectCreateConfigError, quiet: createConfigQuiet },
  { detect: detectImagePull, quiet: imagePullQuiet },
  { detect: detectOom, quiet: oomQuiet },
  { detect: detectExitCode, quiet: exitCodeQuiet },
  { detect: detectExitsZero, quiet: exitsZeroQuiet },
  { detect: detectProbeFailure, quiet: probeQuiet },
  { detect: detectInitContainer, quiet: initContainerQuiet },
  { detect: detectLogCause, quiet: logCauseQuiet },
  { detect: detectRollback, quiet: rollbackQuiet },
  { detect: detectBackoffReset, quiet: backoffResetQuiet },
  { detect: detectImageMismatch, quiet: imageMismatchQuiet },
  { detect: detectConfigNewerThanImage, quiet: staleImageQuiet },
  { detect: detectCrashAfterUpgrade, quiet: crashAfterUpgradeQuiet },
  { detect: detectStatefulSetVolumes, quiet: statefulSetQuiet },
  { detect: detectEvicted, quiet: evictedQuiet },
  { detect: detectListedPods, quiet: listedPodsQuiet },
  { detect: detectSlowStart, quiet: slowStartQuiet },
  { detect: detectHeapOverLimit, quiet: heapOverLimitQuiet },
];
