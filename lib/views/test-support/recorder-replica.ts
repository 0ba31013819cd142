// One Podtrail replica's recorder in its own process, for leader-election tests (run with
// `node --conditions=react-server --import tsx`): the runtime as the server builds it — kubeconfig
// from KUBECONFIG, history in DATABASE_URL, leader election from PODTRAIL_LEADER_ELECTION_LEASE /
// POD_NAMESPACE / POD_NAME — recording until SIGTERM. Prints one JSON line per change of its
// recorder roles: {"recording":[{cluster,role,lease,holder}],"failures":[…],"caches":[…]}. LEADER_TIMING="lease,deadline,retry"
// (ms) shortens the timings.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { leaderElectionFromEnv } from '../../leader-election';
import { createRuntime, recorderRoles, startRecorders, stopRuntime } from '../index';

async function main(): Promise<void> {
  const settings = leaderElectionFromEnv();
  const [lease, deadline, retry] = (process.env.LEADER_TIMING ?? '').split(',').map(Number);
  const runtime = createRuntime({
    kubeconfig: process.env.KUBECONFIG,
    databaseUrl: process.env.DATABASE_URL,
    dataDir: mkdtempSync(path.join(os.tmpdir(), 'podtrail-replica-')),
    leaderElection: settings && {
      ...settings,
      ...(lease ? { leaseDurationMs: lease, renewDeadlineMs: deadline, retryPeriodMs: retry } : {}),
    },
  });
  await startRecorders(runtime);
  let last = '';
  const report = setInterval(() => {
    const line = JSON.stringify({
      recording: recorderRoles(runtime),
      failures: runtime.recorders.map((r) => r.failures),
      caches: runtime.access.caches.running().map((c) => c.health().state),
    });
    if (line !== last) console.log((last = line));
  }, 50);
  process.on('SIGTERM', () => {
    clearInterval(report);
    void stopRuntime(runtime).then(() => {
      console.log(JSON.stringify({ recording: recorderRoles(runtime), stopped: true }));
      process.exit(0);
    });
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
