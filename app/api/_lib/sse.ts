// A server-sent-events body that follows live scopes until the client goes away.
import { lastContacts, subscribeLive, type LiveMessage, type LiveScope } from '@/lib/views';

/**
 * Heartbeat interval: keeps proxies from closing an idle stream, lets clients see liveness, and
 * carries each cluster's last contact ("updated N s ago" counts from it, not from the ping).
 */
const heartbeatMs = 5_000;

/** Headers of an SSE answer. */
export const sseHeaders = {
  'Content-Type': 'text/event-stream; charset=utf-8',
  'Cache-Control': 'no-cache, no-transform',
  Connection: 'keep-alive',
  'X-Accel-Buffering': 'no',
};

/** One scope a stream follows; `follow` (when set) tags its frames so one stream carries many. */
export interface Followed {
  scope: LiveScope;
  follow?: string;
}

/**
 * Rewrites each message for this one connection before it is sent (per-user access: the board
 * with only the viewer's namespaces); undefined drops it. Messages keep their order.
 */
export type ShapeMessage = (message: LiveMessage) => Promise<LiveMessage | undefined>;

/** The stream of `data: <LiveMessage>` frames for a scope; ends when `signal` aborts. */
export function liveEventStream(scope: LiveScope, signal: AbortSignal): ReadableStream<Uint8Array> {
  return followEventStream([{ scope }], signal);
}

/**
 * One stream for many scopes (a browser's tabs share it): each frame is a LiveMessage plus the
 * `follow` key it answers; heartbeats carry no key and speak for every scope.
 */
export function followEventStream(
  followed: Followed[],
  signal: AbortSignal,
  options: { shape?: ShapeMessage } = {},
): ReadableStream<Uint8Array> {
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
      const send = (message: LiveMessage, follow?: string) => {
        try {
          const frame = follow === undefined ? message : { ...message, follow };
          controller.enqueue(encoder.encode(`data: ${JSON.stringify(frame)}\n\n`));
        } catch {
          cleanup();
        }
        // The server is shutting down: end the stream; EventSource reconnects on its own.
        if (message.type === 'reconnect') close();
      };
      controller.enqueue(encoder.encode('retry: 2000\n\n'));
      const { shape } = options;
      // One chain per connection, so a slow shaping never lets an older board overtake a newer.
      let queue = Promise.resolve();
      const deliver = (message: LiveMessage, follow?: string) => {
        if (!shape || message.type !== 'board') return send(message, follow);
        queue = queue
          .then(() => shape(message))
          .then((shaped) => shaped && send(shaped, follow))
          .catch((error: unknown) => console.error('podtrail: live message not sent', error));
      };
      const unsubscribes = followed.map(({ scope, follow }) =>
        subscribeLive(scope, (message) => deliver(message, follow)),
      );
      const ping = () => send({ type: 'ping', at: Date.now(), contact: lastContacts() });
      const heartbeat = setInterval(ping, heartbeatMs);
      cleanup = () => {
        clearInterval(heartbeat);
        for (const unsubscribe of unsubscribes.splice(0)) unsubscribe();
      };
      signal.addEventListener('abort', close);
    },
    cancel() {
      cleanup();
    },
  });
}
