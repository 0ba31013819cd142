// The detector registry, in no particular order: findings are sorted afterwards.
import type { Detector } from './context';
import { detectLogCause } from './log-cause';

/** Every detector diagnosePod runs. */
export const detectors: Detector[] = [detectLogCause];
