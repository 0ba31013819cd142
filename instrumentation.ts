// Next.js server start hook: check the sign-in settings, then start the history recorders (one
// per cluster) in the Node runtime. https://nextjs.org/docs/app/guides/instrumentation

/** Called once when the server starts. */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  // `next build` loads the server too; checks and recording belong to the running server only.
  if (process.env.NEXT_PHASE === 'phase-production-build') return;
  const { enforceStartupSettings } = await import('./lib/auth');
  enforceStartupSettings();
  if (process.env.PODTRAIL_RECORDER === 'off') return;
  const { startRecorders } = await import('./lib/views');
  startRecorders().catch((error: unknown) => {
    console.error('podtrail: history recorder did not start', error);
  });
}
