'use client';
// Follows one /api/stream scope over the browser's shared live connection (live-link.ts) and
// writes each message into the React Query cache. When the stream drops, the query falls back to
// refetching until the stream is back.
import { useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { LiveMessage } from '../views/types';
import { subscribeLiveScope } from './live-link';

/** The connection state the UI shows ("updated Ns ago", the stale banner). */
export interface LiveConnection {
  connection: 'live' | 'reconnecting' | 'stale';
  /** Epoch ms of the last message (data or heartbeat) received. */
  lastUpdateAt?: number;
  /** Per cluster, the last answer from its API server, as the newest heartbeat said. */
  contact?: Record<string, number>;
  /** Since when the stream to Podtrail has been down (while not live). */
  downSince?: number;
}

/** After this long without the stream, the data is called stale. */
export const staleAfterMs = 15_000;

/** Follows one stream URL; messages of `type` replace the data under `queryKey`. */
export function useLiveStream(
  url: string,
  type: 'board' | 'pod',
  queryKey: QueryKey,
): LiveConnection {
  const client = useQueryClient();
  const [state, setState] = useState<LiveConnection>({ connection: 'reconnecting' });
  const keyText = JSON.stringify(queryKey);
  useEffect(() => {
    const key = JSON.parse(keyText) as QueryKey;
    let downSince: number | undefined;
    const staleTimer = setInterval(() => {
      if (downSince !== undefined && Date.now() - downSince > staleAfterMs) {
        setState((s) => (s.connection === 'stale' ? s : { ...s, connection: 'stale' }));
        void client.invalidateQueries({ queryKey: key });
      }
    }, 5_000);
    const unsubscribe = subscribeLiveScope(url.slice(url.indexOf('?') + 1), {
      onopen: () => {
        if (downSince !== undefined) void client.invalidateQueries({ queryKey: key });
        downSince = undefined;
        setState((s) => ({ ...s, connection: 'live', downSince: undefined }));
      },
      onmessage: (message: LiveMessage) => {
        if (message.type === type) client.setQueryData(key, message.data);
        const contact = message.type === 'ping' ? message.contact : undefined;
        downSince = undefined;
        setState((s) => ({
          connection: 'live',
          lastUpdateAt: Date.now(),
          contact: contact ?? s.contact,
        }));
      },
      onerror: () => {
        downSince ??= Date.now();
        const since = downSince;
        setState((s) =>
          s.connection === 'live' ? { ...s, connection: 'reconnecting', downSince: since } : s,
        );
      },
    });
    return () => {
      clearInterval(staleTimer);
      unsubscribe();
    };
  }, [url, type, keyText, client]);
  return state;
}
