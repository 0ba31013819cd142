// Server time under concurrent viewers, as a client on the same host sees each answer.
// - viewers: each of `viewers` people keeps the view's live stream open and loads the view once a
//   second (a reload, a second tab, a link opened) — the target's figure.
// - back to back: `viewers` clients each request the view again the moment an answer arrives —
//   the server's capacity (at 2 cores, latency ≈ clients ÷ requests per second).
import { percentile } from './figures';

export interface ServerTime {
  p50: number;
  p95: number;
  count: number;
  failed: number;
  /** Answers per second over the window. */
  perSecond: number;
}

/** Opens a live stream and reads it until `signal` aborts (what a viewer's tab keeps open). */
async function follow(url: string, signal: AbortSignal): Promise<void> {
  const response = await fetch(url, { signal });
  const reader = response.body?.getReader();
  for (;;) if (!reader || (await reader.read()).done) return;
}

/** p50/p95 (ms) of `url` for `viewers` clients over `durationMs`. */
export async function serverTime(
  url: string,
  viewers: number,
  durationMs: number,
  options: { everyMs?: number; streamUrl?: string } = {},
): Promise<ServerTime> {
  const times: number[] = [];
  let failed = 0;
  const streams = new AbortController();
  if (options.streamUrl) {
    for (let i = 0; i < viewers; i++)
      void follow(options.streamUrl, streams.signal).catch(() => undefined);
  }
  const start = Date.now();
  const end = start + durationMs;
  try {
    await Promise.all(
      Array.from({ length: viewers }, async (_, i) => {
        // Paced viewers start spread over the first interval, as people do.
        if (options.everyMs) await sleep((options.everyMs * i) / viewers);
        do {
          const began = Date.now();
          const t = performance.now();
          const response = await fetch(url).catch(() => undefined);
          await response?.arrayBuffer();
          if (response?.ok) times.push(performance.now() - t);
          else failed += 1;
          if (options.everyMs) await sleep(began + options.everyMs - Date.now());
        } while (Date.now() < end);
      }),
    );
  } finally {
    streams.abort();
  }
  return {
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    count: times.length,
    failed,
    perSecond: times.length / ((Date.now() - start) / 1000),
  };
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, Math.max(0, ms)));
}
