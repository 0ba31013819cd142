// The one query-key factory and the queryOptions built on it.
import { queryOptions } from '@tanstack/react-query';
import { retryUnlessClientError } from './api-error';
import { fetchBoard, fetchHealth, fetchPod, type BoardFilters, type PodRef } from './fetchers';

/** Query keys of every Podtrail query, hierarchical so invalidation can target a subtree. */
export const podtrailKeys = {
  all: ['podtrail'] as const,
  board: (filters: BoardFilters) =>
    [
      ...podtrailKeys.all,
      'board',
      { cluster: filters.cluster, namespace: filters.namespace, severity: filters.severity },
    ] as const,
  pod: (ref: PodRef) => [...podtrailKeys.all, 'pod', ref.cluster, ref.namespace, ref.name] as const,
  health: () => [...podtrailKeys.all, 'health'] as const,
};

/** The board query. */
export function boardQuery(filters: BoardFilters) {
  return queryOptions({
    queryKey: podtrailKeys.board(filters),
    queryFn: () => fetchBoard(filters),
    retry: retryUnlessClientError,
  });
}

/** One pod's query. */
export function podQuery(ref: PodRef) {
  return queryOptions({
    queryKey: podtrailKeys.pod(ref),
    queryFn: () => fetchPod(ref),
    retry: retryUnlessClientError,
  });
}

/** Podtrail's own health (what every page must mention), every 30 s. */
export function healthQuery() {
  return queryOptions({
    queryKey: podtrailKeys.health(),
    queryFn: fetchHealth,
    refetchInterval: 30_000,
    staleTime: 15_000,
  });
}
