// For tests: a throwaway PostgreSQL cluster in a temp dir on a random port (initdb + pg_ctl),
// unless DATABASE_URL names one. Runs the binaries as the postgres user when we are root.
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** A running PostgreSQL and how to stop it. */
export interface ThrowawayPostgres {
  url: string;
  stop(): void;
}

function binDir(): string {
  for (const dir of [
    '/usr/local/bin',
    '/usr/lib/postgresql/15/bin',
    '/usr/lib/postgresql/16/bin',
  ]) {
    if (existsSync(path.join(dir, 'initdb')) && existsSync(path.join(dir, 'pg_ctl'))) return dir;
  }
  throw new Error('PostgreSQL binaries (initdb, pg_ctl) not found; run scripts/ensure-system.sh');
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(),
      );
    });
  });
}

function run(command: string, args: string[], asPostgres: boolean): void {
  if (!asPostgres) {
    execFileSync(command, args, { stdio: 'pipe' });
    return;
  }
  const quoted = [command, ...args].map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(' ');
  execFileSync('su', ['postgres', '-s', '/bin/sh', '-c', quoted], { stdio: 'pipe' });
}

/** Starts a throwaway cluster (or uses DATABASE_URL). */
export async function startThrowawayPostgres(): Promise<ThrowawayPostgres> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, stop: () => {} };
  const bin = binDir();
  const asPostgres = process.getuid?.() === 0;
  const dir = mkdtempSync(path.join(tmpdir(), 'podtrail-pg-'));
  if (asPostgres) {
    const ids = execFileSync('id', ['-u', 'postgres']).toString().trim();
    const gid = execFileSync('id', ['-g', 'postgres']).toString().trim();
    chownSync(dir, Number(ids), Number(gid));
  }
  const data = path.join(dir, 'data');
  const port = await freePort();
  run(
    path.join(bin, 'initdb'),
    ['-D', data, '-U', 'podtrail', '--auth=trust', '-E', 'UTF8'],
    asPostgres,
  );
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`;
  run(
    path.join(bin, 'pg_ctl'),
    ['-D', data, '-o', options, '-l', path.join(dir, 'log'), '-w', 'start'],
    asPostgres,
  );
  return {
    url: `postgres://podtrail@127.0.0.1:${port}/postgres`,
    stop() {
      try {
        run(path.join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', 'stop'], asPostgres);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
