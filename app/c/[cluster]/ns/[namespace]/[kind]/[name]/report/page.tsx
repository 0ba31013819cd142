import type { Metadata } from 'next';
import { WorkloadReport } from '@/components/report/workload-report';
import { LoadFailure } from '@/components/ui/load-failure';
import { loadWorkload, workloadRef, type WorkloadParams } from '../load-workload';

export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: { params: WorkloadParams }): Promise<Metadata> {
  const ref = await workloadRef(params);
  return { title: `Report: ${ref.kind} ${ref.name}` };
}

/** The printable postmortem of a workload. */
export default async function WorkloadReportPage({ params }: { params: WorkloadParams }) {
  const ref = await workloadRef(params);
  const loaded = await loadWorkload(ref.cluster, ref.namespace, ref.kind, ref.name);
  if (!loaded.ok)
    return (
      <LoadFailure
        what={`${ref.kind} ${ref.namespace}/${ref.name}`}
        cluster={ref.cluster}
        message={loaded.message}
      />
    );
  return <WorkloadReport view={loaded.view} />;
}
