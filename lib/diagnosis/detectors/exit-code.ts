// Causes read from the exit code alone, when nothing better is known: 126/127 (command), 128
// StartError (runtime could not start it), 128+N for crash signals (SIGSEGV, SIGABRT, SIGILL,
// SIGBUS, SIGFPE). 137 without OOMKilled is a SIGKILL from elsewhere: probe.ts handles the
// liveness case; here it is the node or runtime unless events say otherwise.
import { getObjectCommand, standardCommands } from '../commands';
import { decodeExitCode } from '../exit-codes';
import { DONT_DELETE_POD, DONT_ROLLBACK_BLIND, makeFinding } from '../finding';
import type { ContainerRun, ContainerTimeline, Finding } from '../types';
import {
  type Detector,
  type DetectorContext,
  perContainer,
  eventsFor,
  lastTerminated,
  statusPath,
  targetOf,
} from './context';
import type { QuietCheck } from './plain-pod';

const CRASH_SIGNALS = new Set(['SIGSEGV', 'SIGABRT', 'SIGILL', 'SIGBUS', 'SIGFPE']);

interface CodeCause {
  id: string;
  category: string;
  title: string;
  priority: number;
}

function causeOf(run: ContainerRun): CodeCause | undefined {
  const d = decodeExitCode(run.exitCode ?? 0, run.signal, run.reason);
  if (d.kind === 'start-error') {
    return {
      id: 'start-error',
      category: 'bad-command',
      title: 'The runtime could not start the container process',
      priority: 75,
    };
  }
  if (d.kind === 'command-not-found') {
    return {
      id: 'exit-command-not-found',
      category: 'bad-command',
      title: 'Exit 127: a command was not found',
      priority: 62,
    };
  }
  if (d.kind === 'not-executable') {
    return {
      id: 'exit-not-executable',
      category: 'bad-command',
      title: 'Exit 126: a command could not be executed',
      priority: 62,
    };
  }
  if (d.kind === 'signal' && d.signal && CRASH_SIGNALS.has(d.signal)) {
    return {
      id: 'exit-crash-signal',
      category: 'segfault-abort',
      title: `The process crashed with ${d.signal} (exit ${d.code})`,
      priority: 64,
    };
  }
  return undefined;
}

function evidenceOf(c: ContainerTimeline, run: ContainerRun) {
  return {
    kind: run.source === 'history' ? ('history' as const) : ('field' as const),
    text: `exitCode: ${run.exitCode}${run.reason ? `, reason: ${run.reason}` : ''}${run.message ? `, message: ${run.message.slice(0, 200)}` : ''}`,
    path: `${statusPath(c)}.lastState.terminated.exitCode`,
    container: c.name,
    runId: run.id,
    at: run.finishedAt,
  };
}

function sigkillFinding(ctx: DetectorContext, c: ContainerTimeline, run: ContainerRun): Finding[] {
  const evs = eventsFor(ctx, c.name);
  if (evs.some((e) => e.reason === 'Unhealthy' && /^(Liveness|Startup)/i.test(e.message)))
    return [];
  const nodeOom = ctx.events.some((e) => /SystemOOM|OOMKilling/.test(e.reason));
  const node = ctx.input.pod.spec?.nodeName;
  return [
    makeFinding({
      id: nodeOom ? 'sigkill-node-oom' : 'sigkill-not-oom',
      category: nodeOom ? 'oom-killed' : 'not-enough-evidence',
      severity: 'warning',
      title: nodeOom
        ? 'Killed (137) during a node-wide OOM'
        : 'Killed with SIGKILL (137), but not recorded as an OOM kill',
      explanation: nodeOom
        ? 'The node reported a system OOM; the kernel picked this container. Older runtimes record such kills as Error/137 rather than OOMKilled.'
        : 'Exit 137 means something sent SIGKILL: the kubelet after a failed liveness probe or a stop that ignored SIGTERM, the node (a system OOM the runtime did not attribute), or a person. No probe failure or OOM record is in the input, so the sender is unknown.',
      container: c.name,
      evidence: [evidenceOf(c, run)],
      doNext: [
        'Look at the node events (SystemOOM, OOMKilling) and the pod events (Unhealthy, Killing) around the finish time.',
      ],
      dont: [DONT_DELETE_POD],
      commands: [
        ...standardCommands(targetOf(ctx, c.name)),
        ...(node ? [getObjectCommand(targetOf(ctx), 'node', node, 'The node and its events')] : []),
      ],
      priority: nodeOom ? 70 : 20,
    }),
  ];
}

function forContainer(ctx: DetectorContext, c: ContainerTimeline): Finding[] {
  const run = lastTerminated(c);
  if (!run || run.exitCode === undefined || run.reason === 'OOMKilled') return [];
  if (run.exitCode === 137 && !run.signal) return sigkillFinding(ctx, c, run);
  const cause = causeOf(run);
  if (!cause) return [];
  return [
    makeFinding({
      ...cause,
      severity: 'critical',
      explanation: `${decodeExitCode(run.exitCode, run.signal, run.reason).meaning}.${run.message ? ` The runtime said: ${run.message}` : ''}`,
      container: c.name,
      evidence: [evidenceOf(c, run)],
      doNext: [
        'Read the previous log and the terminated message for the failing command or the crash site.',
      ],
      dont: [DONT_DELETE_POD, DONT_ROLLBACK_BLIND],
      commands: standardCommands(targetOf(ctx, c.name)),
    }),
  ];
}

/**
 * Always quiet on a plain pod: its only terminated runs are init containers' exit 0 (Completed),
 * which no exit code explains.
 */
export const exitCodeQuiet: QuietCheck = () => true;

/** Detects causes that the exit code alone supports. */
export const detectExitCode: Detector = perContainer(forContainer);
