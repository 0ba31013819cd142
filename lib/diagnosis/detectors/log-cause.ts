// The cause read from what the container said: the decisive line of the previous log (or the
// terminated message, waiting message, Warning events) turned into a finding that cites the
// line with its run and 1-based line number.
import { standardCommands } from '../commands';
import { DONT_DELETE_POD, DONT_ROLLBACK_BLIND, makeFinding } from '../finding';
import type { ContainerTimeline, Finding } from '../types';
import { type DetectorContext, targetOf } from './context';
import { isFailing } from './crash-state';
import { checkMissingEnv } from './missing-env';
import { scanSources, strongest, type SourcedSignal } from './signals';
import { podLevelSources, textSourcesFor } from './text-sources';
import { type QuietCheck, noPodLevelText } from './plain-pod';

// Signals other detectors own with better structure (status fields beat a text match): the
// kubectl line saying the pod waits for its init containers is init-container.ts's.
const OWNED_ELSEWHERE = ['init-container-blocking'];

/** Turns a sourced signal into a finding for a container (or the pod). */
export function findingFromSignal(
  ctx: DetectorContext,
  found: SourcedSignal,
  container: string | undefined,
  failing: boolean,
): Finding {
  const { signal, evidence } = found;
  const env =
    signal.id === 'missing-env-var' && signal.subject
      ? checkMissingEnv(ctx, container, signal.subject)
      : undefined;
  const where =
    evidence.kind === 'log'
      ? `the ${evidence.logKind ?? ''} log`.replace('  ', ' ')
      : `the ${evidence.kind}`;
  return makeFinding({
    id: signal.id,
    category: signal.category,
    severity: failing ? 'critical' : 'warning',
    title: env?.title ?? signal.title,
    explanation: `${signal.explanation} Found in ${where}${evidence.line ? `, line ${evidence.line}` : ''}.${env ? ` ${env.sentence}` : ''}`,
    container,
    evidence: [evidence, ...(env?.evidence ?? [])],
    doNext: [...(env?.doNext ?? []), ...signal.doNext],
    dont: dontFor(signal.category),
    commands: standardCommands(targetOf(ctx, container)),
    priority: signal.weight,
  });
}

function dontFor(category: string): string[] {
  if (category === 'image-pull' || category === 'create-config-error') return [DONT_DELETE_POD];
  return [DONT_DELETE_POD, DONT_ROLLBACK_BLIND];
}

function forContainer(ctx: DetectorContext, c: ContainerTimeline): Finding[] {
  const found = strongest(scanSources(textSourcesFor(ctx, c)), OWNED_ELSEWHERE);
  if (!found) return [];
  return [findingFromSignal(ctx, found, c.name, isFailing(c))];
}

/**
 * Quiet on a plain pod (no container is failing, unknown or restarted, so no container's texts
 * are read) when nothing pod-level is there to scan.
 */
export const logCauseQuiet: QuietCheck = (p) => noPodLevelText(p);

/** Detects the cause in each failing container's texts, and in texts not tied to a container. */
export function detectLogCause(ctx: DetectorContext): Finding[] {
  const candidates = ctx.containers.filter(
    (c) => isFailing(c) || c.state === 'Unknown' || c.restartCount > 0,
  );
  const findings = candidates.flatMap((c) => forContainer(ctx, c));
  if (findings.length > 0) return findings;
  const podLevel = strongest(scanSources(podLevelSources(ctx)), OWNED_ELSEWHERE);
  if (!podLevel) return [];
  const failing = ctx.containers.length === 0 || ctx.containers.some(isFailing);
  return [findingFromSignal(ctx, podLevel, podLevel.evidence.container, failing)];
}
