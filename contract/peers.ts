/**
 * Test peers: real programs built from Go modules under contract/ by scripts/build-peers.sh into
 * PODTRAIL_PEERS_DIR (default <repo>/.peers/bin). A test that needs one fails with a clear message
 * when it is missing — it never skips.
 */
import { execFileSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '..');

export function peersDir(): string {
  return path.resolve(process.env.PODTRAIL_PEERS_DIR ?? path.join(REPO_ROOT, '.peers', 'bin'));
}

/** The path of a built peer, or an error that says how to build it. */
export function peerPath(name: string): string {
  const file = path.join(peersDir(), name);
  try {
    accessSync(file, constants.X_OK);
  } catch {
    throw new Error(
      `test peer "${name}" is missing from ${peersDir()}: run \`bash scripts/build-peers.sh ${name}\` ` +
        `(scripts/test.sh does it once per run), or point PODTRAIL_PEERS_DIR at a folder holding it`,
    );
  }
  return file;
}

/** Builds the named peers when their sources changed (fast when the Go build cache is warm). */
export function buildPeers(names: string[]): void {
  execFileSync('bash', [path.join(REPO_ROOT, 'scripts', 'build-peers.sh'), ...names], {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
}
