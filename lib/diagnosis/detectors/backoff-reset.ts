// Pods replaced while crash-looping: the back-off key holds the pod UID (kuberuntime helpers.go
// GetStableKey), so every replacement starts the curve again with an immediate restart. Deleting
// pods neither fixes nor speeds anything; it loses the previous log.
import { standardCommands } from '../commands';
import { DONT_DELETE_POD, makeFinding } from '../finding';
import { restartsAcrossPods } from '../process-traps';
import { podIdentity, replacedPods } from '../replacements';
import type { Finding, RecordedPod } from '../types';
import { type DetectorContext, targetOf } from './context';
import { type QuietCheck, noFailedRecords } from './plain-pod';

// Only the pods this one replaced (not its siblings) reset its back-off.
function crashedPods(ctx: DetectorContext): RecordedPod[] {
  const terms = ctx.input.history?.terminations ?? [];
  return replacedPods(podIdentity(ctx.input.pod), ctx.input.history?.pods ?? [])
    .filter((p) => terms.some((t) => t.podUid === p.uid && t.exitCode !== 0))
    .reverse();
}

function minutes(ms: number): string {
  return ms >= 90 * 60_000
    ? `${Math.round(ms / 3600_000)} h`
    : `${Math.max(1, Math.round(ms / 60_000))} min`;
}

/** "pod deleted 4× in 20 min → back-off reset each time (restarts across pods: 23)". */
function trapTitle(ctx: DetectorContext, replaced: RecordedPod[], n: number): string {
  const times = replaced.flatMap((p) => {
    const at = p.deletionRequestedAt ?? p.deletedAt;
    return at === undefined ? [] : [at];
  });
  const span = times.length > 1 ? ` in ${minutes(Math.max(...times) - Math.min(...times))}` : '';
  const own = ctx.containers.reduce((sum, c) => sum + c.restartCount, 0);
  const across = restartsAcrossPods(own, ctx.containers, ctx.input.pod.metadata.uid);
  const each = n > 1 ? ' each time' : '';
  return `Pod deleted ${n}×${span} while crash-looping → back-off reset${each} (restarts across pods: ${across})`;
}

/**
 * Quiet without a failed recorded termination (a replaced pod that crashed): a plain pod's
 * timeline holds no other pod's runs, so no gap says pod-replaced either.
 */
export const backoffResetQuiet: QuietCheck = (p) => noFailedRecords(p);

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
      title: trapTitle(ctx, replaced, n),
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
