// GET /api/stream?scope=board|pod&cluster&namespace&pod: server-sent events of LiveMessage.
// GET /api/stream?follow=<scope query>&follow=…: one stream for many scopes (a browser's tabs
// share one connection), each frame tagged with the `follow` it answers.
// Every viewer of a scope shares one subscription to the shared watch caches (lib/views).
import {
  boardForViewer,
  checkBoardAccess,
  checkNamespaceAccess,
  type LiveScope,
  type Viewer,
} from '@/lib/views';
import { errorResponse, jsonError, parseOr400, searchParamsOf } from '../_lib/respond';
import { maxFollows, streamQuerySchema } from '../_lib/schemas';
import { followEventStream, sseHeaders, type Followed, type ShapeMessage } from '../_lib/sse';
import { viewerOf } from '../_lib/viewer';

export const dynamic = 'force-dynamic';

function scopeOf(query: ReturnType<typeof streamQuerySchema.parse>): LiveScope {
  if (query.scope === 'pod') {
    return { type: 'pod', cluster: query.cluster, namespace: query.namespace, pod: query.pod };
  }
  const { cluster, namespace, severity } = query;
  return { type: 'board', cluster, namespace, severity };
}

/** Per-user access: every scope must be the viewer's to see; board frames keep their rows only. */
async function checkScopes(
  viewer: Viewer,
  followed: Followed[],
): Promise<ShapeMessage | undefined> {
  if (!viewer) return undefined;
  for (const { scope } of followed) {
    if (scope.type === 'pod') await checkNamespaceAccess(viewer, scope);
    else await checkBoardAccess(viewer, scope);
  }
  return async (message) =>
    message.type === 'board'
      ? { type: 'board', data: await boardForViewer(message.data, viewer) }
      : message;
}

/** Opens the event stream (pushed within a second of the watch event, heartbeats every 15 s). */
export async function GET(request: Request) {
  const follows = new URL(request.url).searchParams.getAll('follow');
  if (follows.length > maxFollows)
    return jsonError(400, `Invalid follow: at most ${maxFollows} scopes per stream`);
  const followed: Followed[] = [];
  for (const follow of follows.length > 0 ? follows : [undefined]) {
    const query =
      follow === undefined
        ? searchParamsOf(request)
        : Object.fromEntries(new URLSearchParams(follow));
    const parsed = parseOr400(streamQuerySchema, query);
    if ('response' in parsed) return parsed.response;
    followed.push({ scope: scopeOf(parsed.data), follow });
  }
  let shape: ShapeMessage | undefined;
  try {
    shape = await checkScopes(viewerOf(request.headers), followed);
  } catch (error) {
    return errorResponse(error);
  }
  return new Response(followEventStream(followed, request.signal, { shape }), {
    headers: sseHeaders,
  });
}
