// Static building blocks of the printable reports (no buttons, no live parts).
import type { Finding, KubectlCommand } from '@/lib/diagnosis';
import { SEVERITY_SYMBOL } from '@/components/format/exit-style';
import { formatDateTime } from '@/components/format/time';
import { WithCode } from '@/components/ui/with-code';
import type { ChainRow } from './root-cause';
import type { ReportRow } from './report-timeline';

const th = 'border border-slate-300 bg-slate-100 px-2 py-1 text-left align-top font-semibold';
const td = 'border border-slate-300 px-2 py-1 align-top';

/** The timeline as a table with absolute UTC times. */
export function ReportTimelineTable({ rows }: { rows: ReportRow[] }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-sm" data-testid="report-timeline">
        <thead>
          <tr>
            <th className={`${th} sm:w-56`}>Time (UTC)</th>
            <th className={`${th} sm:w-32`}>Container</th>
            <th className={th}>What happened</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i}>
              <td className={`${td} font-mono sm:whitespace-nowrap`}>{formatDateTime(r.at)}</td>
              <td className={td}>{r.container ?? 'pod'}</td>
              <td className={`${td} break-words`}>{r.text}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Mistake · consequence · what would have prevented it. */
export function RootCauseTable({ chain }: { chain: ChainRow[] }) {
  if (chain.length === 0) return <p>No warning or critical finding.</p>;
  return (
    <table className="w-full border-collapse text-sm" data-testid="root-cause-chain">
      <thead>
        <tr>
          <th className={`${th} w-8`}>#</th>
          <th className={th}>Mistake</th>
          <th className={th}>Consequence</th>
          <th className={th}>What would have prevented it</th>
        </tr>
      </thead>
      <tbody>
        {chain.map((r, i) => (
          <tr key={r.findingId}>
            <td className={td}>{i + 1}</td>
            <td className={`${td} font-medium`}>
              <WithCode text={r.mistake} />
            </td>
            <td className={td}>
              <WithCode text={r.consequence} />
            </td>
            <td className={td}>
              <WithCode text={r.prevention} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Findings with their evidence, as text. */
export function ReportEvidence({ findings }: { findings: Finding[] }) {
  return (
    <ol className="space-y-3 text-sm">
      {findings.map((f) => (
        <li key={f.id + (f.container ?? '')} data-finding={f.id}>
          <p className="font-semibold">
            {SEVERITY_SYMBOL[f.severity]} <WithCode text={f.title} />{' '}
            <span className="font-normal text-slate-600">
              ({f.id}, {f.severity})
            </span>
          </p>
          <p>{f.explanation}</p>
          <ul className="mt-1 list-disc pl-5">
            {f.evidence.map((e, i) => (
              <li key={i}>
                <span className="text-slate-600">
                  {e.kind === 'log' ? `${e.logKind ?? 'previous'} log` : e.kind}
                  {e.container ? `, ${e.container}` : ''}
                  {e.line !== undefined ? `, line ${e.line}` : ''}
                  {e.path ? `, ${e.path}` : ''}
                  {e.at !== undefined ? `, ${formatDateTime(e.at)}` : ''}:
                </span>{' '}
                <code className="font-mono break-words">{e.text}</code>
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ol>
  );
}

/** The kubectl commands, deduplicated. */
export function ReportCommands({ commands }: { commands: KubectlCommand[] }) {
  const unique = [...new Map(commands.map((c) => [c.command, c])).values()];
  return (
    <pre className="rounded border border-slate-300 bg-slate-50 p-3 font-mono text-sm break-words whitespace-pre-wrap">
      {unique.map((c) => `# ${c.label}\n$ ${c.command}`).join('\n')}
    </pre>
  );
}

/** The 1200 px light page every report sits in. */
export function ReportPage({ id, children }: { id: string; children: React.ReactNode }) {
  return (
    <article
      id={id}
      className="report mx-auto flex w-full max-w-[1200px] flex-col gap-5 bg-white p-4 text-slate-900 sm:p-10"
      data-testid="report"
    >
      {children}
    </article>
  );
}

/** A report section heading. */
export function ReportSection({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section className="flex flex-col gap-2 break-inside-avoid-page">
      <h2 className="border-b border-slate-300 pb-1 text-xl font-bold">{title}</h2>
      {children}
    </section>
  );
}
