import type { Metadata } from 'next';
import { AppShell } from '@/components/ui/app-shell';
import { HealthNotice } from '@/components/ui/health-notice';
import { WorkloadPresentation } from '@/components/workload/workload-presentation';
import { plainTitle, workloadPath } from '@/components/format/names';
import { causeAndTrap } from '@/lib/diagnosis';
import { loadWorkload, loadWorkloadRoute, workloadRef, type WorkloadParams } from './load-workload';

export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: { params: WorkloadParams }): Promise<Metadata> {
  const ref = await workloadRef(params);
  const loaded = await loadWorkload(ref.cluster, ref.namespace, ref.kind, ref.name);
  if (!loaded.ok) return { title: `${ref.kind} ${ref.name} — could not load` };
  const view = loaded.view;
  const cause = causeAndTrap(view.findings).cause;
  const title = `${view.kind} ${view.name} — ${cause ? plainTitle(cause.title) : 'no finding'}`;
  return { title, openGraph: { title } };
}

/** The workload page: revisions and what changed, pods replaced, digests per node, findings. */
export default async function WorkloadPage({ params }: { params: WorkloadParams }) {
  const route = await loadWorkloadRoute(params);
  if ('failure' in route) return route.failure;
  const { ref, view } = route;
  const base = workloadPath(ref.cluster, ref.namespace, ref.kind, ref.name);
  return (
    <AppShell>
      <HealthNotice
        health={view.health}
        generatedAt={view.generatedAt}
        namespace={view.namespace}
      />
      <WorkloadPresentation view={view} reportHref={`${base}/report`} />
    </AppShell>
  );
}
