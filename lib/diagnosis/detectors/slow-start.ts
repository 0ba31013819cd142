// A log that stops in the middle of start-up, with no error line, on a container that has a
// liveness or startup probe and was killed (137 SIGKILL / 143 SIGTERM, not OOMKilled): the
// kubelet killed a slow starter, even when the probe events have expired or were not pasted.
// The kubelet gives a starting container initialDelaySeconds + periodSeconds × failureThreshold
// (pkg/kubelet/prober/worker.go) before a failing liveness probe kills it.
import { standardCommands } from '../commands';
import { DONT_DELETE_POD, DONT_ROLLBACK_BLIND, makeFinding } from '../finding';
import { scanLogText } from '../log-signals';
import type { ContainerTimeline, Finding, ProbeLike } from '../types';
import {
  type Detector,
  type DetectorContext,
  perContainer,
  eventsFor,
  lastTerminated,
  targetOf,
} from './context';
import type { QuietCheck } from './plain-pod';

// Words of start-up progress (loading, migrating, warming a cache, replaying a journal ...).
const STARTING =
  /\b(?:start(?:ing|ed)?|load(?:ing|ed)?|initiali[sz](?:ing|ed|e)|migrat(?:ing|ion)|warm(?:ing)?|connect(?:ing|ed)|waiting|recover(?:ing|y)|replay(?:ing)?|build(?:ing)?|compil(?:ing|e)|index(?:ing)?|download(?:ing)?|sync(?:ing|hroni[sz]ing)?|boot(?:ing)?|prepar(?:ing|e)|fetch(?:ing)?|unpack(?:ing)?|restor(?:ing|e)|scann(?:ing)?)\b|\.\.\.\s*$|\(\d+\s*(?:\/|of)\s*\d+\)|\d+%/i;
// Lines at or above this weight name a failure; a start-up that logged one did not simply stall.
const ERROR_WEIGHT = 34;

function budget(p: ProbeLike): number {
  return (p.initialDelaySeconds ?? 0) + (p.periodSeconds ?? 10) * (p.failureThreshold ?? 3);
}

function lastLine(log: string): string | undefined {
  return log
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .at(-1);
}

function forContainer(ctx: DetectorContext, c: ContainerTimeline): Finding[] {
  const spec = ctx.refs.find((r) => r.name === c.name)?.spec;
  const probe = spec?.startupProbe ?? spec?.livenessProbe;
  const log = ctx.input.logs?.[c.name]?.previous;
  const run = lastTerminated(c);
  if (c.init || !probe || !log || !run || run.reason === 'OOMKilled') return [];
  const killed = run.exitCode === 137 || run.exitCode === 143;
  if (!killed) return [];
  if (eventsFor(ctx, c.name).some((e) => e.reason === 'Unhealthy' || e.reason === 'Killing'))
    return [];
  const last = lastLine(log);
  if (!last || !STARTING.test(last)) return [];
  if (scanLogText(log).some((s) => s.weight >= ERROR_WEIGHT)) return [];
  const which = spec?.startupProbe ? 'startupProbe' : 'livenessProbe';
  return [
    makeFinding({
      id: 'killed-during-startup',
      category: 'probe-failure',
      severity: 'critical',
      title: `The log stops in the middle of start-up and the container was killed (exit ${run.exitCode}): the ${which === 'startupProbe' ? 'startup' : 'liveness'} probe gave up before the app started`,
      explanation: `The previous log ends with start-up progress (“${last.slice(0, 120)}”) and no error, and the run ended with ${run.exitCode} (${run.exitCode === 137 ? 'SIGKILL' : 'SIGTERM'}) — the kubelet stopping it, not a crash. The ${which} allows about ${budget(probe)} s (initialDelaySeconds + periodSeconds × failureThreshold); this start takes longer, so every restart begins from zero again.`,
      container: c.name,
      evidence: [
        { kind: 'log', text: last, container: c.name, runId: run.id, logKind: 'previous' },
        {
          kind: 'spec',
          text: `${which}: initialDelaySeconds ${probe.initialDelaySeconds ?? 0}, periodSeconds ${probe.periodSeconds ?? 10}, failureThreshold ${probe.failureThreshold ?? 3}`,
          path: `spec.containers[${c.name}].${which}`,
          container: c.name,
        },
      ],
      doNext: [
        'Give the start-up the time it needs: a startupProbe with failureThreshold × periodSeconds above the slowest start, or a larger initialDelaySeconds; then look at why the start is slow (a big cache, migrations, recovery).',
      ],
      dont: [
        DONT_DELETE_POD,
        DONT_ROLLBACK_BLIND,
        "Don't look for a crash in the log: it just stops where the kubelet killed it.",
      ],
      commands: standardCommands(targetOf(ctx, c.name)),
      priority: 72,
    }),
  ];
}

/** Always quiet on a plain pod: no app container has a terminated run to have been killed. */
export const slowStartQuiet: QuietCheck = () => true;

/** Detects slow starters killed by their probe, read from a log that stops mid-start-up. */
export const detectSlowStart: Detector = perContainer(forContainer);
