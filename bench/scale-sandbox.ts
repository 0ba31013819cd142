// A scale-mode sandbox in its own process (so its memory and CPU are not Podtrail's): prints one
// JSON line {url, kubeconfig} when it serves, and runs until killed.
import path from 'node:path';
import { startSandbox } from '../sandbox';

async function main(): Promise<void> {
  const [pods, namespaces, nodes, dir] = process.argv.slice(2);
  const sandbox = await startSandbox({
    port: 0,
    scenarios: ['healthy'],
    kubeconfigPath: path.join(dir ?? '.', 'kubeconfig'),
    // Fast back-off so a bench can crash the same container a hundred times in minutes.
    backoff: { initialMs: 200, maxMs: 400, resetMs: 600_000 },
    scale: { pods: Number(pods), namespaces: Number(namespaces), nodes: Number(nodes) },
  });
  console.log(JSON.stringify({ url: sandbox.url, kubeconfig: sandbox.kubeconfigPath }));
  process.on('SIGTERM', () => void sandbox.stop().then(() => process.exit(0)));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
