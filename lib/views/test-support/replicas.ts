// For leader-election tests: Podtrail replicas (lib/views/test-support/recorder-replica.ts) in
// child processes, each reporting its recorder role; stopped with SIGTERM or killed with SIGKILL.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { RecorderRole } from '../health-view';

/** One replica process and the roles it last reported. */
export interface Replica {
  name: string;
  pid: number;
  /** The last reported role of the first cluster (undefined before the first report). */
  role(): RecorderRole | undefined;
  /** Sends SIGTERM and waits for the exit (the leader hands its Lease back). */
  stop(): Promise<void>;
  /** SIGKILL: a crash, the Lease is left as it was. */
  kill(): Promise<void>;
  output(): string;
}

const script = path.resolve(__dirname, 'recorder-replica.ts');
const root = path.resolve(__dirname, '../../..');

/** Starts one replica with these environment variables added (KUBECONFIG, DATABASE_URL, …). */
export function startReplica(name: string, env: Record<string, string>): Replica {
  const child: ChildProcess = spawn(
    process.execPath,
    ['--conditions=react-server', '--import', 'tsx', script],
    {
      cwd: root,
      env: { ...process.env, ...env, POD_NAME: name },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let last: RecorderRole | undefined;
  let log = '';
  createInterface({ input: child.stdout! }).on('line', (line) => {
    log += `${line}\n`;
    if (!line.startsWith('{')) return;
    const report = JSON.parse(line) as { recording: RecorderRole[] };
    last = report.recording[0];
  });
  child.stderr!.on('data', (chunk: Buffer) => (log += chunk.toString('utf8')));
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const signal = async (sig: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(sig);
    await exited;
  };
  return {
    name,
    pid: child.pid ?? 0,
    role: () => last,
    stop: () => signal('SIGTERM'),
    kill: () => signal('SIGKILL'),
    output: () => log,
  };
}
