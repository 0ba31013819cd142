// The workload postmortem: summary, revisions (what changed), pods replaced, chain, evidence.
import type { WorkloadView } from '@/lib/views/types';
import { formatDateTime } from '@/components/format/time';
import { chainMarkdown, commandsMarkdown, findingsMarkdown, table } from './markdown';
import { rootCauseChain, type ChainRow } from './root-cause';

export interface WorkloadReportModel {
  title: string;
  summary: string;
  chain: ChainRow[];
  markdown: string;
}

function summarize(v: WorkloadView): string {
  const live = v.pods.filter((p) => !p.deletedAt);
  const replaced = v.pods.length - live.length;
  const restarts = live.reduce((n, p) => n + p.restarts, 0);
  const rollbacks = v.revisions.filter((r) => r.rolledBackTo).length;
  const top = v.findings[0];
  return `${v.kind} ${v.namespace}/${v.name} on cluster ${v.cluster} has ${live.length} pod${live.length === 1 ? '' : 's'} with ${restarts} restarts, ${replaced} pod${replaced === 1 ? '' : 's'} replaced, ${v.revisions.length} revision${v.revisions.length === 1 ? '' : 's'} and ${rollbacks} rollback${rollbacks === 1 ? '' : 's'}.${top ? ` Cause: ${top.title}.` : ''}`;
}

/** Builds the workload report model and its Markdown. */
export function buildWorkloadReport(v: WorkloadView): WorkloadReportModel {
  const chain = rootCauseChain(v.findings);
  const title = `Postmortem: ${v.kind} ${v.namespace}/${v.name}`;
  const summary = summarize(v);
  const revisions = [...v.revisions].sort((a, b) => a.revision - b.revision);
  const markdown = [
    `# ${title}`,
    `Cluster ${v.cluster} · generated ${formatDateTime(v.generatedAt)}`,
    `## Summary\n\n${summary}`,
    `## Revisions (UTC)\n\n${table(
      ['Revision', 'Created (UTC)', 'ReplicaSet', 'Images', 'What changed'],
      revisions.map((r) => [
        `${r.revision}${r.rolledBackTo ? ' (rolled back to)' : ''}${r.crashed ? ' (crashed)' : ''}`,
        r.createdAt ? formatDateTime(r.createdAt) : '—',
        r.replicaSet,
        r.images.join(', '),
        r.changes
          .map(
            (c) =>
              `${c.field}${c.container ? ` (${c.container})` : ''}: ${c.before ?? '∅'} → ${c.after ?? '∅'}`,
          )
          .join('; ') || '—',
      ]),
    )}`,
    `## Pods (UTC)\n\n${table(
      ['Pod', 'Node', 'Status', 'Restarts', 'Created', 'Deleted', 'Digests'],
      v.pods.map((p) => [
        p.name,
        p.nodeName ?? '—',
        p.status,
        String(p.restarts),
        p.createdAt ? formatDateTime(p.createdAt) : '—',
        p.deletedAt ? formatDateTime(p.deletedAt) : '—',
        Object.entries(p.imageDigests)
          .map(([c, d]) => `${c}: ${d}`)
          .join(', '),
      ]),
    )}`,
    chainMarkdown(chain),
    findingsMarkdown(v.findings),
    commandsMarkdown(v.findings.flatMap((f) => f.commands)),
  ].join('\n\n');
  return { title, summary, chain, markdown: `${markdown}\n` };
}
