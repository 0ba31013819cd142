import type { Evidence } from '@/lib/diagnosis';
import { evidenceHref } from '@/components/format/names';
import { formatClock } from '@/components/format/time';

function describe(evidence: Evidence): string {
  const parts: string[] = [];
  if (evidence.kind === 'log') parts.push(`${evidence.logKind ?? 'previous'} log`);
  else parts.push(evidence.kind);
  if (evidence.container) parts.push(`container ${evidence.container}`);
  if (evidence.runId) parts.push(`run ${evidence.runId}`);
  if (evidence.line !== undefined) parts.push(`line ${evidence.line}`);
  if (evidence.at !== undefined) parts.push(formatClock(evidence.at));
  return parts.join(', ');
}

/** One piece of evidence: where it is, the fact itself (as text), linked to it on the page. */
export function EvidenceLine({ evidence, container }: { evidence: Evidence; container?: string }) {
  const href = evidenceHref(evidence, container);
  const where = describe(evidence);
  return (
    <span className="min-w-0 break-words">
      {href ? (
        <a href={href} className="text-blue-800 underline underline-offset-2">
          {where}
        </a>
      ) : (
        <span>{where}</span>
      )}{' '}
      <code
        className="rounded bg-slate-100 px-1 py-0.5 font-mono text-[0.85em] break-words text-slate-900"
        title={evidence.path}
      >
        {evidence.text}
      </code>
    </span>
  );
}
