/**
 * The sandbox API server's resource verbs, one function each: delete (pods only), get, list,
 * watch and the pods/log subresource. server.ts routes a request here.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Cluster } from '../cluster/cluster';
import type { SandboxControl } from '../control';
import { apiVersionOf, type ResourceDef } from '../store/resources';
import type { KObject } from '../store/types';
import type { AccessControl, Stats } from './access';
import { boolParam, sendError, sendJson, wantsTable } from './http-util';
import {
  buildQuery,
  getObject,
  listBody,
  listObjects,
  type Query,
  type ResourceSource,
} from './list-watch';
import { serveLogs } from './logs-handler';
import { ApiError, notFound } from './status';
import { toTable, type IncludeObject } from './tables';
import { nodeMetrics, podMetrics, toEventsV1 } from './views';
import { serveWatch, type WatchRegistry } from './watch-stream';
import { serveWrite, WRITABLE } from './writes';

/** Everything the HTTP layer needs. */
export interface ServerDeps {
  cluster: Cluster;
  access: AccessControl;
  stats: Stats;
  watches: WatchRegistry;
  control: SandboxControl;
  bookmarkIntervalMs: number;
  serverAddress: () => string;
}

function sourceFor(def: ResourceDef, deps: ServerDeps): ResourceSource {
  const { cluster } = deps;
  if (def.id === 'events.k8s.io/events') return { def, storeId: 'events', view: toEventsV1 };
  if (def.id === 'metrics.k8s.io/pods')
    return { def, compute: () => podMetrics(cluster.store, cluster.kubelet, cluster.clock) };
  if (def.id === 'metrics.k8s.io/nodes')
    return { def, compute: () => nodeMetrics(cluster.store, cluster.kubelet, cluster.clock) };
  return { def, storeId: def.id };
}

/** One resource path: /api/v1/[namespaces/<ns>/]<plural>[/<name>[/<subresource>]]. */
export interface Route {
  def: ResourceDef;
  namespace?: string;
  name?: string;
  subresource?: string;
}

function includeObject(q: URLSearchParams): IncludeObject {
  const v = q.get('includeObject');
  return v === 'None' || v === 'Object' ? v : 'Metadata';
}

function withKind(def: ResourceDef, obj: KObject): KObject {
  return { ...obj, kind: obj.kind ?? def.kind, apiVersion: obj.apiVersion ?? apiVersionOf(def) };
}

/** A request for one resource, as the verbs read it. */
interface ResourceRequest {
  req: IncomingMessage;
  res: ServerResponse;
  deps: ServerDeps;
  route: Route;
  q: URLSearchParams;
}

const methodNotAllowed = () =>
  new ApiError(
    405,
    'MethodNotAllowed',
    'the server does not allow this method on the requested resource',
  );

/** Serves one resource request: picks the verb from the method, the path and `?watch`. */
export function serveResource(
  req: IncomingMessage,
  res: ServerResponse,
  deps: ServerDeps,
  route: Route,
  q: URLSearchParams,
): void {
  const r: ResourceRequest = { req, res, deps, route, q };
  const { def, namespace, name, subresource } = route;
  if (req.method === 'DELETE' && def.id === 'pods' && name && namespace && !subresource)
    return serveDeletePod(r, namespace, name);
  if (
    WRITABLE.has(def.id) &&
    ['POST', 'PUT', 'DELETE'].includes(req.method ?? '') &&
    !subresource
  ) {
    // Leases: create/update/delete for leader election (writes.ts).
    serveWrite(
      req,
      res,
      { store: deps.cluster.store, access: deps.access },
      def,
      namespace,
      name,
    ).catch((err: unknown) => sendError(res, err));
    return;
  }
  if (req.method !== 'GET') throw methodNotAllowed();
  if (subresource === 'log' && def.id === 'pods' && name) return servePodLog(r, name);
  if (subresource) throw notFound(def.group, def.plural, name ?? '');
  const watch = boolParam(q, 'watch');
  const verb = name ? 'get' : watch ? 'watch' : 'list';
  deps.stats.classify(req, verb);
  deps.access.authorizeOn(verb, def, namespace, name);
  if (name) return serveGet(r, name);
  if (watch) return serveWatchResource(r);
  serveList(r);
}

