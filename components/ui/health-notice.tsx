'use client';

import type { ClusterHealth } from '@/lib/views/types';
import { FreshnessNotices } from '@/components/board/stale-banner';
import { freshnessOf, noAccessFor } from './freshness';
import { useNow } from './use-now';

/**
 * The outage banner and the no-access mark of a page drawn once from the server (the workload
 * page): what was known when it was drawn, with durations that keep counting.
 */
export function HealthNotice({
  health,
  generatedAt,
  namespace,
}: {
  health: ClusterHealth;
  generatedAt: number;
  namespace?: string;
}) {
  const now = useNow(generatedAt, 5000);
  const fresh = freshnessOf([health], { connection: 'live' }, generatedAt);
  const noAccess = namespace ? noAccessFor(fresh, health.cluster, namespace) : undefined;
  return <FreshnessNotices fresh={fresh} noAccess={noAccess ? [noAccess] : []} now={now} />;
}
