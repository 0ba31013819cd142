// Orderly stop on SIGTERM/SIGINT: recorders, watches and the history store first (so the store is
// closed cleanly — a PGlite directory killed mid-write may not open again), then every live
// stream is told to reconnect and ended, so the HTTP server can close at once instead of waiting
// on open streams. Bounded: whatever is not done within the deadline is abandoned.
import { closeLive } from './live-hub';
import { stopRuntime, type Runtime } from './runtime';

/** What shutdown did, for the log. */
export interface ShutdownReport {
  /** Live viewers told to reconnect. */
  streams: number;
  /** True when stopping took longer than the deadline. */
  timedOut: boolean;
  ms: number;
}

/** Stops the runtime and ends the live streams, within deadlineMs (default 4 s). */
export async function shutdownRuntime(
  runtime: Runtime,
  deadlineMs = 4_000,
): Promise<ShutdownReport> {
  const started = Date.now();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), deadlineMs);
  });
  const stopped = stopRuntime(runtime).then(
    () => 'done' as const,
    (error: unknown) => {
      console.error('podtrail: stopping failed', error);
      return 'done' as const;
    },
  );
  const outcome = await Promise.race([stopped, deadline]);
  clearTimeout(timer);
  const streams = closeLive('Podtrail is restarting');
  return { streams, timedOut: outcome === 'timeout', ms: Date.now() - started };
}
