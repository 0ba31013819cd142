import type { Metadata } from 'next';
import { AppShell } from '@/components/ui/app-shell';
import { LivePod } from '@/components/pod/live-pod';
import { plainTitle, podPath } from '@/components/format/names';
import { causeAndTrap } from '@/lib/diagnosis';
import { loadPod, loadPodRoute, podRef, type PodParams } from './load-pod';
import { podTitle } from '@/components/pod/pod-title';

export const dynamic = 'force-dynamic';

type SearchParams = Promise<{ container?: string | string[] }>;

/** The link preview names the pod and its state. */
export async function generateMetadata({ params }: { params: PodParams }): Promise<Metadata> {
  const ref = await podRef(params);
  const loaded = await loadPod(ref.cluster, ref.namespace, ref.name);
  if (!loaded.ok) return { title: `${ref.name} — could not load` };
  const view = loaded.view;
  const d = view.diagnosis;
  const title = podTitle(d);
  const cause = causeAndTrap(d.findings).cause;
  const description = cause
    ? `${plainTitle(cause.title)} (${d.pod.namespace}, cluster ${view.cluster})`
    : `${d.pod.namespace}, cluster ${view.cluster}: no finding`;
  return {
    title,
    description,
    openGraph: { title, description, type: 'website' },
    twitter: { title, description },
  };
}

/** The pod page: cause, timeline, previous log, findings. */
export default async function PodPage({
  params,
  searchParams,
}: {
  params: PodParams;
  searchParams: SearchParams;
}) {
  const route = await loadPodRoute(params);
  if ('failure' in route) return route.failure;
  const { ref, view } = route;
  const sp = await searchParams;
  const container = Array.isArray(sp.container) ? sp.container[0] : sp.container;
  const base = podPath(ref.cluster, ref.namespace, ref.name);
  return (
    <AppShell>
      <LivePod initial={view} container={container} basePath={base} reportHref={`${base}/report`} />
    </AppShell>
  );
}
