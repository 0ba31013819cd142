// Serves app/api/stream's real route handler over plain node:http, and reads SSE streams, so the
// bench measures what a browser's EventSource gets without building the Next.js app.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GET } from '../app/api/stream/route';
import type { LiveMessage } from '../lib/views/types';

/** A server exposing /api/stream. */
export async function startStreamServer(): Promise<{ url: string; stop(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const abort = new AbortController();
    req.on('close', () => abort.abort());
    void (async () => {
      const response = await GET(
        new Request(`http://bench${req.url ?? '/'}`, { signal: abort.signal }),
      );
      res.writeHead(response.status, Object.fromEntries(response.headers.entries()));
      const reader = response.body?.getReader();
      if (!reader) return void res.end();
      abort.signal.addEventListener('abort', () => void reader.cancel().catch(() => undefined));
      for (;;) {
        const { done, value } = await reader.read().catch(() => ({ done: true, value: undefined }));
        if (done) break;
        res.write(value);
      }
      res.end();
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** One SSE viewer: every message with its arrival time. */
export interface Viewer {
  messages: Array<{ at: number; message: LiveMessage }>;
  close(): void;
}

/** Opens /api/stream like EventSource does and collects messages. */
export function openViewer(url: string, onMessage?: (m: LiveMessage, at: number) => void): Viewer {
  const abort = new AbortController();
  const messages: Viewer['messages'] = [];
  void (async () => {
    const response = await fetch(url, {
      signal: abort.signal,
      headers: { Accept: 'text/event-stream' },
    });
    const reader = response.body?.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    for (;;) {
      const chunk = await reader?.read().catch(() => undefined);
      if (!chunk || chunk.done) return;
      buffer += decoder.decode(chunk.value, { stream: true });
      let end = buffer.indexOf('\n\n');
      while (end >= 0) {
        const frame = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = frame.split('\n').find((l) => l.startsWith('data: '));
        if (data) {
          const at = performance.now();
          const message = JSON.parse(data.slice(6)) as LiveMessage;
          messages.push({ at, message });
          onMessage?.(message, at);
        }
        end = buffer.indexOf('\n\n');
      }
    }
  })().catch(() => undefined);
  return { messages, close: () => abort.abort() };
}
