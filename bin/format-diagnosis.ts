// Plain-text rendering of a PodDiagnosis for the terminal: the pod, each container's timeline
// (runs with exit codes, back-off gaps, next retry), then the findings with evidence, next steps
// and commands. Times are ISO 8601 in UTC, as on every Podtrail screen.
import {
  formatDuration,
  type ContainerTimeline,
  type Finding,
  type PodDiagnosis,
} from '../lib/diagnosis';

function at(ms: number | undefined): string {
  return ms === undefined || !Number.isFinite(ms)
    ? '?'
    : new Date(ms).toISOString().replace('.000Z', 'Z');
}

function duration(ms: number | undefined): string {
  return ms === undefined || !Number.isFinite(ms) ? '?' : formatDuration(ms);
}

function exitText(code: number | undefined): string {
  return code === undefined || !Number.isFinite(code) ? 'exit ?' : `exit ${code}`;
}

function containerLines(c: ContainerTimeline): string[] {
  const head = [
    `  ${c.init ? 'init container' : 'container'} ${c.name}: ${c.state}`,
    `restarts ${c.restartCount}`,
    c.image ? `image ${c.image}` : undefined,
    c.memory.limit ? `memory limit ${c.memory.limit}` : 'no memory limit known',
  ].filter(Boolean);
  const out = [head.join('  ·  ')];
  if (c.stateMessage) out.push(`    ${c.stateMessage}`);
  for (const run of c.runs) {
    const meaning = run.exitMeaning ? ` (${run.exitMeaning})` : '';
    const ended =
      run.state === 'terminated'
        ? `${exitText(run.exitCode)} ${run.reason ?? ''}${meaning}`
        : run.state;
    out.push(
      `    run ${run.id}: ${at(run.startedAt)} → ${run.finishedAt ? at(run.finishedAt) : '…'}  ${ended}`,
    );
  }
  for (const gap of c.gaps) {
    const reset = gap.reset ? `, back-off reset (${gap.reset})` : '';
    out.push(
      `    back-off after ${gap.afterRunId}: observed ${duration(gap.observedMs)}, kubelet schedule ${duration(gap.expectedMs)}${reset}`,
    );
  }
  for (const u of c.unobserved) out.push(`    ${u.count} restart(s) not observed: ${u.reason}`);
  if (c.nextRetry) {
    out.push(
      `    next retry between ${at(c.nextRetry.earliest)} and ${at(c.nextRetry.latest)} (back-off ${duration(c.nextRetry.backoffMs)})`,
    );
  }
  for (const e of c.events) {
    const when = e.timeUnknown ? '' : ` last ${at(e.lastAt)}`;
    out.push(
      `    event ${e.type} ${e.reason}${e.count > 1 ? ` ×${e.count}` : ''}${when}: ${e.message}`,
    );
  }
  return out;
}

function findingLines(f: Finding, i: number): string[] {
  const out = [`${i + 1}. [${f.severity}] ${f.title}  (${f.id}, ${f.category})`];
  if (f.explanation) out.push(`   ${f.explanation}`);
  const list = (label: string, items: string[]) => {
    if (items.length) out.push(`   ${label}:`, ...items.map((x) => `     - ${x}`));
  };
  list(
    'Evidence',
    f.evidence.map(
      (e) => `${e.text}${e.path ? `  [${e.path}]` : ''}${e.line ? `  [log line ${e.line}]` : ''}`,
    ),
  );
  list('Do next', f.doNext);
  list("Don't", f.dont);
  if (f.commands.length)
    out.push('   Commands:', ...f.commands.map((c) => `     $ ${c.command}    # ${c.label}`));
  return out;
}

/** Renders a diagnosis as readable text (pod, timeline per container, findings, missing inputs). */
export function formatDiagnosis(d: PodDiagnosis, warnings: string[]): string {
  const p = d.pod;
  const out = [
    `Pod ${p.name ? `${p.namespace}/${p.name}` : '(name not in the input)'}  ·  ${p.status}  ·  restarts ${p.restarts}${p.nodeName ? `  ·  node ${p.nodeName}` : ''}`,
    '',
    'Timeline',
    ...d.containers.flatMap(containerLines),
  ];
  for (const e of d.podEvents)
    out.push(`  pod event ${e.type} ${e.reason}${e.count > 1 ? ` ×${e.count}` : ''}: ${e.message}`);
  out.push('', 'Findings');
  if (d.findings.length === 0) out.push('  none');
  d.findings.forEach((f, i) => out.push(...findingLines(f, i), ''));
  if (d.missing.length) out.push('Missing (would help)', ...d.missing.map((m) => `  - ${m}`));
  if (warnings.length) out.push('Input notes', ...warnings.map((w) => `  - ${w}`));
  return out.join('\n');
}
