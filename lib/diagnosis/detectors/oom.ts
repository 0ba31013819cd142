// OOM kills: reason OOMKilled wins over the exit code (containerd marks any OOM kill in the
// cgroup, even a child's). Without a memory limit the container's cgroup has no ceiling, so the
// kill came from the node's kernel under node-wide memory pressure (qos/policy.go oom_score_adj).
import { getObjectCommand, standardCommands } from '../commands';
import {
  DONT_DELETE_POD,
  DONT_DEBUG_LOGIC_FOR_OOM,
  DONT_ROLLBACK_BLIND,
  makeFinding,
} from '../finding';
import { formatBytes, parseQuantity } from '../quantity';
import type { ContainerRun, ContainerTimeline, Evidence, Finding } from '../types';
import { type DetectorContext, statusPath, targetOf } from './context';
import type { QuietCheck } from './plain-pod';

const CLOSE_TO_LIMIT = 0.9;

function oomRuns(c: ContainerTimeline): ContainerRun[] {
  return c.runs.filter((r) => r.state === 'terminated' && r.reason === 'OOMKilled');
}

function runEvidence(c: ContainerTimeline, run: ContainerRun): Evidence {
  const field =
    run.id === c.runs.filter((r) => r.state === 'terminated').at(-1)?.id ? 'lastState' : 'state';
  return {
    kind: run.source === 'history' ? 'history' : 'field',
    text: `reason: OOMKilled, exitCode: ${run.exitCode}`,
    path: `${statusPath(c)}.${field}.terminated.reason`,
    container: c.name,
    runId: run.id,
    at: run.finishedAt,
  };
}

function limitText(c: ContainerTimeline): string {
  const usage =
    c.memory.lastUsageBytes !== undefined
      ? `; last usage ${formatBytes(c.memory.lastUsageBytes)}`
      : '';
  return `${c.memory.limit}${c.memory.request ? ` (request ${c.memory.request})` : ''}${usage}`;
}

function oomFinding(ctx: DetectorContext, c: ContainerTimeline, runs: ContainerRun[]): Finding {
  const last = runs[runs.length - 1] as ContainerRun;
  const noSpec = !ctx.refs.find((r) => r.name === c.name)?.spec;
  const count = runs.length > 1 ? ` ${runs.length} times` : '';
  const child =
    last.exitCode !== 137
      ? ` It exited ${last.exitCode}, not 137: a child process was killed and the main process gave up.`
      : '';
  const evidence = runs.slice(-3).map((r) => runEvidence(c, r));
  const base = {
    category: 'oom-killed',
    severity: 'critical' as const,
    container: c.name,
    evidence,
    priority: 95,
  };
  const dont = [DONT_DEBUG_LOGIC_FOR_OOM, DONT_DELETE_POD, DONT_ROLLBACK_BLIND];
  const commands = [...standardCommands(targetOf(ctx, c.name))];
  if (c.memory.limit) {
    return makeFinding({
      ...base,
      id: 'oom-killed-at-limit',
      title: `OOM-killed at its memory limit of ${c.memory.limit}`,
      explanation: `The kernel killed the container${count} because it used all the memory its limit allows: ${limitText(c)}.${child} Either the limit is too small for the working set or memory grows until it hits it (a leak).`,
      doNext: [
        'Compare usage over time with the limit (kubectl top pod, metrics): a steady climb is a leak; a plateau above the limit means raise it.',
        'For JVM/Node apps, make sure the heap size fits inside the limit with headroom.',
      ],
      dont,
      commands,
    });
  }
  if (noSpec && !c.memory.limitRangeDefault) {
    return makeFinding({
      ...base,
      id: 'oom-killed',
      title: 'OOM-killed (exit 137 is memory, not the app)',
      explanation: `The kernel killed the container${count} for memory (reason OOMKilled).${child} This input does not show the memory limit, so it cannot tell a limit that is too small from a node out of memory.`,
      doNext: [
        'Check the memory limit and real usage: kubectl get pod -o yaml (resources) and kubectl top pod.',
      ],
      dont,
      commands: [
        ...commands,
        ...(ctx.input.pod.spec?.nodeName
          ? [
              getObjectCommand(
                targetOf(ctx),
                'node',
                ctx.input.pod.spec.nodeName,
                'The node (memory pressure)',
              ),
            ]
          : []),
      ],
    });
  }
  return makeFinding({
    ...base,
    id: 'oom-killed-without-limit',
    title: 'OOM-killed with no memory limit: the node ran out of memory',
    explanation: `The container has no memory limit${c.memory.limitRangeDefault ? ` (the namespace LimitRange default is ${c.memory.limitRangeDefault}, but this pod predates or escapes it)` : ''}, so nothing capped it: it grew until the node's kernel ran out of memory and killed it${count}.${child} Without a limit, one leaking pod can take the node's memory from its neighbours.`,
    doNext: [
      'Set a memory limit and request from measured usage, then watch whether usage still climbs (a leak).',
    ],
    dont,
    commands,
  });
}

// Usage close to the limit: the next spike is an OOM kill.
function nearLimit(limitBytes: number | undefined, usageBytes: number | undefined): boolean {
  return !!limitBytes && usageBytes !== undefined && usageBytes >= limitBytes * CLOSE_TO_LIMIT;
}

/** Quiet on a plain pod (nothing was OOM-killed) when no container's usage is near its limit. */
export const oomQuiet: QuietCheck = ({ input, refs }) =>
  !input.memoryUsage ||
  !refs.some((r) =>
    nearLimit(parseQuantity(r.spec?.resources?.limits?.memory), input.memoryUsage?.[r.name]),
  );

function closeToLimit(ctx: DetectorContext, c: ContainerTimeline): Finding[] {
  const { limitBytes, lastUsageBytes } = c.memory;
  if (!limitBytes || lastUsageBytes === undefined || !nearLimit(limitBytes, lastUsageBytes))
    return [];
  const pct = Math.round((lastUsageBytes / limitBytes) * 100);
  return [
    makeFinding({
      id: 'memory-near-limit',
      category: 'oom-killed',
      severity: 'warning',
      title: `Memory use is at ${pct}% of the limit`,
      explanation: `Last usage ${formatBytes(lastUsageBytes)} against a limit of ${c.memory.limit}: the next spike is an OOM kill.`,
      container: c.name,
      evidence: [
        {
          kind: 'field',
          text: `memory usage ${formatBytes(lastUsageBytes)} / limit ${c.memory.limit}`,
          container: c.name,
        },
      ],
      doNext: ['Raise the limit or reduce usage before it is killed.'],
      commands: standardCommands(targetOf(ctx, c.name)),
      priority: 30,
    }),
  ];
}

/** Detects OOM kills (with or without a limit) and memory close to the limit. */
export function detectOom(ctx: DetectorContext): Finding[] {
  return ctx.containers.flatMap((c) => {
    const runs = oomRuns(c);
    const kill = runs.length > 0 ? [oomFinding(ctx, c, runs)] : [];
    return [...kill, ...closeToLimit(ctx, c)];
  });
}
