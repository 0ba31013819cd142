// GET /api/stream?scope=board|pod&cluster&namespace&pod: server-sent events of LiveMessage.
// Every viewer of a scope shares one subscription to the shared watch caches (lib/views).
import { subscribeLive, type LiveMessage, type LiveScope } from '@/lib/views';
import { parseOr400, searchParamsOf } from '../_lib/respond';
import { streamQuerySchema } from '../_lib/schemas';

export const dynamic = 'force-dynamic';

const heartbeatMs = 15_000;

function scopeOf(query: ReturnType<typeof streamQuerySchema.parse>): LiveScope {
  if (query.scope === 'pod') {
    return { type: 'pod', cluster: query.cluster, namespace: query.namespace, pod: query.pod };
  }
  return {
    type: 'board',
    cluster: query.cluster,
    namespace: query.namespace,
    severity: query.severity,
  };
}

/** Opens the event stream. */
export async function GET(request: Request) {
  const parsed = parseOr400(streamQuerySchema, searchParamsOf(request));
  if ('response' in parsed) return parsed.response;
  const encoder = new TextEncoder();
  let cleanup = () => {};
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (message: LiveMessage) => {
        try {
          controller.enqueue(encoder.encode(`data: ${JSON.stringify(message)}\n\n`));
        } catch {
          cleanup();
        }
      };
      controller.enqueue(encoder.encode('retry: 2000\n\n'));
      const unsubscribe = subscribeLive(scopeOf(parsed.data), send);
      const heartbeat = setInterval(() => send({ type: 'ping', at: Date.now() }), heartbeatMs);
      cleanup = () => {
        clearInterval(heartbeat);
        unsubscribe();
      };
      request.signal.addEventListener('abort', () => {
        cleanup();
        try {
          controller.close();
        } catch {
          // already closed
        }
      });
    },
    cancel() {
      cleanup();
    },
  });
  return new Response(stream, {
    headers: {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    },
  });
}
