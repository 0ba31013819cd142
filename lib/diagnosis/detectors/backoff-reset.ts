// Pods replaced while crash-looping: the back-off key holds the pod UID (kuberuntime helpers.go
// GetStableKey), so every replacement starts the curve again with an immediate restart. Deleting
// pods neither fixes nor speeds anything; it loses the previous log.
import { standardCommands } from '../commands';
import { DONT_DELETE_POD, makeFinding } from '../finding';
import { podIdentity, replacedPods } from '../replacements';
import type { Finding, RecordedPod } from '../types';
import { type DetectorContext, targetOf } from './context';

// Only the pods this one replaced (not its siblings) reset its back-off.
function crashedPods(ctx: DetectorContext): RecordedPod[] {
  const terms = ctx.input.history?.terminations ?? [];
  return replacedPods(podIdentity(ctx.input.pod), ctx.input.history?.pods ?? [])
    .filter((p) => terms.some((t) => t.podUid === p.uid && t.exitCode !== 0))
    .reverse();
}

/** Detects pods replaced during back-off (new UID), which restarted the back-off from scratch. */
export function detectBackoffReset(ctx: DetectorContext): Finding[] {
  const replaced = crashedPods(ctx);
  const resetGaps = ctx.containers.flatMap((c) => c.gaps.filter((g) => g.reset === 'pod-replaced'));
  if (replaced.length === 0 && resetGaps.length === 0) return [];
  const n = Math.max(replaced.length, resetGaps.length);
  return [
    makeFinding({
      id: 'backoff-reset-pod-replaced',
      category: 'backoff-reset',
      severity: 'warning',
      title: `${n} crash-looping pod${n > 1 ? 's were' : ' was'} replaced — each replacement restarted the back-off`,
      explanation:
        'The kubelet keys the back-off by pod UID. A deleted pod’s replacement starts again with an immediate restart, then 10 s, 20 s, …: deleting pods does not unstick anything, it only hides the schedule and throws away the previous container’s log.',
      evidence: replaced.slice(-5).map((p) => ({
        kind: 'history',
        text: `pod ${p.name} (uid ${p.uid.slice(0, 8)}) deleted while crash-looping`,
        at: p.deletedAt,
      })),
      doNext: [
        'Leave the pod in back-off and read `kubectl logs --previous`; fix the cause, then let the controller roll.',
      ],
      dont: [DONT_DELETE_POD],
      commands: standardCommands(targetOf(ctx, ctx.containers[0]?.name)),
      priority: 40,
    }),
  ];
}