/** kubectl delete pod: the one write the sandbox accepts, so people can reset a back-off live. */
function serveDeletePod({ res, deps, route, q }: ResourceRequest, namespace: string, name: string) {
  const { def } = route;
  const { cluster } = deps;
  deps.access.authorize({
    verb: 'delete',
    group: '',
    resource: 'pods',
    name,
    namespace,
    namespaced: true,
  });
  getObject(cluster.store, sourceFor(def, deps), namespace, name);
  const grace = q.get('gracePeriodSeconds');
  cluster.deletePod(namespace, name, grace !== null ? Number(grace) : undefined);
  const after = cluster.store.get('pods', namespace, name);
  sendJson(
    res,
    200,
    after
      ? withKind(def, after)
      : {
          kind: 'Status',
          apiVersion: 'v1',
          metadata: {},
          status: 'Success',
          details: { name, kind: 'pods' },
        },
  );
}

function servePodLog({ req, res, deps, route, q }: ResourceRequest, name: string) {
  const { namespace } = route;
  const { cluster } = deps;
  deps.stats.classify(req, 'log');
  deps.access.authorize({
    verb: 'get',
    group: '',
    resource: 'pods',
    subresource: 'log',
    name,
    namespace,
    namespaced: true,
  });
  serveLogs(
    req,
    res,
    { store: cluster.store, kubelet: cluster.kubelet, now: () => cluster.clock.now() },
    namespace ?? 'default',
    name,
    q,
  );
}

function serveGet({ req, res, deps, route, q }: ResourceRequest, name: string) {
  const { def, namespace } = route;
  const { cluster } = deps;
  const obj = withKind(def, getObject(cluster.store, sourceFor(def, deps), namespace, name));
  const body = wantsTable(req.headers.accept)
    ? toTable(
        def.id,
        [obj],
        cluster.clock.now(),
        { resourceVersion: obj.metadata.resourceVersion },
        includeObject(q),
      )
    : obj;
  sendJson(res, 200, body);
}

/** The list/watch query of a collection, limited to the namespaces the caller may see. */
function scopedQuery({ deps, route, q }: ResourceRequest, source: ResourceSource): Query {
  const query = buildQuery(source, route.namespace, q);
  const visible = query.matches;
  return {
    ...query,
    matches: (o: KObject) =>
      visible(o) && (route.namespace !== undefined || deps.access.visible(o.metadata.namespace)),
  };
}

function serveWatchResource(r: ResourceRequest) {
  const { req, res, deps, route, q } = r;
  const { def } = route;
  const { cluster } = deps;
  const source = sourceFor(def, deps);
  if (!source.storeId) throw methodNotAllowed();
  const encode = wantsTable(req.headers.accept)
    ? (o: KObject) =>
        toTable(
          def.id,
          [withKind(def, o)],
          cluster.clock.now(),
          { resourceVersion: o.metadata.resourceVersion },
          includeObject(q),
        )
    : (o: KObject) => withKind(def, o);
  serveWatch(req, res, {
    store: cluster.store,
    source,
    query: scopedQuery(r, source),
    params: q,
    registry: deps.watches,
    bookmarkIntervalMs: deps.bookmarkIntervalMs,
    encode,
  });
}

/** How long a list from a resourceVersion the store has not reached waits (the cacher's 3 s). */
const TOO_LARGE_RV_WAIT_MS = 3_000;

function serveList(r: ResourceRequest, waited = false) {
  const { req, res, deps, route, q } = r;
  const { def } = route;
  const { cluster } = deps;
  const asked = q.get('resourceVersion') ?? '';
  if (!waited && /^\d+$/.test(asked) && Number(asked) > cluster.store.currentRv()) {
    // k8s.io/apiserver's cacher waits up to 3 s for a resourceVersion it has not seen
    // (waitUntilFreshAndBlock), then answers 504 "Too large resource version".
    const timer = setTimeout(() => {
      try {
        serveList(r, true);
      } catch (err) {
        sendError(res, err);
      }
    }, TOO_LARGE_RV_WAIT_MS);
    res.on('close', () => clearTimeout(timer));
    return;
  }
  const source = sourceFor(def, deps);
  const result = listObjects(cluster.store, source, scopedQuery(r, source), q);
  if (!wantsTable(req.headers.accept)) return sendJson(res, 200, listBody(def, result));
  sendJson(
    res,
    200,
    toTable(
      def.id,
      result.items.map((o) => withKind(def, o)),
      cluster.clock.now(),
      result.metadata,
      includeObject(q),
    ),
  );
}
