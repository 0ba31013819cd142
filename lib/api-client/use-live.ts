'use client';
// The live hooks pages use: server-rendered data first, then the SSE stream keeps it current.
import { useQuery } from '@tanstack/react-query';
import type { BoardView, PodView } from '../views/types';
import { streamUrl, type BoardFilters, type PodRef } from './fetchers';
import { boardQuery, podQuery } from './query-keys';
import { useLiveStream, type LiveConnection } from './use-live-stream';

/** Live data plus its connection state. */
export interface LiveResult<T> extends LiveConnection {
  data: T | undefined;
  error: Error | null;
}

/** The board, kept live by /api/stream (refetching every 10 s while the stream is down). */
export function useLiveBoard(
  filters: BoardFilters,
  initialData?: BoardView,
): LiveResult<BoardView> {
  const options = boardQuery(filters);
  const live = useLiveStream(streamUrl({ type: 'board', filters }), 'board', options.queryKey);
  const query = useQuery({
    ...options,
    initialData,
    initialDataUpdatedAt: initialData?.generatedAt,
    refetchInterval: live.connection === 'live' ? false : 10_000,
  });
  return {
    ...live,
    lastUpdateAt: live.lastUpdateAt ?? query.dataUpdatedAt,
    data: query.data,
    error: query.error,
  };
}

/** One pod, kept live by /api/stream. */
export function useLivePod(ref: PodRef, initialData?: PodView): LiveResult<PodView> {
  const options = podQuery(ref);
  const live = useLiveStream(streamUrl({ type: 'pod', ref }), 'pod', options.queryKey);
  const query = useQuery({
    ...options,
    initialData,
    initialDataUpdatedAt: initialData?.diagnosis.generatedAt,
    refetchInterval: live.connection === 'live' ? false : 10_000,
  });
  return {
    ...live,
    lastUpdateAt: live.lastUpdateAt ?? query.dataUpdatedAt,
    data: query.data,
    error: query.error,
  };
}
