// A server-sent-events body that follows one live scope until the client goes away.
import { subscribeLive, type LiveMessage, type LiveScope } from '@/lib/views';

/** Heartbeat interval: keeps proxies from closing an idle stream and lets clients see liveness. */
const heartbeatMs = 15_000;

/** Headers of an SSE answer. */
export const sseHeaders = {
  'Content-Type': 'text/event-stream; charset=utf-8',
  'Cache-Control': 'no-cache, no-transform',
  Connection: 'keep-alive',
  'X-Accel-Buffering': 'no',
};

/** The stream of `data: <LiveMessage>` frames for a scope; ends when `signal` aborts. */
export function liveEventStream(scope: LiveScope, signal: AbortSignal): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let cleanup = () => {};
  return new ReadableStream<Uint8Array>({
    start(controller) {
      const close = () => {
        cleanup();
        try {
          controller.close();
        } catch {
          // already closed by the client
        }
      };
      const send = (message: LiveMessage) => {
        try {
          controller.enqueue(encoder.encode(`data: ${JSON.stringify(message)}\n\n`));
        } catch {
          cleanup();
        }
      };
      controller.enqueue(encoder.encode('retry: 2000\n\n'));
      const unsubscribe = subscribeLive(scope, send);
      const heartbeat = setInterval(() => send({ type: 'ping', at: Date.now() }), heartbeatMs);
      cleanup = () => {
        clearInterval(heartbeat);
        unsubscribe();
      };
      signal.addEventListener('abort', close);
    },
    cancel() {
      cleanup();
    },
  });
}
