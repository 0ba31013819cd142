// Next.js server start hook: check the sign-in settings, start the history recorders (one per
// cluster) in the Node runtime, and stop in order on SIGTERM/SIGINT.
// https://nextjs.org/docs/app/guides/instrumentation

/** Called once when the server starts. */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  // `next build` loads the server too; checks and recording belong to the running server only.
  if (process.env.NEXT_PHASE === 'phase-production-build') return;
  const { enforceStartupSettings } = await import('./lib/auth');
  enforceStartupSettings();
  const { installShutdown, startRecorders } = await import('./lib/views');
  installShutdown();
  if (process.env.PODTRAIL_RECORDER === 'off') return;
  startRecorders().catch((error: unknown) => {
    console.error('podtrail: history recorder did not start', error);
  });
}
