import type { Finding } from '@/lib/diagnosis';
import { SeverityIcon } from '@/components/ui/severity-badge';
import { findingAnchor } from '@/components/format/names';
import { CommandLine } from './command-line';
import { AdviceRows } from './advice-list';
import { EvidenceLine } from './evidence-line';
import { WithCode } from '@/components/ui/with-code';

/** The first block of the pod page: the top finding, its evidence, what to do and what not to. */
export function CauseBlock({
  finding,
  trap,
  status,
}: {
  finding?: Finding;
  /** A process trap (pods deleted → back-off reset): its own line, never in the cause's place. */
  trap?: Finding;
  status: string;
}) {
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
  const first = finding.commands[0];
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
      <p className="mt-1 flex items-start gap-2 text-lg leading-snug font-semibold sm:text-xl">
        <SeverityIcon severity={finding.severity} className="mt-1 size-6" />
        <a
          href={`#${findingAnchor(finding.id)}`}
          className="min-w-0 break-words hover:underline"
          data-testid="cause-title"
        >
          <WithCode text={finding.title} />
        </a>
      </p>
      {trap && (
        <p
          className="mt-2 flex items-start gap-2 text-base font-semibold text-amber-900"
          data-testid="cause-trap"
        >
          <span aria-hidden="true">⚠</span>
          <a href={`#${findingAnchor(trap.id)}`} className="min-w-0 break-words hover:underline">
            <WithCode text={trap.title} />
          </a>
        </p>
      )}
      <dl className="mt-3 grid grid-cols-1 gap-x-4 gap-y-2 text-sm sm:grid-cols-[7rem_1fr] sm:text-base">
        {finding.evidence.slice(0, 2).map((evidence, i) => (
          // On a phone only the first piece of evidence shows here (the rest is in the findings).
          <div key={i} className={i === 0 ? 'contents' : 'hidden sm:contents'}>
            <dt className="font-medium text-slate-600">{i === 0 ? 'evidence' : ''}</dt>
            <dd className="min-w-0">
              <EvidenceLine evidence={evidence} container={finding.container} />
            </dd>
          </div>
        ))}
        {first && (
          // A phone's first screen: cause, evidence and one command, then the advice.
          <div className="border-t border-slate-200 pt-2 sm:hidden" data-testid="cause-command">
            <dt className="sr-only">command</dt>
            <dd>
              <CommandLine command={first} />
            </dd>
          </div>
        )}
        <AdviceRows finding={finding} />
      </dl>
      {finding.commands.length > 0 && (
        <div
          className={`mt-3 space-y-2 border-t border-slate-200 pt-3 ${finding.commands.length < 2 ? 'hidden sm:block' : ''}`}
        >
          {finding.commands.slice(0, 2).map((command, i) => (
            <div key={command.command} className={i === 0 ? 'hidden sm:block' : undefined}>
              <CommandLine command={command} />
            </div>
          ))}
        </div>
      )}
    </section>
  );
}
