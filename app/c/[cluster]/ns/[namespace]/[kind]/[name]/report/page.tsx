import type { Metadata } from 'next';
import { WorkloadReport } from '@/components/report/workload-report';
import { loadWorkload, workloadRef, type WorkloadParams } from '../load-workload';

export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: { params: WorkloadParams }): Promise<Metadata> {
  const ref = await workloadRef(params);
  return { title: `Report: ${ref.kind} ${ref.name}` };
}

/** The printable postmortem of a workload. */
export default async function WorkloadReportPage({ params }: { params: WorkloadParams }) {
  const ref = await workloadRef(params);
  const view = await loadWorkload(ref.cluster, ref.namespace, ref.kind, ref.name);
  return <WorkloadReport view={view} />;
}
