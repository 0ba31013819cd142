// GET /api/stream?scope=board|pod&cluster&namespace&pod: server-sent events of LiveMessage.
// Every viewer of a scope shares one subscription to the shared watch caches (lib/views).
import type { LiveScope } from '@/lib/views';
import { parseOr400, searchParamsOf } from '../_lib/respond';
import { streamQuerySchema } from '../_lib/schemas';
import { liveEventStream, sseHeaders } from '../_lib/sse';

export const dynamic = 'force-dynamic';

function scopeOf(query: ReturnType<typeof streamQuerySchema.parse>): LiveScope {
  if (query.scope === 'pod') {
    return { type: 'pod', cluster: query.cluster, namespace: query.namespace, pod: query.pod };
  }
  const { cluster, namespace, severity } = query;
  return { type: 'board', cluster, namespace, severity };
}

/** Opens the event stream (pushed within a second of the watch event, heartbeats every 15 s). */
export async function GET(request: Request) {
  const parsed = parseOr400(streamQuerySchema, searchParamsOf(request));
  if ('response' in parsed) return parsed.response;
  const stream = liveEventStream(scopeOf(parsed.data), request.signal);
  return new Response(stream, { headers: sseHeaders });
}
