/**
 * The sandbox API server: routes Kubernetes REST paths (discovery, list/get/watch, pods/log),
 * /sandbox/stats, /sandbox/control/* and the OCI /v2/ endpoint. Only reads are served; the
 * simulator mutates the store itself.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Cluster } from '../cluster/cluster';
import { serveControl, type SandboxControl } from '../control';
import { apiVersionOf, findResource, type ResourceDef } from '../store/resources';
import type { KObject } from '../store/types';
import type { AccessControl, Stats } from './access';
import {
  apiGroup,
  apiGroupList,
  apiVersions,
  groupVersion,
  openApiV2,
  resourceList,
  versionInfo,
} from './discovery';
import { boolParam, sendError, sendJson, wantsTable } from './http-util';
import { buildQuery, getObject, listBody, listObjects, type ResourceSource } from './list-watch';
import { serveLogs } from './logs-handler';
import { serveRegistry } from './registry-handler';
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

interface Route {
  def: ResourceDef;
  namespace?: string;
  name?: string;
  subresource?: string;
}

/** Parses /api/v1/... and /apis/<g>/<v>/... resource paths. */
function parseResourcePath(group: string, version: string, segs: string[]): Route | undefined {
  let namespace: string | undefined;
  let rest = segs;
  if (segs[0] === 'namespaces' && segs.length >= 3) {
    namespace = segs[1];
    rest = segs.slice(2);
  }
  const [plural = '', name, subresource] = rest;
  const def = findResource(group, version, plural);
  if (!def || rest.length > 3) return undefined;
  if (namespace && !def.namespaced) return undefined;
  return { def, namespace, name, subresource };
}

function includeObject(q: URLSearchParams): IncludeObject {
  const v = q.get('includeObject');
  return v === 'None' || v === 'Object' ? v : 'Metadata';
}

function withKind(def: ResourceDef, obj: KObject): KObject {
  return { ...obj, kind: obj.kind ?? def.kind, apiVersion: obj.apiVersion ?? apiVersionOf(def) };
}

function serveResource(
  req: IncomingMessage,
  res: ServerResponse,
  deps: ServerDeps,
  route: Route,
  q: URLSearchParams,
): void {
  const { def, namespace, name, subresource } = route;
  const { cluster, access, stats } = deps;
  const watch = boolParam(q, 'watch');
  if (req.method === 'DELETE' && def.id === 'pods' && name && namespace && !subresource) {
    // kubectl delete pod: the one write the sandbox accepts, so people can reset a back-off live.
    access.authorize({
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
    return;
  }
  if (
    WRITABLE.has(def.id) &&
    ['POST', 'PUT', 'DELETE'].includes(req.method ?? '') &&
    !subresource
  ) {
    serveWrite(req, res, { store: cluster.store, access }, def, namespace, name).catch(
      (err: unknown) => sendError(res, err),
    );
    return;
  }
  if (req.method !== 'GET') {
    throw new ApiError(
      405,
      'MethodNotAllowed',
      `the server does not allow this method on the requested resource`,
    );
  }
  if (subresource === 'log' && def.id === 'pods' && name) {
    stats.classify('log');
    access.authorize({
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
    return;
  }
  if (subresource) throw notFound(def.group, def.plural, name ?? '');
  const verb = name ? 'get' : watch ? 'watch' : 'list';
  stats.classify(verb);
  access.authorize({
    verb,
    group: def.group,
    resource: def.plural,
    name,
    namespace,
    namespaced: def.namespaced,
  });
  const source = sourceFor(def, deps);
  const table = wantsTable(req.headers.accept);
  const now = cluster.clock.now();
  if (name) {
    const obj = withKind(def, getObject(cluster.store, source, namespace, name));
    const body = table
      ? toTable(
          def.id,
          [obj],
          now,
          { resourceVersion: obj.metadata.resourceVersion },
          includeObject(q),
        )
      : obj;
    sendJson(res, 200, body);
    return;
  }
  const query = buildQuery(source, namespace, q);
  const visible = query.matches;
  const scoped = {
    ...query,
    matches: (o: KObject) =>
      visible(o) && (namespace !== undefined || access.visible(o.metadata.namespace)),
  };
  if (watch) {
    if (!source.storeId)
      throw new ApiError(
        405,
        'MethodNotAllowed',
        'the server does not allow this method on the requested resource',
      );
    const encode = table
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
      query: scoped,
      params: q,
      registry: deps.watches,
      bookmarkIntervalMs: deps.bookmarkIntervalMs,
      encode,
    });
    return;
  }
  const result = listObjects(cluster.store, source, scoped, q);
  if (table) {
    sendJson(
      res,
      200,
      toTable(
        def.id,
        result.items.map((o) => withKind(def, o)),
        now,
        result.metadata,
        includeObject(q),
      ),
    );
  } else {
    sendJson(res, 200, listBody(def, result));
  }
}

function serveDiscovery(
  res: ServerResponse,
  deps: ServerDeps,
  segs: string[],
  isCore: boolean,
): boolean {
  if (isCore) {
    if (segs.length === 0) return (sendJson(res, 200, apiVersions(deps.serverAddress())), true);
    if (segs.length === 1 && segs[0] === 'v1')
      return (sendJson(res, 200, resourceList('', 'v1')), true);
    return false;
  }
  if (segs.length === 0) return (sendJson(res, 200, apiGroupList()), true);
  const version = groupVersion(segs[0] ?? '');
  if (!version) return false;
  if (segs.length === 1) return (sendJson(res, 200, apiGroup(segs[0] ?? '', version)), true);
  if (segs.length === 2) {
    const list = resourceList(segs[0] ?? '', segs[1] ?? '');
    if (list) return (sendJson(res, 200, list), true);
  }
  return false;
}

/** Handles one HTTP request. */
export function handleRequest(req: IncomingMessage, res: ServerResponse, deps: ServerDeps): void {
  const url = new URL(req.url ?? '/', 'http://sandbox');
  const path = url.pathname.replace(/\/+$/, '') || '/';
  const q = url.searchParams;
  try {
    deps.cluster.clock.tick();
    if (serveRegistry(req, res, deps.cluster.registry, url.pathname)) return;
    if (path === '/sandbox/stats')
      return sendJson(res, 200, {
        requests: deps.stats.requests,
        openWatches: deps.watches.count(),
      });
    if (path.startsWith('/sandbox/control/'))
      return serveControl(req, res, deps.control, path.slice('/sandbox/control/'.length), q);
    if (['/healthz', '/livez', '/readyz'].includes(path)) {
      res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('ok');
      return;
    }
    deps.stats.count();
    const segs = path.split('/').filter(Boolean).map(decodeURIComponent);
    deps.access.authenticate(req);
    if (path === '/version') return sendJson(res, 200, versionInfo());
    if (path === '/openapi/v2') return sendJson(res, 200, openApiV2());
    if (segs[0] === 'api' || segs[0] === 'apis') {
      const isCore = segs[0] === 'api';
      const rest = segs.slice(1);
      if (serveDiscovery(res, deps, rest, isCore)) return;
      const group = isCore ? '' : (rest[0] ?? '');
      const version = isCore ? (rest[0] ?? '') : (rest[1] ?? '');
      const route = parseResourcePath(group, version, rest.slice(isCore ? 1 : 2));
      if (route) return serveResource(req, res, deps, route, q);
    }
    throw new ApiError(404, 'NotFound', 'the server could not find the requested resource', {});
  } catch (err) {
    sendError(res, err);
  }
}
