// Profiling aid (not part of the bench table): starts a scale sandbox of N pods and computes the
// board R times from synced caches, printing each round's time and the board's row count.
// node --conditions=react-server --import tsx bench/profile-diagnosis.ts 10000 200 500 5
// (`--no-profile` after the numbers: round times only, without the profiler's overhead.)
import { mkdtempSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import os from 'node:os';
import path from 'node:path';
import { loadClusters } from '../lib/k8s';
import { computeBoardView, createRuntime, stopRuntime } from '../lib/views';
import { syncBoardCaches } from './diagnosis-time';
import { startScaleSandbox } from './processes';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const profiling = !args.includes('--no-profile');
  const [pods = 10_000, namespaces = 200, nodes = 500, rounds = 5] = args
    .filter((a) => !a.startsWith('--'))
    .map(Number);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'podtrail-profile-'));
  let t = Date.now();
  const sandbox = await startScaleSandbox({ pods, namespaces, nodes }, dir);
  console.log(`sandbox ${((Date.now() - t) / 1000).toFixed(1)} s`);
  t = Date.now();
  const runtime = createRuntime({
    clusters: loadClusters({ kubeconfig: sandbox.kubeconfig }),
    history: false,
  });
  const leases = await syncBoardCaches(runtime);
  console.log(`synced ${((Date.now() - t) / 1000).toFixed(1)} s`, process.memoryUsage());
  // Round 0 diagnoses every pod; the rest are what a change costs. Profiles of both, apart.
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  for (let i = 0; i < rounds; i++) {
    if (profiling && i <= 1) await session.post('Profiler.start');
    t = performance.now();
    const cpu = process.cpuUsage();
    const view = (await computeBoardView({}, runtime)) as { rows?: unknown[] };
    // CPU time says what a round costs on a shared machine, where wall time waits for a core.
    const { user, system } = process.cpuUsage(cpu);
    const cpuMs = ((user + system) / 1000).toFixed(0);
    const wall = (performance.now() - t).toFixed(0);
    console.log(`round ${i}: ${wall} ms (cpu ${cpuMs} ms), ${view.rows?.length} rows`);
    if (profiling && (i === 0 || i === rounds - 1)) {
      const { profile } = await session.post('Profiler.stop');
      const file = path.join(os.tmpdir(), `podtrail-board-${i === 0 ? 'cold' : 'warm'}.cpuprofile`);
      writeFileSync(file, JSON.stringify(profile));
      console.log(`profile: ${file}`);
    }
  }
  for (const lease of leases) lease.release();
  await stopRuntime(runtime);
  await sandbox.stop();
}

void main().then(() => process.exit(0));
