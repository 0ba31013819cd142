import type { Finding } from '@/lib/diagnosis';
import { SeverityIcon } from '@/components/ui/severity-badge';
import { findingAnchor } from '@/components/format/names';
import { CommandLine } from './command-line';
import { AdviceRows } from './advice-list';
import { EvidenceLine } from './evidence-line';
import { WithCode } from '@/components/ui/with-code';

/** The first block of the pod page: the top finding, its evidence, what to do and what not to. */
export function CauseBlock({ finding, status }: { finding?: Finding; status: string }) {
  if (!finding) {
    return (
      <section aria-labelledby="cause-heading" className="rounded-lg border border-slate-300 p-4">
        <h2
          id="cause-heading"
          className="text-sm font-semibold tracking-wide text-slate-600 uppercase"
        >
          Cause
        </h2>
        <p className="mt-1 text-lg">
          No finding. The pod is <strong>{status}</strong>; nothing in its status, events or log
          matches a known failure.
        </p>
      </section>
    );
  }
  const border =
    finding.severity === 'critical'
      ? 'border-red-700'
      : finding.severity === 'warning'
        ? 'border-amber-500'
        : 'border-sky-600';
  return (
    <section
      aria-labelledby="cause-heading"
      data-testid="cause"
      data-finding={finding.id}
      className={`rounded-lg border-2 ${border} bg-white p-4`}
    >
      <h2
        id="cause-heading"
        className="text-sm font-semibold tracking-wide text-slate-600 uppercase"
      >
        Cause
      </h2>
      <p className="mt-1 flex items-start gap-2 text-xl leading-snug font-semibold">
        <SeverityIcon severity={finding.severity} className="mt-1 size-6" />
        <a href={`#${findingAnchor(finding.id)}`} className="hover:underline">
          <WithCode text={finding.title} />
        </a>
      </p>
      <dl className="mt-3 grid grid-cols-1 gap-x-4 gap-y-2 text-base sm:grid-cols-[7rem_1fr]">
        {finding.evidence.slice(0, 2).map((evidence, i) => (
          <div key={i} className="contents">
            <dt className="font-medium text-slate-600">{i === 0 ? 'evidence' : ''}</dt>
            <dd className="min-w-0">
              <EvidenceLine evidence={evidence} container={finding.container} />
            </dd>
          </div>
        ))}
        <AdviceRows finding={finding} />
      </dl>
      {finding.commands.length > 0 && (
        <div className="mt-3 space-y-2 border-t border-slate-200 pt-3">
          {finding.commands.slice(0, 2).map((command) => (
            <CommandLine key={command.command} command={command} />
          ))}
        </div>
      )}
    </section>
  );
}
