/**
 * `?watch=1`: a chunked stream of newline-delimited watch events (ADDED/MODIFIED/DELETED,
 * BOOKMARK, ERROR), replayed from a resourceVersion or starting with the current state.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ObjectStore } from '../store/object-store';
import { ExpiredError } from '../store/object-store';
import { apiVersionOf } from '../store/resources';
import type { Change, KObject } from '../store/types';
import { boolParam, intParam } from './http-util';
import { present, type Query, type ResourceSource } from './list-watch';
import { ApiError, expired } from './status';

/** Bookkeeping of open watches, so they can be counted and dropped. */
export class WatchRegistry {
  private readonly open = new Set<() => void>();

  /** Number of watches currently streaming. */
  count(): number {
    return this.open.size;
  }

  /** Registers a watch's closer; returns the unregister function. */
  add(close: () => void): () => void {
    this.open.add(close);
    return () => this.open.delete(close);
  }

  /** Ends every open watch (clients see the stream end and must re-watch). */
  dropAll(): number {
    const closers = [...this.open];
    for (const close of closers) close();
    return closers.length;
  }
}

/** Options of one watch request. */
export interface WatchOptions {
  store: ObjectStore;
  source: ResourceSource;
  query: Query;
  params: URLSearchParams;
  registry: WatchRegistry;
  bookmarkIntervalMs: number;
  /** Turns each object into what is sent (a Table for kubectl get -w). */
  encode?: (obj: KObject) => unknown;
}

function bookmarkObject(
  source: ResourceSource,
  rv: number,
  initialEnd: boolean,
): Record<string, unknown> {
  const metadata: Record<string, unknown> = {
    resourceVersion: String(rv),
    creationTimestamp: null,
  };
  if (initialEnd) metadata.annotations = { 'k8s.io/initial-events-end': 'true' };
  return { kind: source.def.kind, apiVersion: apiVersionOf(source.def), metadata };
}

function transition(change: Change, query: Query): 'ADDED' | 'MODIFIED' | 'DELETED' | undefined {
  const now = change.type !== 'DELETED' && query.matches(change.object);
  const before = change.previous ? query.matches(change.previous) : false;
  if (change.type === 'ADDED') return now ? 'ADDED' : undefined;
  if (change.type === 'DELETED') return before ? 'DELETED' : undefined;
  if (now && before) return 'MODIFIED';
  if (now) return 'ADDED';
  return before ? 'DELETED' : undefined;
}

/**
 * Streams a watch until timeoutSeconds, client disconnect or dropAll(). A watch from a
 * resourceVersion newer than the store's (the server was restarted from an older state) is
 * answered 200 and stays silent until the store passes that resourceVersion: no replay, no
 * bookmark, no error — what kube-apiserver 1.37's watch cache does (measured: a watch from
 * current + 1000 sent nothing for 100 s; one from current + 3 streamed only the events after it;
 * contract/contract.real.test.ts checks both servers).
 */
export function serveWatch(req: IncomingMessage, res: ServerResponse, options: WatchOptions): void {
  const { store, source, query, params, registry } = options;
  const storeId = source.storeId ?? source.def.id;
  const encode = options.encode ?? ((o: KObject) => o);
  const rvParam = params.get('resourceVersion');
  const bookmarks = boolParam(params, 'allowWatchBookmarks');
  const sendInitial = boolParam(params, 'sendInitialEvents');
  // Without timeoutSeconds the API server picks minRequestTimeout (1800s) * [1, 2).
  const timeoutSeconds =
    intParam(params, 'timeoutSeconds') ?? 1800 + Math.floor(Math.random() * 1800);

  res.writeHead(200, {
    'Content-Type': 'application/json',
    'Cache-Control': 'no-cache, private',
    'Transfer-Encoding': 'chunked',
  });
  res.flushHeaders();
  const send = (type: string, object: unknown) =>
    res.write(JSON.stringify({ type, object }) + '\n');
  const asked = rvParam && /^\d+$/.test(rvParam) ? Number(rvParam) : 0;
  // Nothing at or below a resourceVersion the store has not reached yet is sent.
  const floor = asked > store.currentRv() && !sendInitial ? asked : 0;
  const sendChange = (change: Change) => {
    if (change.resource !== storeId || change.rv <= floor) return;
    const type = transition(change, {
      ...query,
      matches: (o) => query.matches(present(source, o)),
    });
    if (type) send(type, encode(present(source, change.object)));
  };

  let replay: Change[] = [];
  if (!rvParam || rvParam === '0' || sendInitial) {
    for (const obj of store.list(storeId)) {
      const shown = present(source, obj);
      if (query.matches(shown)) send('ADDED', encode(shown));
    }
    if (sendInitial && bookmarks) send('BOOKMARK', bookmarkObject(source, store.currentRv(), true));
  } else {
    try {
      if (!/^\d+$/.test(rvParam))
        throw new ApiError(400, 'BadRequest', `invalid resource version: ${rvParam}`);
      if (!floor) replay = store.changesSince(Number(rvParam));
    } catch (err) {
      const status = err instanceof ExpiredError ? expired(err.message) : (err as ApiError);
      send('ERROR', status.toStatus());
      res.end();
      return;
    }
  }
  for (const change of replay) sendChange(change);
  const unsubscribe = store.subscribe(sendChange);
  const bookmarkTimer = bookmarks
    ? setInterval(() => {
        if (store.currentRv() > floor)
          send('BOOKMARK', bookmarkObject(source, store.currentRv(), false));
      }, options.bookmarkIntervalMs)
    : undefined;
  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    unsubscribe();
    unregister();
    clearTimeout(timeout);
    if (bookmarkTimer) clearInterval(bookmarkTimer);
    res.end();
  };
  const unregister = registry.add(close);
  const timeout = setTimeout(close, timeoutSeconds * 1000);
  req.on('close', close);
  res.on('close', close);
}
