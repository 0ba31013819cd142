import type { Metadata } from 'next';
import { PodReport } from '@/components/report/pod-report';
import { LoadFailure } from '@/components/ui/load-failure';
import { loadPod, podRef, type PodParams } from '../load-pod';

export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: { params: PodParams }): Promise<Metadata> {
  const ref = await podRef(params);
  return { title: `Report: ${ref.name}` };
}

/** The printable postmortem of a pod. */
export default async function PodReportPage({ params }: { params: PodParams }) {
  const ref = await podRef(params);
  const loaded = await loadPod(ref.cluster, ref.namespace, ref.name);
  if (!loaded.ok)
    return (
      <LoadFailure
        what={`pod ${ref.namespace}/${ref.name}`}
        cluster={ref.cluster}
        message={loaded.message}
      />
    );
  return <PodReport diagnosis={loaded.view.diagnosis} />;
}
