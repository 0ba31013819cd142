// The texts a container's cause can be read from, each with where it came from: the previous
// log (the crashed instance), the current log, terminated/waiting messages and Warning events.
import type { ContainerTimeline, Evidence } from '../types';
import { type DetectorContext, eventsFor, lastTerminated, statusPath } from './context';

/** One text to scan, with the evidence fields that locate it. */
export interface TextSource {
  text: string;
  evidence: Omit<Evidence, 'text' | 'line'>;
}

function logSources(ctx: DetectorContext, timeline: ContainerTimeline): TextSource[] {
  const logs = ctx.input.logs?.[timeline.name];
  const last = lastTerminated(timeline);
  const running = timeline.runs.find((r) => r.state === 'running');
  const out: TextSource[] = [];
  if (logs?.previous) {
    out.push({
      text: logs.previous,
      evidence: { kind: 'log', container: timeline.name, runId: last?.id, logKind: 'previous' },
    });
  }
  if (logs?.current) {
    const runId = timeline.state === 'CrashLoopBackOff' ? last?.id : (running?.id ?? last?.id);
    out.push({
      text: logs.current,
      evidence: { kind: 'log', container: timeline.name, runId, logKind: 'current' },
    });
  }
  return out;
}

function statusSources(timeline: ContainerTimeline): TextSource[] {
  const out: TextSource[] = [];
  const path = statusPath(timeline);
  for (const run of timeline.runs) {
    if (!run.message) continue;
    const field = run.source === 'history' ? 'history' : 'field';
    out.push({
      text: run.message,
      evidence: {
        kind: field,
        container: timeline.name,
        runId: run.id,
        path: `${path}.lastState.terminated.message`,
        at: run.finishedAt,
      },
    });
  }
  if (timeline.stateMessage) {
    out.push({
      text: timeline.stateMessage,
      evidence: { kind: 'field', container: timeline.name, path: `${path}.state.waiting.message` },
    });
  }
  return out;
}

function eventSources(ctx: DetectorContext, container: string | undefined): TextSource[] {
  // Events about another object (the node's OOMKilling names some process on the node) are
  // context for oom.ts, not this pod's own words.
  const events = container
    ? eventsFor(ctx, container)
    : ctx.events.filter((e) => !e.container && !e.about);
  // Probe results (Unhealthy) are read by probe.ts with the probe spec; as free text they look
  // like the program's own errors ("connect: connection refused" to the pod's own IP).
  return events
    .filter((e) => (e.type === 'Warning' && e.reason !== 'Unhealthy') || e.reason === 'Killing')
    .map((e) => ({
      text: `${e.reason}: ${e.message}`,
      evidence: { kind: 'event' as const, container, at: e.lastAt || undefined },
    }));
}

/** Every text a container's cause may be read from, logs first. */
export function textSourcesFor(ctx: DetectorContext, timeline: ContainerTimeline): TextSource[] {
  return [
    ...logSources(ctx, timeline),
    ...statusSources(timeline),
    ...eventSources(ctx, timeline.name),
  ];
}

/** Texts not tied to a known container: logs under unknown names and pod-level Warning events. */
export function podLevelSources(ctx: DetectorContext): TextSource[] {
  const known = new Set(ctx.containers.map((c) => c.name));
  const out: TextSource[] = [];
  for (const [name, log] of Object.entries(ctx.input.logs ?? {})) {
    if (known.has(name)) continue;
    const container = name || undefined;
    if (log.previous)
      out.push({ text: log.previous, evidence: { kind: 'log', container, logKind: 'previous' } });
    if (log.current)
      out.push({ text: log.current, evidence: { kind: 'log', container, logKind: 'current' } });
  }
  return [...out, ...eventSources(ctx, undefined)];
}
