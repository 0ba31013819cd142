// A container that exits 0 under restartPolicy Always is restarted anyway and backs off like a
// crash (kubernetes-semantics.md §7: exit code is irrelevant to the curve). Usually the process
// is not long-running (runs a task, or daemonises into the background) — should it be a Job?
import { standardCommands } from '../commands';
import { DONT_DELETE_POD, makeFinding } from '../finding';
import type { ContainerTimeline, Finding } from '../types';
import {
  type Detector,
  type DetectorContext,
  perContainer,
  lastTerminated,
  statusPath,
  targetOf,
} from './context';
import type { QuietCheck } from './plain-pod';

function isJobPod(ctx: DetectorContext): boolean {
  return (ctx.input.pod.metadata.ownerReferences ?? []).some((o) => o.kind === 'Job');
}

function forContainer(ctx: DetectorContext, c: ContainerTimeline): Finding[] {
  const run = lastTerminated(c);
  if (c.init || !run || run.exitCode !== 0) return [];
  // Under restartPolicy Always every exit is followed by a restart, so any exit 0 of an app
  // container counts — unless the pod itself is being deleted or has finished.
  const pod = ctx.input.pod;
  const stopping =
    !!pod.metadata.deletionTimestamp ||
    pod.status?.phase === 'Succeeded' ||
    pod.status?.phase === 'Failed';
  if (stopping || ctx.restartPolicy !== 'Always' || isJobPod(ctx)) return [];
  return [
    makeFinding({
      id: 'exits-zero-restarted',
      category: 'exits-zero',
      severity: 'critical',
      title: 'The container finishes successfully (exit 0) and is restarted into back-off',
      explanation: `The main process returned 0${run.reason ? ` (${run.reason})` : ''} — it did its work and ended, or it forked into the background. With restartPolicy Always the kubelet restarts it anyway and applies the crash back-off, so the pod shows CrashLoopBackOff without an error.`,
      container: c.name,
      evidence: [
        {
          kind: run.source === 'history' ? 'history' : 'field',
          text: `exitCode: 0${run.reason ? `, reason: ${run.reason}` : ''}; restartCount: ${c.restartCount}; restartPolicy: ${ctx.restartPolicy}`,
          path: `${statusPath(c)}.lastState.terminated.exitCode`,
          container: c.name,
          runId: run.id,
          at: run.finishedAt,
        },
      ],
      doNext: [
        'If it is a server, make the command run in the foreground (no daemon mode, no shell that exits).',
        'If it is a one-off task, run it as a Job (or CronJob) instead of a Deployment.',
      ],
      dont: [DONT_DELETE_POD],
      commands: standardCommands(targetOf(ctx, c.name)),
      priority: 80,
    }),
  ];
}

/** Always quiet on a plain pod: no app container has a terminated run. */
export const exitsZeroQuiet: QuietCheck = () => true;

/** Detects containers that exit 0 but are restarted because the pod's restartPolicy is Always. */
export const detectExitsZero: Detector = perContainer(forContainer);
