import Link from 'next/link';
import type { PodSummary } from '@/lib/diagnosis';
import { PageActions } from '@/components/ui/page-actions';
import { Timestamp } from '@/components/ui/timestamp';
import { workloadPath } from '@/components/format/names';

/** Pod name, kubectl's STATUS and restarts, where it lives, and the report / link actions. */
export function PodHeader({
  pod,
  generatedAt,
  reportHref,
  source,
}: {
  pod: PodSummary;
  generatedAt: number;
  reportHref?: string;
  /** Where the data came from, e.g. "live" or "import (nothing stored)". */
  source: string;
}) {
  const cluster = pod.cluster;
  return (
    <header className="flex flex-col gap-2">
      <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
        {/* On a phone the namespace is in the line below: the name keeps one line, so the cause
            block starts on the first screen. */}
        <h1 className="min-w-0 text-xl font-bold break-words sm:text-2xl">
          <span className="hidden text-slate-600 sm:inline">{pod.namespace} / </span>
          {pod.name}
        </h1>
        <p className="text-lg font-semibold sm:text-xl" data-testid="pod-status">
          <span title="kubectl get pod: STATUS">{pod.status}</span> ·{' '}
          <span title="sum of status.containerStatuses[].restartCount">
            {pod.restarts} restart{pod.restarts === 1 ? '' : 's'}
          </span>
        </p>
      </div>
      <div className="flex flex-wrap items-center justify-between gap-2 text-sm text-slate-700">
        <p className="min-w-0 break-words">
          {cluster && <>cluster {cluster} · </>}ns {pod.namespace}
          {pod.workload && (
            <>
              {' · '}
              {cluster ? (
                <Link
                  href={workloadPath(cluster, pod.namespace, pod.workload.kind, pod.workload.name)}
                  className="text-blue-800 underline underline-offset-2"
                >
                  {pod.workload.kind} {pod.workload.name}
                </Link>
              ) : (
                <>
                  {pod.workload.kind} {pod.workload.name}
                </>
              )}
            </>
          )}
          {pod.nodeName && <span title="spec.nodeName"> · node {pod.nodeName}</span>}
          {' · '}
          {source} as of <Timestamp at={generatedAt} />
        </p>
        <PageActions reportHref={reportHref} />
      </div>
    </header>
  );
}
