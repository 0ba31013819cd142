// The processes a bench run starts: the scale sandbox, Podtrail's production server and the
// naive baseline, each in its own process so their RSS and CPU are their own.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { startThrowawayPostgres } from '../lib/history/test-support/throwaway-postgres';

const root = path.resolve(__dirname, '..');
const tsx = path.join(root, 'node_modules/tsx/dist/cli.mjs');

/** A started child process. */
export interface Child {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

/** Counters of the sandbox's /sandbox/stats. */
export interface ApiRequests {
  total: number;
  list: number;
  watch: number;
  get: number;
  log: number;
}

function stopper(child: ChildProcess): () => Promise<void> {
  return () =>
    new Promise((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 5_000).unref();
    });
}

function firstLine(child: ChildProcess, what: string, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let buffer = '';
    const timer = setTimeout(() => reject(new Error(`bench: ${what} did not start`)), timeoutMs);
    child.stdout?.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const line = buffer.split('\n').find((l) => l.startsWith('{'));
      if (line) {
        clearTimeout(timer);
        resolve(line);
      }
    });
    child.once('exit', (code) => reject(new Error(`bench: ${what} exited with ${code}`)));
  });
}

/** A scale-mode sandbox; `stats()` reads its API-server request counters. */
export async function startScaleSandbox(
  size: { pods: number; namespaces: number; nodes: number },
  dir: string,
): Promise<
  Child & {
    kubeconfig: string;
    /** API requests of one client (User-Agent product: "podtrail", "naive-dashboard"). */
    stats(agent: string): Promise<ApiRequests>;
  }
> {
  // The simulated API server holds every object as parsed JSON (~30 kB a pod with its indexes):
  // past ~100,000 pods that outgrows Node's default 4 GB heap.
  const heapMb = Math.max(4096, Math.ceil(size.pods / 10));
  const child = spawn(
    process.execPath,
    [
      tsx,
      path.join(__dirname, 'scale-sandbox.ts'),
      ...[size.pods, size.namespaces, size.nodes].map(String),
      dir,
    ],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
      // NODE_OPTIONS: tsx runs the script in a child process of its own.
      env: { ...process.env, NODE_OPTIONS: `--max-old-space-size=${heapMb}` },
    },
  );
  // Generating the objects takes about a minute per 10,000 pods on 2 busy cores.
  const line = await firstLine(child, 'sandbox', 600_000 + size.pods * 12).catch(
    async (error: unknown) => {
      await stopper(child)();
      throw error;
    },
  );
  const { url, kubeconfig } = JSON.parse(line) as { url: string; kubeconfig: string };
  return {
    url,
    kubeconfig,
    pid: child.pid ?? 0,
    stop: stopper(child),
    async stats(agent: string) {
      const body = (await (await fetch(`${url}/sandbox/stats`)).json()) as {
        byAgent: Record<string, ApiRequests>;
      };
      return body.byAgent[agent] ?? { total: 0, list: 0, watch: 0, get: 0, log: 0 };
    },
  };
}

async function waitForHttp(url: string, timeoutMs: number): Promise<void> {
  const start = Date.now();
  for (;;) {
    const ok = await fetch(url).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    if (Date.now() - start > timeoutMs) throw new Error(`bench: ${url} did not answer`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/**
 * Creates the history store's PGlite directory in a process of its own, as a server restarted on
 * its data directory finds it: PostgreSQL's initdb, which runs once per directory, peaks at
 * ~600 MB of WASM memory, and the RSS it leaves behind is not the server's steady state.
 */
export async function initHistoryDir(dataDir: string): Promise<void> {
  const script = `require('node:fs').mkdirSync(process.argv[1], { recursive: true });
  import('@electric-sql/pglite').then(async ({ PGlite }) => {
    const db = await PGlite.create(process.argv[1]);
    await db.close();
  })`;
  const child = spawn(process.execPath, ['-e', script, path.join(dataDir, 'history')], {
    cwd: root,
    stdio: 'inherit',
  });
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`bench: PGlite initdb exited with ${code}`);
}

/** Process memory as Podtrail's /api/health reports it (bytes). */
export interface ServerMemory {
  rss: number;
  heapTotal: number;
  heapUsed: number;
  external: number;
  arrayBuffers: number;
}

/** Podtrail's own account of its memory. */
export async function serverMemory(url: string): Promise<ServerMemory> {
  const health = (await (await fetch(`${url}/api/health`)).json()) as { memory: ServerMemory };
  return health.memory;
}

/**
 * Podtrail's production server (`npm start`: bin/podtrail-server.cjs) against a kubeconfig, its
 * history in PGlite under `dataDir` or, given `databaseUrl`, in that PostgreSQL.
 */
export async function startPodtrail(
  kubeconfig: string,
  port: number,
  dataDir: string,
  databaseUrl?: string,
): Promise<Child> {
  const child = spawn(process.execPath, [path.join(root, 'bin/podtrail-server.cjs')], {
    cwd: root,
    env: {
      ...process.env,
      KUBECONFIG: kubeconfig,
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : { PODTRAIL_DATA_DIR: dataDir }),
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  await waitForHttp(`${url}/api/health`, 120_000);
  return { url, pid: child.pid ?? 0, stop: stopper(child) };
}

/** The naive baseline dashboard (bench/naive-dashboard.ts). */
export async function startNaive(kubeconfig: string, port: number): Promise<Child> {
  const child = spawn(
    process.execPath,
    [tsx, path.join(__dirname, 'naive-dashboard.ts'), kubeconfig, String(port)],
    {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, NODE_OPTIONS: '--conditions=react-server' },
    },
  );
  const url = `http://127.0.0.1:${port}`;
  await waitForHttp(`${url}/health`, 60_000);
  return { url, pid: child.pid ?? 0, stop: stopper(child) };
}

/**
 * A throwaway PostgreSQL (Debian's, through lib/history's test support) and the proportional
 * memory of its processes, in bytes.
 */
export async function startPostgres(): Promise<{ url: string; stop(): void; pss(): number }> {
  const pg = await startThrowawayPostgres();
  const port = new URL(pg.url).port;
  return {
    ...pg,
    pss() {
      // The postmaster is the postgres process started with `-p <port>`; the rest are its children.
      const postmaster = readdirSync('/proc').find((pid) => {
        try {
          const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
          return cmd[0]?.endsWith('postgres') && cmd.includes(port);
        } catch {
          return false;
        }
      });
      return postmaster ? treeMemory(Number(postmaster), pssOf) : 0;
    },
  };
}

function rssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
}

function pssOf(pid: number): number {
  const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
  return Number(/^Pss:\s+(\d+) kB/m.exec(rollup)?.[1] ?? 0) * 1024;
}

/** A memory figure of a process and its descendants, in bytes (Linux /proc). */
function treeMemory(pid: number, of: (pid: number) => number): number {
  let total = 0;
  try {
    total += of(pid);
    for (const task of readdirSync(`/proc/${pid}/task`)) {
      const children = readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim();
      for (const c of children ? children.split(/\s+/) : []) total += treeMemory(Number(c), of);
    }
  } catch {
    // the process is gone
  }
  return total;
}

/** Resident memory of a process and its descendants, in bytes (Linux /proc). */
export function treeRss(pid: number): number {
  return treeMemory(pid, rssOf);
}
