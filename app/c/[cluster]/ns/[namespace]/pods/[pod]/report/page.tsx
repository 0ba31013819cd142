import type { Metadata } from 'next';
import { PodReport } from '@/components/report/pod-report';
import { loadPod, podRef, type PodParams } from '../load-pod';

export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: { params: PodParams }): Promise<Metadata> {
  const ref = await podRef(params);
  return { title: `Report: ${ref.name}` };
}

/** The printable postmortem of a pod. */
export default async function PodReportPage({ params }: { params: PodParams }) {
  const ref = await podRef(params);
  const view = await loadPod(ref.cluster, ref.namespace, ref.name);
  return <PodReport diagnosis={view.diagnosis} />;
}
