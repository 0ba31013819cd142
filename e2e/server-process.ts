// Starts extra dashboards from the same production build with other settings (sign-in modes,
// start-up refusals), through bin/podtrail-server.cjs as `npm start` and the image run it,
// against the e2e sandbox cluster.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { sandboxUrl } from './helpers';

/** A dashboard process started by a spec. */
export interface ServerProcess {
  url: string;
  output: () => string;
  /** Resolves with the exit code once the process ends. */
  exited: Promise<number | null>;
  stop: () => Promise<void>;
}

/** A kubeconfig for the e2e sandbox (context `sandbox`), in a fresh temporary folder. */
export function sandboxKubeconfig(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'podtrail-auth-'));
  const file = path.join(dir, 'config');
  writeFileSync(
    file,
    [
      'apiVersion: v1',
      'kind: Config',
      'clusters:',
      `- name: sandbox\n  cluster:\n    server: ${sandboxUrl}\n    insecure-skip-tls-verify: true`,
      'users:',
      '- name: sandbox\n  user: {}',
      'contexts:',
      '- name: sandbox\n  context: {cluster: sandbox, user: sandbox}',
      'current-context: sandbox',
      '',
    ].join('\n'),
  );
  return file;
}

/** A port nothing listens on now (the OS picks it), so parallel specs never share one. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** Spawns `node bin/podtrail-server.cjs` with these settings (HOST 127.0.0.1 unless given). */
export function startServer(port: number, env: Record<string, string>): ServerProcess {
  const root = path.resolve(__dirname, '..');
  let out = '';
  const child: ChildProcess = spawn(
    process.execPath,
    [path.join(root, 'bin', 'podtrail-server.cjs')],
    {
      cwd: root,
      env: {
        ...process.env,
        HOST: '127.0.0.1',
        PORT: String(port),
        KUBECONFIG: sandboxKubeconfig(),
        PODTRAIL_RECORDER: 'off',
        PODTRAIL_DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'podtrail-auth-data-')),
        NEXT_TELEMETRY_DISABLED: '1',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  child.stdout?.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (out += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    url: `http://127.0.0.1:${port}`,
    output: () => out,
    exited,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

/** Waits until the server answers its liveness probe. */
export async function whenListening(server: ServerProcess, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      const response = await fetch(`${server.url}/api/health?live=1`, {
        headers: { host: '127.0.0.1' },
      });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`dashboard did not start:\n${server.output()}`);
}
