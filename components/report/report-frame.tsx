import Link from 'next/link';
import type { ReactNode } from 'react';
import type { Finding, KubectlCommand } from '@/lib/diagnosis';
import { WithCode } from '@/components/ui/with-code';
import { ReportActions } from './report-actions';
import {
  ReportCommands,
  ReportEvidence,
  ReportPage,
  ReportSection,
  RootCauseTable,
} from './report-sections';
import type { ChainRow } from './root-cause';

/**
 * What every postmortem shares: the download / copy bar, the title, the summary, then (after the
 * report's own sections) the root-cause chain, the evidence and the kubectl commands.
 */
export function ReportFrame({
  standalone = true,
  fileName,
  markdown,
  title,
  subtitle,
  summary,
  chain,
  findings,
  commands,
  children,
  backHref,
  backLabel,
}: {
  /** The live page this report is about (pod or workload). */
  backHref?: string;
  backLabel?: string;
  /** False when embedded in another page (the import), which has its own <main>. */
  standalone?: boolean;
  fileName: string;
  markdown: string;
  title: string;
  /** The line under the title: where it ran and when the report was generated. */
  subtitle: ReactNode;
  summary: string;
  chain: ChainRow[];
  findings: Finding[];
  commands: KubectlCommand[];
  /** The sections between the summary and the root-cause chain. */
  children: ReactNode;
}) {
  const Root = standalone ? 'main' : 'div';
  return (
    <Root className="min-h-screen overflow-x-hidden bg-slate-200 py-6 print:bg-white print:py-0">
      <div className="mx-auto mb-4 flex w-full max-w-[1200px] flex-wrap items-center gap-3 px-3 sm:px-0">
        {backHref && (
          <Link
            href={backHref}
            className="no-print inline-flex min-h-11 items-center text-blue-800 underline"
            data-testid="report-back"
          >
            ← {backLabel ?? 'back'}
          </Link>
        )}
        <ReportActions targetId="report" fileName={fileName} markdown={markdown} />
      </div>
      <ReportPage id="report">
        <header>
          <h1 className="text-3xl font-bold">{title}</h1>
          <p className="text-slate-700">{subtitle}</p>
        </header>
        <ReportSection title="Summary">
          <p className="text-lg" data-testid="report-summary">
            <WithCode text={summary} />
          </p>
        </ReportSection>
        {children}
        <ReportSection title="Root-cause chain">
          <RootCauseTable chain={chain} />
        </ReportSection>
        <ReportSection title="Evidence">
          <ReportEvidence findings={findings} />
        </ReportSection>
        <ReportSection title="kubectl commands">
          <ReportCommands commands={commands} />
        </ReportSection>
      </ReportPage>
    </Root>
  );
}
