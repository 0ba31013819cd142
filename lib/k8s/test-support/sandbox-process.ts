// For fault tests: the sandbox in a child process (so it can be stopped with SIGSTOP and its TCP
// connections stay open, as a hung API server's do), reached through a real kubeconfig.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadClusters, type ClusterConnection } from '../clusters';

/** A sandbox running in its own process. */
export interface SandboxProcess {
  url: string;
  pid: number;
  cluster: ClusterConnection;
  /** POST /sandbox/control/<verb>?params. */
  control(verb: string, params?: Record<string, string>): Promise<unknown>;
  stop(): Promise<void>;
}

const root = path.resolve(__dirname, '../../..');

/** Starts `tsx sandbox/cli.ts` on a random port (or `port`) and waits for its URL. */
export async function startSandboxProcess(
  options: { port?: number; scenarios?: string[]; seed?: number } = {},
): Promise<SandboxProcess> {
  const dir = mkdtempSync(path.join(tmpdir(), 'podtrail-sandbox-proc-'));
  const kubeconfig = path.join(dir, 'config');
  // `node --import tsx` runs the sandbox in this very process (the tsx CLI would fork a child,
  // and SIGSTOP must reach the process that serves).
  const args = [
    '--import',
    'tsx',
    path.join(root, 'sandbox/cli.ts'),
    '--port',
    String(options.port ?? 0),
    '--kubeconfig',
    kubeconfig,
    ...(options.seed === undefined ? [] : ['--seed', String(options.seed)]),
    ...(options.scenarios ?? ['oom-no-limit']).flatMap((s) => ['--scenario', s]),
  ];
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`sandbox did not start:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Kubernetes API at (\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`sandbox exited with ${code}:\n${output}`));
    });
  });
  // Later output is drained so the child never blocks on a full pipe.
  child.stdout?.resume();
  child.stderr?.resume();
  const [cluster] = loadClusters({ kubeconfig });
  if (!cluster || !child.pid) throw new Error('sandbox kubeconfig has no context');
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    url,
    pid: child.pid,
    cluster,
    async control(verb, params = {}) {
      const query = new URLSearchParams(params).toString();
      const response = await fetch(`${url}/sandbox/control/${verb}?${query}`, { method: 'POST' });
      if (!response.ok) throw new Error(`control ${verb}: ${response.status}`);
      return response.json() as Promise<unknown>;
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGCONT');
        child.kill('SIGKILL');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
