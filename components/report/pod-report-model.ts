// Everything the pod report shows, computed once and rendered twice (HTML and Markdown).
import type { KubectlCommand, PodDiagnosis } from '@/lib/diagnosis';
import { formatDateTime } from '@/components/format/time';
import { chainMarkdown, commandsMarkdown, findingsMarkdown, table } from './markdown';
import { rootCauseChain, type ChainRow } from './root-cause';
import { reportTimelineRows, timelineSpan, type ReportRow } from './report-timeline';

export interface PodReportModel {
  title: string;
  summary: string;
  rows: ReportRow[];
  chain: ChainRow[];
  commands: KubectlCommand[];
  markdown: string;
}

function summarize(d: PodDiagnosis, rows: ReportRow[]): string {
  const p = d.pod;
  const span = timelineSpan(rows);
  const top = d.findings[0];
  const where = `${p.namespace}/${p.name}${p.cluster ? ` on cluster ${p.cluster}` : ''}`;
  const when =
    span.from !== undefined && span.to !== undefined
      ? ` between ${formatDateTime(span.from)} and ${formatDateTime(span.to)}`
      : '';
  const cause = top ? ` Cause: ${top.title}.` : ' No finding explains it.';
  return `${where} was ${p.status} with ${p.restarts} restart${p.restarts === 1 ? '' : 's'}${when}.${cause}`;
}

/** Builds the pod report: summary sentence, timeline rows, chain, commands and the Markdown. */
export function buildPodReport(d: PodDiagnosis): PodReportModel {
  const rows = reportTimelineRows(d);
  const chain = rootCauseChain(d.findings);
  const commands = d.findings.flatMap((f) => f.commands);
  const title = `Postmortem: ${d.pod.namespace}/${d.pod.name} — ${d.pod.status}, ${d.pod.restarts} restarts`;
  const summary = summarize(d, rows);
  const markdown = [
    `# ${title}`,
    `Cluster ${d.pod.cluster ?? 'unknown'} · namespace ${d.pod.namespace} · generated ${formatDateTime(d.generatedAt)}`,
    `## Summary\n\n${summary}`,
    `## Timeline (UTC)\n\n${table(
      ['Time (UTC)', 'Container', 'What happened'],
      rows.map((r) => [formatDateTime(r.at), r.container ?? 'pod', r.text]),
    )}`,
    chainMarkdown(chain),
    findingsMarkdown(d.findings),
    commandsMarkdown(commands),
  ].join('\n\n');
  return { title, summary, rows, chain, commands, markdown: `${markdown}\n` };
}
