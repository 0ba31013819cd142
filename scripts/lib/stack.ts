// Starts the sandbox cluster and the production dashboard against it: shared by `npm run demo`
// and the Playwright web server, so both run exactly what a newcomer runs.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { startSandbox, type Sandbox } from '../../sandbox';

/** Options of startStack. */
export interface StackOptions {
  /** Dashboard port. */
  port: number;
  /** Sandbox API port (0 = any free port). */
  sandboxPort: number;
  host: string;
  /** Directory for the kubeconfig and the embedded history store. */
  stateDir: string;
  scenarios: string[] | 'all';
  speed: number;
  historyMs: number;
  /** Build the dashboard first when sources are newer than the last build. */
  buildIfStale: boolean;
}

/** A running sandbox + dashboard. */
export interface Stack {
  sandbox: Sandbox;
  dashboard: ChildProcess;
  url: string;
  stop(): Promise<void>;
  /**
   * Stops the sandbox and starts it again from scratch on the same port (lower resourceVersion);
   * with another seed it is another cluster (another kube-system UID).
   */
  restartSandbox(opts?: { seed?: number }): Promise<Sandbox>;
}

const root = path.resolve(__dirname, '../..');
const sourceDirs = ['app', 'components', 'lib', 'public'];

function newestSourceMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSourceMtime(full));
    else newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

/** True when there is no production build or a source file changed after it. */
export function buildIsStale(): boolean {
  const buildId = path.join(root, '.next', 'BUILD_ID');
  if (!existsSync(buildId)) return true;
  const built = statSync(buildId).mtimeMs;
  const files = ['next.config.js', 'package-lock.json', 'postcss.config.mjs'];
  const newest = Math.max(
    ...sourceDirs
      .filter((d) => existsSync(path.join(root, d)))
      .map((d) => newestSourceMtime(path.join(root, d))),
    ...files
      .filter((f) => existsSync(path.join(root, f)))
      .map((f) => statSync(path.join(root, f)).mtimeMs),
  );
  return newest > built;
}

function nextBin(): string {
  return path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');
}

/** Starts the sandbox, then `next start` with KUBECONFIG pointing at it. */
export async function startStack(opts: StackOptions): Promise<Stack> {
  mkdirSync(opts.stateDir, { recursive: true });
  if (opts.buildIfStale && buildIsStale()) {
    console.log('podtrail: building the dashboard (one time, about a minute)…');
    const built = spawnSync(process.execPath, [nextBin(), 'build'], {
      cwd: root,
      stdio: 'inherit',
    });
    if (built.status !== 0) throw new Error('next build failed; see the output above');
  }
  const kubeconfigPath = path.join(opts.stateDir, 'kubeconfig');
  const sandboxOptions = {
    port: opts.sandboxPort,
    host: '127.0.0.1',
    scenarios: opts.scenarios,
    speed: opts.speed,
    historyMs: opts.historyMs,
    kubeconfigPath,
  };
  let sandbox = await startSandbox(sandboxOptions);
  // bin/podtrail-server.cjs is what `npm start` and the image run (start-up checks, peer stamp).
  const dashboard = spawn(process.execPath, [path.join(root, 'bin', 'podtrail-server.cjs')], {
    cwd: root,
    stdio: 'inherit',
    env: {
      ...process.env,
      HOST: opts.host,
      PORT: String(opts.port),
      KUBECONFIG: kubeconfigPath,
      PODTRAIL_DATA_DIR: path.join(opts.stateDir, 'data'),
      PODTRAIL_REGISTRY_MIRROR: process.env.PODTRAIL_REGISTRY_MIRROR ?? sandbox.url,
      NEXT_TELEMETRY_DISABLED: '1',
      // Podtrail's own SIGTERM handler stops in order and exits (instrumentation.ts).
      NEXT_MANUAL_SIG_HANDLE: '1',
    },
  });
  const stop = async () => {
    dashboard.kill('SIGTERM');
    await sandbox.stop();
  };
  // A restored control plane: the same cluster (same seed) from its start again, on the same
  // port, so its resourceVersions are lower than the ones the dashboard has seen.
  const restartSandbox = async (restart: { seed?: number } = {}) => {
    await sandbox.stop();
    sandbox = await startSandbox({ ...sandboxOptions, ...restart });
    return sandbox;
  };
  return {
    get sandbox(): Sandbox {
      return sandbox;
    },
    dashboard,
    url: `http://${opts.host}:${opts.port}`,
    stop,
    restartSandbox,
  };
}
