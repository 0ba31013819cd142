import type { PodDiagnosis } from '@/lib/diagnosis/types';
import { TimeAxisChart } from '@/components/timeline/time-axis-chart';
import { TimelineLegend } from '@/components/timeline/timeline-legend';
import { ContainerFacts } from '@/components/timeline/container-facts';
import { formatDateTime } from '@/components/format/time';
import { WithCode } from '@/components/ui/with-code';
import { buildPodReport } from './pod-report-model';
import { ReportActions } from './report-actions';
import {
  ReportCommands,
  ReportEvidence,
  ReportPage,
  ReportSection,
  ReportTimelineTable,
  RootCauseTable,
} from './report-sections';

/** The printable postmortem of one pod: fixed 1200 px, light, absolute UTC times. */
export function PodReport({
  diagnosis: d,
  standalone = true,
}: {
  diagnosis: PodDiagnosis;
  /** False when embedded in another page (the import), which has its own <main>. */
  standalone?: boolean;
}) {
  const Root = standalone ? 'main' : 'div';
  const model = buildPodReport(d);
  const fileName = `podtrail-${d.pod.namespace}-${d.pod.name}-${new Date(d.generatedAt).toISOString().slice(0, 16).replace(':', '')}`;
  return (
    <Root className="min-h-screen bg-slate-200 py-6 print:bg-white print:py-0">
      <div className="mx-auto mb-4 w-[1200px]">
        <ReportActions targetId="report" fileName={fileName} markdown={model.markdown} />
      </div>
      <ReportPage id="report">
        <header>
          <h1 className="text-3xl font-bold">{model.title}</h1>
          <p className="text-slate-700">
            Cluster {d.pod.cluster ?? 'unknown'} · namespace {d.pod.namespace}
            {d.pod.workload ? ` · ${d.pod.workload.kind} ${d.pod.workload.name}` : ''}
            {d.pod.nodeName ? ` · node ${d.pod.nodeName}` : ''} · generated{' '}
            {formatDateTime(d.generatedAt)}
          </p>
        </header>
        <ReportSection title="Summary">
          <p className="text-lg" data-testid="report-summary">
            <WithCode text={model.summary} />
          </p>
        </ReportSection>
        <ReportSection title="Timeline (UTC)">
          {d.containers
            .filter((c) => c.runs.length > 0 || c.restartCount > 0)
            .map((c) => (
              <div key={c.name} className="flex flex-col gap-1">
                <h3 className="font-semibold">container {c.name}</h3>
                <TimeAxisChart
                  container={c}
                  events={[...c.events, ...d.podEvents]}
                  now={d.generatedAt}
                />
                <ContainerFacts container={c} />
              </div>
            ))}
          <TimelineLegend />
          <ReportTimelineTable rows={model.rows} />
        </ReportSection>
        <ReportSection title="Root-cause chain">
          <RootCauseTable chain={model.chain} />
        </ReportSection>
        <ReportSection title="Evidence">
          <ReportEvidence findings={d.findings} />
        </ReportSection>
        <ReportSection title="kubectl commands">
          <ReportCommands commands={model.commands} />
        </ReportSection>
      </ReportPage>
    </Root>
  );
}
