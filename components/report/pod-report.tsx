import type { AlertMark } from '@/lib/views/types';
import type { PodDiagnosis } from '@/lib/diagnosis';
import { alertsForContainer } from '@/components/timeline/alert-marks';
import { TimeAxisChart } from '@/components/timeline/time-axis-chart';
import { TimelineLegend } from '@/components/timeline/timeline-legend';
import { ContainerFacts } from '@/components/timeline/container-facts';
import { formatDateTime } from '@/components/format/time';
import { buildPodReport } from './pod-report-model';
import { ReportFrame } from './report-frame';
import { ReportSection, ReportTimelineTable } from './report-sections';

/** The printable postmortem of one pod: fixed 1200 px, light, absolute UTC times. */
export function PodReport({
  diagnosis: d,
  alerts = [],
  standalone = true,
  backHref,
}: {
  diagnosis: PodDiagnosis;
  /** The pod page (omitted for an import, which has no live page). */
  backHref?: string;
  /** Alertmanager alerts about the pod, drawn on the timeline and listed with their times. */
  alerts?: AlertMark[];
  /** False when embedded in another page (the import), which has its own <main>. */
  standalone?: boolean;
}) {
  const model = buildPodReport(d, alerts);
  const fileName = `podtrail-${d.pod.namespace}-${d.pod.name}-${new Date(d.generatedAt).toISOString().slice(0, 16).replace(':', '')}`;
  return (
    <ReportFrame
      standalone={standalone}
      backHref={backHref}
      backLabel={`pod ${d.pod.name}`}
      fileName={fileName}
      markdown={model.markdown}
      title={model.title}
      subtitle={
        <>
          Cluster {d.pod.cluster ?? 'unknown'} · namespace {d.pod.namespace}
          {d.pod.workload ? ` · ${d.pod.workload.kind} ${d.pod.workload.name}` : ''}
          {d.pod.nodeName ? ` · node ${d.pod.nodeName}` : ''} · generated{' '}
          {formatDateTime(d.generatedAt)}
        </>
      }
      summary={model.summary}
      chain={model.chain}
      findings={d.findings}
      commands={model.commands}
    >
      <ReportSection title="Timeline (UTC)">
        {d.containers
          .filter((c) => c.runs.length > 0 || c.restartCount > 0)
          .map((c) => (
            <div key={c.name} className="flex flex-col gap-1">
              <h3 className="font-semibold">container {c.name}</h3>
              <div className="overflow-x-auto">
                <div className="min-w-[640px]">
                  <TimeAxisChart
                    container={c}
                    events={[...c.events, ...d.podEvents]}
                    now={d.generatedAt}
                    postmortem
                    podUid={d.pod.uid}
                    alerts={alertsForContainer(alerts, c.name)}
                  />
                </div>
              </div>
              <ContainerFacts container={c} />
            </div>
          ))}
        <TimelineLegend />
        <ReportTimelineTable rows={model.rows} />
      </ReportSection>
    </ReportFrame>
  );
}
