'use client';

import type { PodView } from '@/lib/views/types';
import { useLivePod } from '@/lib/api-client';
import { useEffect } from 'react';
import { FreshnessNotices } from '@/components/board/stale-banner';
import { formatClock } from '@/components/format/time';
import { freshnessOf, noAccessFor } from '@/components/ui/freshness';
import { useNow } from '@/components/ui/use-now';
import Link from 'next/link';
import { Timestamp } from '@/components/ui/timestamp';
import { podPath } from '@/components/format/names';
import { PodPresentation } from './pod-presentation';
import { podTitle } from './pod-title';

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
  // Only a lasting outage earns the banner (never the first instant of a page load), and it
  // counts from the outage's start, so it does not reset with each message.
  const fresh = freshnessOf([view.health], live, view.diagnosis.generatedAt);
  const stale = fresh.outage;
  const noAccess = noAccessFor(fresh, view.cluster, ref.namespace);
  // The tab's title follows the pod (a background tab shows it crash-looping).
  const title = `${podTitle(view.diagnosis)} · Podtrail`;
  useEffect(() => {
    document.title = title;
  }, [title]);
  const notice = (
    <>
      <FreshnessNotices fresh={fresh} noAccess={noAccess ? [noAccess] : []} now={now} />
      {view.fromHistory && (
        <p
          role="status"
          data-testid="deleted-notice"
          className="rounded border border-amber-500 bg-amber-50 p-3 text-amber-950"
        >
          This pod was deleted
          {view.deletedAt !== undefined && (
            <>
              {' '}
              (gone at <Timestamp at={view.deletedAt} />)
            </>
          )}
          ; what follows is its own record from Podtrail&apos;s history, not live data.
          {view.replacedBy && (
            <>
              {' '}
              Its replacement is{' '}
              <Link
                href={podPath(view.cluster, ref.namespace, view.replacedBy)}
                className="font-semibold underline"
              >
                {view.replacedBy}
              </Link>
              .
            </>
          )}
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
      source={
        view.fromHistory
          ? 'recorded history'
          : noAccess
            ? `no access since ${noAccess.since ? formatClock(noAccess.since) : 'now'} — last known data`
            : stale
              ? 'possibly stale data'
              : 'live'
      }
      notice={notice}
      alerts={view.alerts}
    />
  );
}
