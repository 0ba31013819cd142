// "Honest about what it does not know": when a container fails and nothing supports a cause,
// say so and name what to collect, instead of guessing.
import { describeCommand, eventsCommand, podYamlCommand, previousLogsCommand } from '../commands';
import { DONT_DELETE_POD, DONT_ROLLBACK_BLIND, makeFinding } from '../finding';
import type { Finding } from '../types';
import { type DetectorContext, lastTerminated, targetOf } from './context';
import { failingContainers } from './crash-state';

/** Categories that do not explain why a container fails. */
export const NON_CAUSE_CATEGORIES = new Set([
  'not-enough-evidence',
  'backoff-reset',
  'image-mismatch',
]);

function collectList(ctx: DetectorContext, container: string | undefined): string[] {
  const t = targetOf(ctx, container);
  const list = [`the previous container's log: \`${previousLogsCommand(t).command}\``];
  list.push(`the pod's states, last state and exit code: \`${describeCommand(t).command}\``);
  if (ctx.events.length === 0) list.push(`the pod's events: \`${eventsCommand(t).command}\``);
  return list;
}

function whatIsKnown(ctx: DetectorContext, container: string | undefined): string {
  const c = ctx.containers.find((x) => x.name === container);
  const last = c ? lastTerminated(c) : undefined;
  if (last?.exitCode !== undefined) {
    return `The last run exited ${last.exitCode}${last.reason ? ` (${last.reason})` : ''}: ${last.exitMeaning ?? ''}. That says how it ended, not why.`;
  }
  const backoffs = ctx.events
    .filter((e) => e.reason === 'BackOff')
    .reduce((n, e) => n + e.count, 0);
  if (backoffs > 0)
    return `The events show the container restarting into back-off (${backoffs} BackOff events) but no exit code, reason or log line.`;
  return 'The input holds no exit code, reason, log line or event that explains the failure.';
}

/** Findings that say when or where a failure began, not why (the log still has to be read). */
export const NON_CAUSE_IDS = new Set(['crash-started-with-new-image']);

// Probe failures that did not kill the container (readiness) say the app was not answering: a
// symptom of whatever the log would show, worth naming so nobody reads them as the cause.
function probeSymptom(ctx: DetectorContext): string {
  const probes = ctx.events.filter((e) => e.reason === 'Unhealthy');
  if (probes.length === 0) return '';
  const n = probes.reduce((sum, e) => sum + e.count, 0);
  return ` The ${n} probe failure${n > 1 ? 's' : ''} in the events (“${probes[0]?.message.slice(0, 120) ?? ''}”) only show the app was not answering — a symptom, not the cause.`;
}

function titleFor(restarts: number): string {
  if (restarts === 0) return 'Not enough evidence to name a cause';
  return `Restarted ${restarts} time${restarts > 1 ? 's' : ''}; the input does not say why`;
}

/** Adds a not-enough-evidence finding when failures have no supported cause. */
export function detectNotEnoughEvidence(ctx: DetectorContext, found: Finding[]): Finding[] {
  const explained = found.some(
    (f) =>
      !NON_CAUSE_CATEGORIES.has(f.category) && !NON_CAUSE_IDS.has(f.id) && f.severity !== 'info',
  );
  if (explained || found.some((f) => f.category === 'not-enough-evidence')) return [];
  const failing = failingContainers(ctx.containers);
  const container =
    failing[0]?.name ?? (ctx.containers.length === 1 ? ctx.containers[0]?.name : undefined);
  const t = targetOf(ctx, container);
  return [
    makeFinding({
      id: 'not-enough-evidence',
      category: 'not-enough-evidence',
      severity: 'warning',
      title: titleFor(ctx.containers.find((c) => c.name === container)?.restartCount ?? 0),
      explanation: `${whatIsKnown(ctx, container)}${probeSymptom(ctx)} Podtrail will not guess; collect the items below and diagnose again.`,
      container,
      evidence: [],
      doNext: collectList(ctx, container),
      dont: [DONT_DELETE_POD, DONT_ROLLBACK_BLIND],
      commands: [previousLogsCommand(t), describeCommand(t), eventsCommand(t), podYamlCommand(t)],
      priority: 0,
    }),
  ];
}

/** Restarts at which a container running now is still worth a warning (a loop, not a blip). */
export const MANY_RESTARTS = 3;

/**
 * A pod that looks healthy now but restarted and has no finding: never answer "no findings"
 * for a restarting pod. Says what is known (restarts, the last exit) and what to collect; a
 * warning from MANY_RESTARTS restarts with a failed last exit, history (info) below that.
 */
export function detectRestartHistory(ctx: DetectorContext, found: Finding[]): Finding[] {
  if (found.length > 0) return [];
  const restarted = [...ctx.containers]
    .filter((c) => c.restartCount > 0)
    .sort((a, b) => b.restartCount - a.restartCount)[0];
  if (!restarted) return [];
  const last = lastTerminated(restarted);
  const failed = last?.exitCode !== undefined && last.exitCode !== 0;
  const many = restarted.restartCount >= MANY_RESTARTS && (failed || !last);
  const t = targetOf(ctx, restarted.name);
  return [
    makeFinding({
      id: 'restarts-without-evidence',
      category: 'not-enough-evidence',
      severity: many ? 'warning' : 'info',
      title: titleFor(restarted.restartCount),
      explanation: `Container ${restarted.name} is running now but has restarted ${restarted.restartCount} time${restarted.restartCount > 1 ? 's' : ''}. ${whatIsKnown(ctx, restarted.name)} Podtrail will not guess; collect the items below (while the crashed instance's log still exists) and diagnose again.`,
      container: restarted.name,
      evidence: [
        {
          kind: 'field',
          text: `restartCount: ${restarted.restartCount}${last ? `; last exit ${last.exitCode}${last.reason ? ` (${last.reason})` : ''}` : ''}`,
          path: `${restarted.init ? 'status.initContainerStatuses' : 'status.containerStatuses'}[${restarted.name}].restartCount`,
          container: restarted.name,
          runId: last?.id,
        },
      ],
      doNext: collectList(ctx, restarted.name),
      dont: [DONT_DELETE_POD, DONT_ROLLBACK_BLIND],
      commands: [previousLogsCommand(t), describeCommand(t), eventsCommand(t)],
      priority: 0,
    }),
  ];
}
