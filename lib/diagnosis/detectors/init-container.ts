// A failing init container blocks the pod (phase Pending, Init:CrashLoopBackOff/Init:Error):
// the main containers wait in PodInitializing and have no log. The cause is in the init
// container's own log; this finding names the blocking init container and cites that line.
import {
  CONTAINER_PLACEHOLDER,
  isRealContainerName,
  previousLogsCommand,
  standardCommands,
} from '../commands';
import { DONT_DELETE_POD, makeFinding } from '../finding';
import type { ContainerTimeline, Evidence, Finding } from '../types';
import { type DetectorContext, lastTerminated, statusPath, targetOf } from './context';
import { scanSources, strongest } from './signals';
import { podLevelSources, textSourcesFor } from './text-sources';
import { type QuietCheck, noPodLevelText } from './plain-pod';

const START_FAILURES = ['image-pull', 'create-config-error', 'init-container-blocking'];

function isCrashing(ctx: DetectorContext, c: ContainerTimeline): boolean {
  if (!c.init) return false;
  const last = lastTerminated(c);
  if (c.state === 'CrashLoopBackOff' || (!!last && last.exitCode !== 0 && c.state !== 'Running')) {
    return true;
  }
  // A pasted init log without a status: failing when its log names a cause.
  return c.state === 'Unknown' && !!strongest(scanSources(textSourcesFor(ctx, c)), START_FAILURES);
}

function blockedMain(ctx: DetectorContext): ContainerTimeline[] {
  return ctx.containers.filter((c) => !c.init && c.state === 'PodInitializing');
}

function build(
  ctx: DetectorContext,
  c: ContainerTimeline | undefined,
  evidence: Evidence[],
): Finding[] {
  const sources = c ? textSourcesFor(ctx, c) : podLevelSources(ctx);
  const cause = strongest(scanSources(sources), START_FAILURES);
  if (cause?.signal.category === 'image-pull' || cause?.signal.category === 'create-config-error')
    return [];
  if (!c && !cause) return [];
  const name = c?.name ?? cause?.evidence.container;
  const last = c ? lastTerminated(c) : undefined;
  const because = cause
    ? ` It fails with: “${cause.signal.text}” — ${cause.signal.title.toLowerCase()}.`
    : '';
  // An init container that only waits for a dependency is not itself the cause: the name it
  // cannot resolve or the service it cannot reach is.
  const waitsFor = cause?.signal.category === 'dependency-unavailable';
  const label = isRealContainerName(name) ? `\`${name}\` ` : '';
  return [
    makeFinding({
      id: waitsFor ? 'init-container-waits-for-dependency' : 'init-container-failing',
      category: waitsFor ? 'dependency-unavailable' : 'init-container',
      severity: 'critical',
      title: waitsFor
        ? `Init container ${label}waits for a dependency it cannot reach: ${cause.signal.title.charAt(0).toLowerCase()}${cause.signal.title.slice(1)}`
        : `Init container ${label}keeps failing, so the app containers never start`,
      explanation: `Init containers must all exit 0 before the app containers start; this one ${c?.state === 'Running' ? 'has not completed' : `${last ? `exits ${last.exitCode}` : 'fails'} on every attempt`}, so the pod stays in Init and the main containers wait in PodInitializing (they have no log yet).${because}`,
      container: name,
      evidence: [...(cause ? [cause.evidence] : []), ...evidence],
      doNext: [
        cause?.signal.doNext[0] ?? 'Read the init container’s log (below) for the failing command.',
        `Read the init container’s log, not the app container’s: \`${previousLogsCommand(targetOf(ctx, name ?? CONTAINER_PLACEHOLDER)).command}\`.`,
      ],
      dont: [DONT_DELETE_POD],
      commands: [
        previousLogsCommand(targetOf(ctx, name)),
        ...standardCommands(targetOf(ctx, name)).slice(1),
      ],
      priority: cause ? Math.max(cause.signal.weight, 85) + 5 : 60,
    }),
  ];
}

// An init container still running (Init:0/1) whose log shows it cannot reach what it waits for:
// the pod is stuck in Init, not crashing, and the dependency or its name is the cause.
function stuckWaiting(ctx: DetectorContext): Finding[] {
  return ctx.containers
    .filter((c) => c.init && c.state === 'Running')
    .flatMap((c) => {
      const cause = strongest(scanSources(textSourcesFor(ctx, c)), START_FAILURES);
      if (cause?.signal.category !== 'dependency-unavailable') return [];
      const ev: Evidence = {
        kind: 'field',
        text: `init container ${c.name}: Running, the app containers wait (PodInitializing)`,
        path: statusPath(c),
        container: c.name,
      };
      return build(ctx, c, [ev]).map((f) => ({ ...f, severity: 'warning' as const }));
    });
}

/**
 * Quiet on a plain pod (its init containers completed, none runs, no app container waits in
 * PodInitializing) when it has init containers or nothing pod-level to scan for the marker.
 */
export const initContainerQuiet: QuietCheck = (p) =>
  p.refs.some((r) => r.init) || noPodLevelText(p);

/** Detects init containers that crash and block the pod, with the cause from their log. */
export function detectInitContainer(ctx: DetectorContext): Finding[] {
  const stuck = stuckWaiting(ctx);
  if (stuck.length > 0) return stuck;
  const failing = ctx.containers.filter((c) => isCrashing(ctx, c));
  if (failing.length > 0) {
    return failing.flatMap((c) => {
      const last = lastTerminated(c);
      const ev: Evidence = {
        kind: 'field',
        text: `init container ${c.name}: ${c.state}${last ? `, exitCode ${last.exitCode}` : ''}`,
        path: statusPath(c),
        container: c.name,
        runId: last?.id,
      };
      return build(ctx, c, [ev]);
    });
  }
  if (ctx.containers.some((c) => c.init)) return [];
  const blocked = blockedMain(ctx);
  const marker = scanSources(podLevelSources(ctx)).find(
    (s) => s.signal.id === 'init-container-blocking',
  );
  if (marker) return build(ctx, undefined, [marker.evidence]);
  if (blocked.length === 0) return [];
  const ev: Evidence[] = blocked.map((c) => ({
    kind: 'field',
    text: `container ${c.name} is waiting: PodInitializing`,
    path: `${statusPath(c)}.state.waiting.reason`,
    container: c.name,
  }));
  return build(ctx, undefined, ev);
}
