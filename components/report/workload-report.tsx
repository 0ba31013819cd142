import type { WorkloadView } from '@/lib/views/types';
import { RevisionsTable } from '@/components/workload/revisions-table';
import { WorkloadPodsTable } from '@/components/workload/workload-pods-table';
import { formatDateTime } from '@/components/format/time';
import { WithCode } from '@/components/ui/with-code';
import { worstFirst } from '@/components/format/exit-style';
import { buildWorkloadReport } from './workload-report-model';
import { ReportActions } from './report-actions';
import {
  ReportCommands,
  ReportEvidence,
  ReportPage,
  ReportSection,
  RootCauseTable,
} from './report-sections';

/** The printable postmortem of a workload. */
export function WorkloadReport({ view: raw }: { view: WorkloadView }) {
  const view = { ...raw, findings: worstFirst(raw.findings) };
  const model = buildWorkloadReport(view);
  const fileName = `podtrail-${view.namespace}-${view.kind.toLowerCase()}-${view.name}`;
  return (
    <main className="min-h-screen bg-slate-200 py-6 print:bg-white print:py-0">
      <div className="mx-auto mb-4 w-[1200px]">
        <ReportActions targetId="report" fileName={fileName} markdown={model.markdown} />
      </div>
      <ReportPage id="report">
        <header>
          <h1 className="text-3xl font-bold">{model.title}</h1>
          <p className="text-slate-700">
            Cluster {view.cluster} · generated {formatDateTime(view.generatedAt)}
          </p>
        </header>
        <ReportSection title="Summary">
          <p className="text-lg" data-testid="report-summary">
            <WithCode text={model.summary} />
          </p>
        </ReportSection>
        <ReportSection title="Revisions">
          <RevisionsTable revisions={view.revisions} now={view.generatedAt} />
        </ReportSection>
        <ReportSection title="Pods and digests">
          <WorkloadPodsTable
            pods={view.pods}
            cluster={view.cluster}
            namespace={view.namespace}
            now={view.generatedAt}
          />
        </ReportSection>
        <ReportSection title="Root-cause chain">
          <RootCauseTable chain={model.chain} />
        </ReportSection>
        <ReportSection title="Evidence">
          <ReportEvidence findings={view.findings} />
        </ReportSection>
        <ReportSection title="kubectl commands">
          <ReportCommands commands={view.findings.flatMap((f) => f.commands)} />
        </ReportSection>
      </ReportPage>
    </main>
  );
}
