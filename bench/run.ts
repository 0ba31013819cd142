// npm run bench: figures, no assertions.
//  3. diagnosePod throughput and heap; the log scanner on a 5 MiB log.
//  1. One watch for all viewers: the sandbox's list/watch request counts with 1 and with 50
//     concurrent SSE viewers of the board.
//  2. Crash → SSE client latency: p50/p95 over 100 crashes of a sandbox pod.
// lib/* is server-only; this re-runs itself under the react-server condition like Next.js does.
import { spawnSync } from 'node:child_process';

async function main(): Promise<void> {
  const { benchViewers } = await import('./viewers');
  const { benchCrashLatency } = await import('./crash-latency');
  const { benchDiagnosis, benchHugeLog } = await import('./diagnosis');
  console.log('podtrail bench\n');
  for (const viewers of [1, 50]) await benchViewers(viewers);
  await benchCrashLatency(100);
  benchDiagnosis();
  benchHugeLog();
}

if (!process.execArgv.some((a) => a.includes('react-server'))) {
  const self = process.argv[1] ?? 'bench/run.ts';
  const child = spawnSync(
    process.execPath,
    ['--conditions=react-server', '--import', 'tsx', self],
    {
      stdio: 'inherit',
    },
  );
  process.exit(child.status ?? 1);
} else {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
