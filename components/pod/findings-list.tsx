import type { Finding } from '@/lib/diagnosis';
import { SeverityBadge } from '@/components/ui/severity-badge';
import { findingAnchor } from '@/components/format/names';
import { CommandLine } from './command-line';
import { AdviceRows } from './advice-list';
import { EvidenceLine } from './evidence-line';
import { WithCode } from '@/components/ui/with-code';

// The cause block above shows the first two pieces of evidence, the advice and two commands of
// the cause: its list item keeps only the rest, so nothing is said twice on one page.
const SHOWN_IN_CAUSE = 2;

function FindingItem({ finding, isCause }: { finding: Finding; isCause: boolean }) {
  const evidence = isCause ? finding.evidence.slice(SHOWN_IN_CAUSE) : finding.evidence;
  const commands = isCause ? finding.commands.slice(SHOWN_IN_CAUSE) : finding.commands;
  return (
    <li
      id={findingAnchor(finding.id)}
      data-finding={finding.id}
      className="scroll-mt-4 rounded-lg border border-slate-300 p-3 target:ring-2 target:ring-blue-700"
    >
      <div className="flex flex-wrap items-center gap-2">
        <SeverityBadge severity={finding.severity} />
        <h3 className="font-semibold">
          <WithCode text={finding.title} />
        </h3>
        <code className="text-xs text-slate-500" title="finding id">
          {finding.id}
        </code>
      </div>
      <p className="mt-1 text-slate-800">
        <WithCode text={finding.explanation} />
      </p>
      {isCause && (
        <p className="mt-1 text-sm text-slate-600">
          Evidence, advice and commands: see{' '}
          <a href="#cause-heading" className="underline">
            Cause
          </a>{' '}
          above{evidence.length + commands.length > 0 ? ' (more below)' : ''}.
        </p>
      )}
      {evidence.length > 0 && (
        <ul className="mt-2 space-y-1 text-sm" aria-label="Evidence">
          {evidence.map((evidence, i) => (
            <li key={i} className="flex gap-1">
              <span aria-hidden>•</span>
              <EvidenceLine evidence={evidence} container={finding.container} />
            </li>
          ))}
        </ul>
      )}
      {!isCause && (finding.doNext.length > 0 || finding.dont.length > 0) && (
        <dl className="mt-2 grid grid-cols-[5.5rem_1fr] gap-x-2 gap-y-1 text-sm">
          <AdviceRows finding={finding} />
        </dl>
      )}
      {commands.length > 0 && (
        <div className="mt-2 space-y-2">
          {commands.map((command) => (
            <CommandLine key={command.command} command={command} />
          ))}
        </div>
      )}
    </li>
  );
}

/** Every finding, worst first, each with links to its evidence. */
export function FindingsList({
  findings,
  cause,
}: {
  findings: Finding[];
  /** The finding the cause block shows (its details are not repeated). */
  cause?: Finding;
}) {
  return (
    <section aria-labelledby="findings-heading">
      <h2 id="findings-heading" className="text-lg font-semibold">
        Findings ({findings.length})
      </h2>
      {findings.length === 0 ? (
        <p className="text-slate-600">No findings.</p>
      ) : (
        <ol className="mt-2 space-y-3">
          {findings.map((finding) => (
            <FindingItem
              key={finding.id + (finding.container ?? '')}
              finding={finding}
              isCause={finding === cause}
            />
          ))}
        </ol>
      )}
    </section>
  );
}
