// Next.js server start hook: start the history recorders (one per cluster) in the Node runtime,
// and stop in order on SIGTERM/SIGINT. https://nextjs.org/docs/app/guides/instrumentation

/** Called once when the server starts. */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  // `next build` loads the server too; recording belongs to the running server only.
  if (process.env.NEXT_PHASE === 'phase-production-build') return;
  const { getRuntime, shutdownRuntime, startRecorders } = await import('./lib/views');
  onTermination(async (signal) => {
    // Next's own handler closes the HTTP server, which waits for open streams: ending them here
    // lets it finish; with NEXT_MANUAL_SIG_HANDLE set (npm start, the demo) this handler exits.
    const report = await shutdownRuntime(getRuntime());
    console.log(
      `podtrail: ${signal}: stopped watches and recorders, closed the history store${report.timedOut ? ' (timed out)' : ''}, told ${report.streams} live view(s) to reconnect, in ${report.ms} ms`,
    );
    if (process.env.NEXT_MANUAL_SIG_HANDLE) process.exit(0);
  });
  if (process.env.PODTRAIL_RECORDER === 'off') return;
  startRecorders().catch((error: unknown) => {
    console.error('podtrail: history recorder did not start', error);
  });
}

function onTermination(stop: (signal: NodeJS.Signals) => Promise<void>): void {
  let stopping = false;
  const handler = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    // Whatever happens, the process is gone within 6 s.
    setTimeout(() => process.exit(1), 6_000).unref();
    void stop(signal);
  };
  process.once('SIGTERM', handler);
  process.once('SIGINT', handler);
}
