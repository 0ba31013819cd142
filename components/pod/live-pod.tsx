'use client';

import type { PodView } from '@/lib/views/types';
import { useLivePod } from '@/lib/api-client';
import { StaleBanner } from '@/components/board/stale-banner';
import { useNow } from '@/components/ui/use-now';
import { PodPresentation } from './pod-presentation';

/** The pod page, live: server-rendered first, then refreshed by the stream. */
export function LivePod({
  initial,
  container,
  basePath,
  reportHref,
}: {
  initial: PodView;
  container?: string;
  basePath: string;
  reportHref: string;
}) {
  const ref = {
    cluster: initial.cluster,
    namespace: initial.diagnosis.pod.namespace,
    name: initial.diagnosis.pod.name,
  };
  const live = useLivePod(ref, initial);
  const view = live.data ?? initial;
  const now = useNow(initial.diagnosis.generatedAt, 5000);
  const stale =
    live.connection !== 'live' || view.health.state === 'stale' || view.health.state === 'error';
  const notice = (
    <>
      {stale && (
        <StaleBanner
          since={live.lastUpdateAt ?? view.diagnosis.generatedAt}
          now={now}
          what={live.connection === 'stale' ? 'connection' : `cluster ${view.cluster} watch`}
        />
      )}
      {view.fromHistory && (
        <p role="status" className="rounded border border-amber-500 bg-amber-50 p-3 text-amber-950">
          This pod no longer exists; what follows is from Podtrail&apos;s history.
        </p>
      )}
    </>
  );
  return (
    <PodPresentation
      diagnosis={view.diagnosis}
      logs={view.logs}
      container={container}
      basePath={basePath}
      reportHref={reportHref}
      source={stale ? 'possibly stale data' : 'live'}
      notice={notice}
      alerts={view.alerts}
    />
  );
}
