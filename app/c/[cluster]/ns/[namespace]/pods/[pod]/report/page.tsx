import type { Metadata } from 'next';
import { PodReport } from '@/components/report/pod-report';
import { podPath } from '@/components/format/names';
import { loadPodRoute, podRef, type PodParams } from '../load-pod';

export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: { params: PodParams }): Promise<Metadata> {
  const ref = await podRef(params);
  return { title: `Report: ${ref.name}` };
}

/** The printable postmortem of a pod. */
export default async function PodReportPage({ params }: { params: PodParams }) {
  const route = await loadPodRoute(params);
  if ('failure' in route) return route.failure;
  const { ref } = route;
  return (
    <PodReport
      diagnosis={route.view.diagnosis}
      alerts={route.view.alerts}
      backHref={podPath(ref.cluster, ref.namespace, ref.name)}
    />
  );
}
