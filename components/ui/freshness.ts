// How fresh what a page shows is, from the clusters' health and the live stream: pure, so the
// board, the pod page and their tests agree. "Updated" is the last answer from the cluster's API
// server (not the last message from Podtrail); an outage counts from its start.
import type { ClusterHealth } from '@/lib/views/types';

/** The live stream's side (lib/api-client's LiveConnection). */
export interface StreamState {
  connection: 'live' | 'reconnecting' | 'stale';
  contact?: Record<string, number>;
  downSince?: number;
  lastUpdateAt?: number;
}

/** A namespace Podtrail may not read, and since when. */
export interface NoAccess {
  cluster: string;
  namespace: string;
  since?: number;
  message: string;
}

/** What the freshness pieces of a page show. */
export interface Freshness {
  /** The last answer from the cluster(s): the oldest over the clusters shown. */
  updatedAt?: number;
  /** Something is down: what, and since when it has been (the start of the outage). */
  outage?: { what: string; since: number };
  noAccess: NoAccess[];
}

function contactOf(c: ClusterHealth, stream: StreamState): number | undefined {
  const at = Math.max(c.lastContactAt ?? 0, stream.contact?.[c.cluster] ?? 0);
  return at > 0 ? at : undefined;
}

function minOf(values: Array<number | undefined>): number | undefined {
  const defined = values.filter((v): v is number => v !== undefined);
  return defined.length > 0 ? Math.min(...defined) : undefined;
}

/** The freshness of a page showing `clusters`; `fallback` when nothing better is known. */
export function freshnessOf(
  clusters: ClusterHealth[],
  stream: StreamState,
  fallback: number,
): Freshness {
  const updatedAt = minOf(clusters.map((c) => contactOf(c, stream))) ?? fallback;
  const noAccess = noAccessOf(clusters);
  // The stream to Podtrail itself: only 'stale' (down a while) earns the banner, so a page load
  // or a blip never flashes one.
  if (stream.connection === 'stale') {
    const since = stream.downSince ?? stream.lastUpdateAt ?? fallback;
    return { updatedAt, outage: { what: 'Connection to Podtrail', since }, noAccess };
  }
  const unreachable = clusters.filter((c) => c.unreachable);
  if (unreachable.length > 0) {
    const since = minOf(unreachable.map((c) => contactOf(c, stream) ?? c.unreachable?.since));
    const names = unreachable.map((c) => c.cluster).join(', ');
    return {
      updatedAt,
      outage: { what: `API server of ${names}`, since: since ?? fallback },
      noAccess,
    };
  }
  const bad = clusters.filter((c) => c.state === 'stale' || c.state === 'error');
  if (bad.length > 0) {
    const since = minOf(
      bad.flatMap((c) =>
        c.resources.filter((r) => r.state === 'stale' || r.state === 'error').map((r) => r.since),
      ),
    );
    const names = bad.map((c) => c.cluster).join(', ');
    return { updatedAt, outage: { what: `Watch of ${names}`, since: since ?? fallback }, noAccess };
  }
  return { updatedAt, noAccess };
}

/** Namespaces with a forbidden watch, earliest mark first, one entry per namespace. */
function noAccessOf(clusters: ClusterHealth[]): NoAccess[] {
  const byKey = new Map<string, NoAccess>();
  for (const c of clusters) {
    for (const f of c.forbidden ?? []) {
      if (!f.namespace) continue;
      const key = `${c.cluster}/${f.namespace}`;
      const prev = byKey.get(key);
      if (!prev || (f.since ?? Infinity) < (prev.since ?? Infinity))
        byKey.set(key, {
          cluster: c.cluster,
          namespace: f.namespace,
          since: f.since,
          message: f.message,
        });
    }
  }
  return [...byKey.values()].sort((a, b) => (a.since ?? 0) - (b.since ?? 0));
}

/** The no-access mark of one namespace, if any. */
export function noAccessFor(
  freshness: Freshness,
  cluster: string,
  namespace: string,
): NoAccess | undefined {
  return freshness.noAccess.find((n) => n.cluster === cluster && n.namespace === namespace);
}
