// The Playwright web server: a fresh sandbox (fixed port, so specs can reach its control API)
// and the production build made by scripts/test.sh, with history in a throwaway directory.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startStack } from './lib/stack';

async function main(): Promise<void> {
  const arg = process.argv.indexOf('--port');
  const port = Number(arg > 0 ? process.argv[arg + 1] : (process.env.E2E_PORT ?? 3107));
  // Memory samples every 5 s (20 s in production), so a journey sees usage over time in a minute.
  process.env.PODTRAIL_MEMORY_SAMPLE_MS ??= '5000';
  const stack = await startStack({
    port,
    host: '127.0.0.1',
    sandboxPort: Number(process.env.E2E_SANDBOX_PORT ?? port + 1),
    stateDir: mkdtempSync(path.join(os.tmpdir(), 'podtrail-e2e-')),
    scenarios: 'all',
    speed: 1,
    historyMs: 30 * 60_000,
    buildIfStale: !process.env.CI,
  });
  console.log(`e2e: dashboard ${stack.url}, sandbox ${stack.sandbox.url}`);
  const shutdown = () => void stack.stop().then(() => process.exit(0));
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  // The fault journey restarts the API server (e2e/api-server-faults.spec.ts): SIGUSR2 the same
  // cluster from its start again, SIGHUP another cluster at the same address (another seed).
  const restart = (what: string, opts: { seed?: number }) => () => {
    void stack.restartSandbox(opts).then(
      (s) => console.log(`e2e: sandbox restarted (${what}) at ${s.url}`),
      (error: unknown) => console.error('e2e: sandbox restart failed', error),
    );
  };
  process.on('SIGUSR2', restart('same cluster', {}));
  process.on('SIGHUP', restart('another cluster', { seed: 4242 }));
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
