import type { Metadata } from 'next';
import { WorkloadReport } from '@/components/report/workload-report';
import { workloadPath } from '@/components/format/names';
import { loadWorkloadRoute, workloadRef, type WorkloadParams } from '../load-workload';

export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: { params: WorkloadParams }): Promise<Metadata> {
  const ref = await workloadRef(params);
  return { title: `Report: ${ref.kind} ${ref.name}` };
}

/** The printable postmortem of a workload. */
export default async function WorkloadReportPage({ params }: { params: WorkloadParams }) {
  const route = await loadWorkloadRoute(params);
  if ('failure' in route) return route.failure;
  const { ref } = route;
  return (
    <WorkloadReport
      view={route.view}
      backHref={workloadPath(ref.cluster, ref.namespace, ref.kind, ref.name)}
    />
  );
}
