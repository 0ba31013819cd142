// "Honest about what it does not know": the inputs that were absent and would have helped.
import type { DetectorContext } from './detectors/context';

/** Lists the missing inputs in words, e.g. "previous log of container auth". */
export function missingInputs(ctx: DetectorContext): string[] {
  const missing: string[] = [];
  const { input } = ctx;
  if (!input.pod.spec) missing.push('pod spec (kubectl get pod -o yaml)');
  if (!input.pod.status?.containerStatuses?.length)
    missing.push('container statuses (kubectl get pod -o yaml)');
  if (ctx.events.length === 0) missing.push('events (kubectl get events)');
  for (const c of ctx.containers) {
    const crashed =
      c.restartCount > 0 || c.runs.some((r) => r.state === 'terminated' && r.exitCode !== 0);
    const log = input.logs?.[c.name];
    if (crashed && !log?.previous) missing.push(`previous log of container ${c.name}`);
  }
  if (ctx.containers.length === 0 && !hasAnyLog(ctx))
    missing.push('the log of the crashed container');
  return missing;
}

function hasAnyLog(ctx: DetectorContext): boolean {
  return Object.values(ctx.input.logs ?? {}).some((l) => !!(l.previous || l.current));
}
