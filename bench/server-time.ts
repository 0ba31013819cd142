// Server time under concurrent viewers: `viewers` clients each request `url` back to back for
// `durationMs` (at least once each); the time of each answer as a client on the same host sees it.
import { percentile } from './figures';

/** p50/p95 (ms) and how many answers. */
export async function serverTime(
  url: string,
  viewers: number,
  durationMs: number,
): Promise<{ p50: number; p95: number; count: number; failed: number }> {
  const times: number[] = [];
  let failed = 0;
  const end = Date.now() + durationMs;
  await Promise.all(
    Array.from({ length: viewers }, async () => {
      do {
        const t = performance.now();
        const response = await fetch(url).catch(() => undefined);
        await response?.arrayBuffer();
        if (response?.ok) times.push(performance.now() - t);
        else failed += 1;
      } while (Date.now() < end);
    }),
  );
  return { p50: percentile(times, 50), p95: percentile(times, 95), count: times.length, failed };
}
