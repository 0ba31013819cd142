// The fast path for the board: a pod whose containers all run, ready and never restarted (init
// containers completed with exit 0), and whose inputs every detector's quiet check passes, gets
// from diagnosePod no finding at all and `healthy: true` — no board row. Why that holds by
// construction:
// - every finding diagnosePod returns comes from a registered detector (each quiet here), from
//   detectNotEnoughEvidence (only for a pod that is not healthy) or from detectRestartHistory
//   (only for a container that restarted; a plain pod's restartCounts are 0);
// - isPodHealthy holds for a plain pod: phase Running, every container Completed (init) or
//   Running and ready, with no terminated run but the init containers' (plain-pod.ts promises).
// The equivalence test (plainly-healthy.test.ts) checks this against diagnosePod on every
// fixture and on plain pods made odd one field at a time.
import { detectors } from './detectors';
import { plainPod } from './detectors/plain-pod';
import type { DiagnosisInput } from './types';

/**
 * True when diagnosePod(input) would find nothing and call the pod healthy, told from the raw
 * input without building timelines. False means "diagnose it" (not "unhealthy").
 */
export function isPlainlyHealthy(input: DiagnosisInput): boolean {
  const plain = plainPod(input);
  return plain !== undefined && detectors.every((d) => d.quiet(plain));
}
