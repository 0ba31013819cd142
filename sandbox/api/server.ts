/**
 * The sandbox API server: routes Kubernetes REST paths (discovery, list/get/watch, pods/log),
 * /sandbox/stats, /sandbox/control/* and the OCI /v2/ endpoint. Only reads are served; the
 * simulator mutates the store itself.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { serveControl } from '../control';
import { findResource } from '../store/resources';
import {
  apiGroup,
  apiGroupList,
  apiVersions,
  groupVersion,
  resourceList,
  openApiV2,
  versionInfo,
} from './discovery';
import { sendError, sendJson } from './http-util';
import { serveRegistry } from './registry-handler';
import { serveResource, type Route, type ServerDeps } from './resource-verbs';
import { ApiError } from './status';

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
        byAgent: deps.stats.byAgent,
        openWatches: deps.watches.count(),
      });
    if (path.startsWith('/sandbox/control/'))
      return serveControl(req, res, deps.control, path.slice('/sandbox/control/'.length), q);
    if (['/healthz', '/livez', '/readyz'].includes(path)) {
      res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('ok');
      return;
    }
    deps.stats.count(req);
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
