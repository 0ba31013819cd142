// Everything the pod report shows, computed once and rendered twice (HTML and Markdown).
import type { AlertMark } from '@/lib/views/types';
import type { KubectlCommand, PodDiagnosis } from '@/lib/diagnosis';
import { alertText } from '@/components/timeline/alert-marks';
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

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

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

/** Alert rows: one when it fired, one when it resolved. */
function alertRows(alerts: AlertMark[]): ReportRow[] {
  return alerts.flatMap((a) => {
    const about = a.container ?? undefined;
    const rows: ReportRow[] = [
      {
        at: a.startsAt,
        container: about,
        text: `alert ${a.alertname} fired${a.summary ? `: ${a.summary}` : ''}`,
      },
    ];
    if (a.endsAt !== undefined)
      rows.push({ at: a.endsAt, container: about, text: `alert ${a.alertname} resolved` });
    return rows;
  });
}

/** Builds the pod report: summary sentence, timeline rows, chain, commands and the Markdown. */
export function buildPodReport(d: PodDiagnosis, alerts: AlertMark[] = []): PodReportModel {
  const rows = [...reportTimelineRows(d), ...alertRows(alerts)].sort((a, b) => a.at - b.at);
  const chain = rootCauseChain(d.findings);
  const commands = d.findings.flatMap((f) => f.commands);
  const title = `Postmortem: ${d.pod.namespace}/${d.pod.name} — ${d.pod.status}, ${d.pod.restarts} restarts`;
  const summary = [summarize(d, rows), ...alerts.map((a) => `${capitalize(alertText(a))}.`)].join(
    ' ',
  );
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
