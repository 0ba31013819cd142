// How long a diagnosis holds while only the clock moves. diagnosePod reads input.now in three
// places: generatedAt; pod-health.ts, where a restart stops counting as recent RECENT_RESTART_MS
// after the last terminated run; and timeline.ts's next retry, counted from now when the last
// finish of a container in back-off is unknown. A caller holding a diagnosis of unchanged inputs
// may reuse it (generatedAt aside) until the time this returns. A new use of input.now in
// lib/diagnosis must be added here; clock-horizon.test.ts diagnoses every fixture at later times.
import { recentRestartEnds } from './detectors/pod-health';
import { retryCountedFromNow } from './timeline';
import type { DiagnosisInput, PodDiagnosis } from './types';

/** Until when diagnosePod(input at a later now) gives `diagnosis` again, generatedAt aside. */
export function diagnosisStableUntil(input: DiagnosisInput, diagnosis: PodDiagnosis): number {
  if (retryCountedFromNow(input)) return input.now;
  return recentRestartEnds(diagnosis.containers, input.now);
}
