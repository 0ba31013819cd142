import type { WorkloadView } from '@/lib/views/types';
import { RevisionsTable } from '@/components/workload/revisions-table';
import { WorkloadPodsTable } from '@/components/workload/workload-pods-table';
import { formatDateTime } from '@/components/format/time';
import { worstFirst } from '@/components/format/exit-style';
import { buildWorkloadReport } from './workload-report-model';
import { ReportFrame } from './report-frame';
import { ReportSection } from './report-sections';

/** The printable postmortem of a workload. */
export function WorkloadReport({
  view: raw,
  backHref,
}: {
  view: WorkloadView;
  /** The workload page. */
  backHref?: string;
}) {
  const view = { ...raw, findings: worstFirst(raw.findings) };
  const model = buildWorkloadReport(view);
  return (
    <ReportFrame
      backHref={backHref}
      backLabel={`${raw.kind} ${raw.name}`}
      fileName={`podtrail-${view.namespace}-${view.kind.toLowerCase()}-${view.name}`}
      markdown={model.markdown}
      title={model.title}
      subtitle={
        <>
          Cluster {view.cluster} · generated {formatDateTime(view.generatedAt)}
        </>
      }
      summary={model.summary}
      chain={model.chain}
      findings={view.findings}
      commands={view.findings.flatMap((f) => f.commands)}
    >
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
    </ReportFrame>
  );
}
