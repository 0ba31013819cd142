// The detector registry, in no particular order: findings are sorted afterwards.
import { detectBackoffReset } from './backoff-reset';
import type { Detector } from './context';
import { detectCrashAfterUpgrade } from './crash-after-upgrade';
import { detectCreateConfigError } from './create-config';
import { detectEvicted } from './evicted';
import { detectExitCode } from './exit-code';
import { detectExitsZero } from './exits-zero';
import { detectHeapOverLimit } from './heap-over-limit';
import { detectImageMismatch } from './image-digest';
import { detectImagePull } from './image-pull';
import { detectInitContainer } from './init-container';
import { detectListedPods } from './listed-pods';
import { detectLogCause } from './log-cause';
import { detectOom } from './oom';
import { detectProbeFailure } from './probe';
import { detectRollback } from './rollback';
import { detectSlowStart } from './slow-start';
import { detectConfigNewerThanImage } from './stale-image';
import { detectStatefulSetVolumes } from './statefulset';

/** Every detector diagnosePod runs. */
export const detectors: Detector[] = [
  detectCreateConfigError,
  detectImagePull,
  detectOom,
  detectExitCode,
  detectExitsZero,
  detectProbeFailure,
  detectInitContainer,
  detectLogCause,
  detectRollback,
  detectBackoffReset,
  detectImageMismatch,
  detectConfigNewerThanImage,
  detectCrashAfterUpgrade,
  detectStatefulSetVolumes,
  detectEvicted,
  detectListedPods,
  detectSlowStart,
  detectHeapOverLimit,
];
