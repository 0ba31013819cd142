// The connection state of a watch cache, apart from its data, changed through one reducer.
import type { K8sError } from './k8s-error';

/** The state words the UI shows. */
export type ConnectionState = 'connecting' | 'synced' | 'stale' | 'error' | 'forbidden';

/** The health of one cache. */
export interface CacheHealth {
  resource: string;
  state: ConnectionState;
  /** Epoch ms of the last event, bookmark or list. */
  lastEventAt?: number;
  /** Since when `state` holds. */
  since: number;
  message?: string;
  /** Namespaces whose watch is forbidden (403) while the rest works. */
  forbidden: Array<{ namespace?: string; message: string; since: number }>;
}

/** What can happen to one scope (shard) of a cache. */
export type ShardAction =
  | { type: 'connected'; at: number }
  | { type: 'alive'; at: number }
  | { type: 'failed'; at: number; error: K8sError; hadData: boolean };

/** The state of one shard. */
export interface ShardState {
  state: ConnectionState;
  since: number;
  lastEventAt?: number;
  message?: string;
}

function move(prev: ShardState, state: ConnectionState, at: number, message?: string): ShardState {
  if (prev.state === state && prev.message === message) return prev;
  return { ...prev, state, since: prev.state === state ? prev.since : at, message };
}

/** The one reducer of shard state. */
export function reduceShard(prev: ShardState, action: ShardAction): ShardState {
  switch (action.type) {
    case 'connected':
      return { ...move(prev, 'synced', action.at), lastEventAt: action.at };
    case 'alive':
      return { ...prev, lastEventAt: action.at };
    case 'failed': {
      const { error } = action;
      if (error.needsRelist) return prev;
      if (error.isForbidden) return move(prev, 'forbidden', action.at, error.message);
      const state = action.hadData ? 'stale' : 'error';
      return move(prev, state, action.at, `${error.reason}: ${error.message}`);
    }
  }
}

const rank: Record<ConnectionState, number> = {
  synced: 0,
  connecting: 1,
  stale: 2,
  error: 3,
  forbidden: 4,
};

/** Combines shard states: the worst readable shard; forbidden only when all are. */
export function combineShards(
  resource: string,
  shards: Array<{ namespace?: string; state: ShardState }>,
  now: number,
): CacheHealth {
  const forbidden = shards
    .filter((s) => s.state.state === 'forbidden')
    .map((s) => ({
      namespace: s.namespace,
      message: s.state.message ?? 'forbidden',
      since: s.state.since,
    }));
  const readable = shards.filter((s) => s.state.state !== 'forbidden');
  const pool = readable.length > 0 ? readable : shards;
  const worst = pool.reduce<ShardState | undefined>(
    (acc, s) => (!acc || rank[s.state.state] > rank[acc.state] ? s.state : acc),
    undefined,
  );
  const lastEventAt = Math.max(0, ...shards.map((s) => s.state.lastEventAt ?? 0)) || undefined;
  return {
    resource,
    state: worst?.state ?? 'connecting',
    since: worst?.since ?? now,
    message: worst?.message,
    lastEventAt,
    forbidden: readable.length > 0 ? forbidden : [],
  };
}
