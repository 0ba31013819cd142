// Orderly stop on SIGTERM/SIGINT: recorders, watches and the history store first (so the store is
// closed cleanly — a PGlite directory killed mid-write may not open again), then every live
// stream is told to reconnect and ended, so the HTTP server can close at once instead of waiting
// on open streams. Bounded: whatever is not done within the deadline is abandoned.
import { closeLive } from './live-hub';
import { getRuntime, stopRuntime, type Runtime } from './runtime';

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

/**
 * On the first SIGTERM/SIGINT: shutdownRuntime, a log line, then exit 0 when Podtrail owns the
 * signals (NEXT_MANUAL_SIG_HANDLE, set by `npm start` and the demo); otherwise Next's own handler
 * exits once its HTTP server has closed (which the ended streams let it do at once). Whatever
 * happens, the process is gone within 6 s.
 */
export function installShutdown(): void {
  let stopping = false;
  const handler = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    setTimeout(() => process.exit(1), 6_000).unref();
    void shutdownRuntime(getRuntime()).then((report) => {
      console.log(
        `podtrail: ${signal}: stopped watches and recorders, closed the history store${report.timedOut ? ' (timed out)' : ''}, told ${report.streams} live view(s) to reconnect, in ${report.ms} ms`,
      );
      // A moment for the reconnect frames to leave the sockets before the process ends.
      if (process.env.NEXT_MANUAL_SIG_HANDLE) setTimeout(() => process.exit(0), 300);
    });
  };
  process.once('SIGTERM', handler);
  process.once('SIGINT', handler);
}
