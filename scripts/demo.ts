// `npm run demo`: the sandbox cluster playing every scenario, and the dashboard against it.
import path from 'node:path';
import { startStack } from './lib/stack';

async function main(): Promise<void> {
  const port = Number(process.env.PORT ?? 3000);
  const host = process.env.HOST ?? '127.0.0.1';
  const stack = await startStack({
    port,
    host,
    sandboxPort: Number(process.env.SANDBOX_PORT ?? 0),
    stateDir: path.resolve(process.env.PODTRAIL_DEMO_DIR ?? '.sandbox'),
    scenarios: 'all',
    speed: Number(process.env.SANDBOX_SPEED ?? 1),
    historyMs: 30 * 60_000,
    buildIfStale: true,
  });
  console.log(`\nPodtrail demo`);
  console.log(`  dashboard:  ${stack.url}`);
  console.log(`  sandbox:    ${stack.sandbox.url}  (kubeconfig ${stack.sandbox.kubeconfigPath})`);
  console.log(`  try:        kubectl --kubeconfig ${stack.sandbox.kubeconfigPath} get pods -A\n`);
  const shutdown = () => void stack.stop().then(() => process.exit(0));
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  stack.dashboard.on('exit', (code) => {
    console.error(`podtrail: the dashboard exited (${code ?? 'signal'})`);
    void stack.sandbox.stop().then(() => process.exit(code ?? 1));
  });
}

main().catch((err: unknown) => {
  console.error(`podtrail demo: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
