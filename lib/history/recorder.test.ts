import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PodLike } from '../diagnosis';
import { K8sAccess } from '../k8s';
import {
  startSandboxCluster,
  waitFor,
  type SandboxCluster,
} from '../k8s/test-support/sandbox-cluster';
import {
  HistoryReader,
  Recorder,
  migrate,
  openSqlStore,
  type OpenStoreOptions,
  type SqlStore,
} from './index';
import { startThrowawayPostgres, type ThrowawayPostgres } from './test-support/throwaway-postgres';

const ns = 'delete-resets-backoff';

interface Session {
  access: K8sAccess;
  store: SqlStore;
  recorder: Recorder;
  reader: HistoryReader;
}

async function openSession(env: SandboxCluster, options: OpenStoreOptions): Promise<Session> {
  const access = new K8sAccess({ clusters: [env.cluster], graceMs: 0 });
  const store = await openSqlStore(options);
  await migrate(store);
  const recorder = new Recorder({ access, store, cluster: 'sandbox', heartbeatMs: 200 });
  await recorder.start();
  return { access, store, recorder, reader: new HistoryReader(store) };
}

async function closeSession(session: Session): Promise<void> {
  await session.recorder.stop();
  session.access.stop();
  await session.store.close();
}

function livePods(session: Session) {
  const lease = session.access.caches.acquire({ cluster: 'sandbox', resource: 'pods' });
  const pods = lease.cache
    .list()
    .filter((p) => p.metadata?.namespace === ns && !p.metadata?.deletionTimestamp);
  lease.release();
  return pods;
}

/** The run of every container that `kubectl logs --previous` answers for, by containerID. */
function previousRuns(session: Session): string[] {
  const lease = session.access.caches.acquire({ cluster: 'sandbox', resource: 'pods' });
  const pods = lease.cache.list() as unknown as PodLike[];
  lease.release();
  return pods.flatMap((p) =>
    (p.status?.containerStatuses ?? []).flatMap((s) => {
      const id = s.lastState?.terminated?.containerID;
      return id ? [id] : [];
    }),
  );
}

async function storedHeads(session: Session): Promise<Map<string, string | undefined>> {
  const rows = await session.store.query<{ container_id: string; log_head: string | null }>(
    'SELECT container_id, log_head FROM terminations',
  );
  return new Map(rows.map((r) => [r.container_id, r.log_head ?? undefined]));
}

const crashLooping = [
  'rollback-hides-cause',
  'stale-image-new-config',
  'oom-no-limit',
  'liveness-slow-start',
  'exits-zero',
  ns,
];

function describeEngine(engine: string, options: () => OpenStoreOptions) {
  describe(`Recorder on ${engine}`, () => {
    it('captures the previous log of pods that were crash-looping before it started, once', async () => {
      // Virtual time stands still (speed 0): no crash lands between the counts.
      const env = await startSandboxCluster({ scenarios: crashLooping, speed: 0 });
      try {
        let session = await openSession(env, options());
        await waitFor(() => previousRuns(session).length > 4, 10_000, 'crashed pods');
        await session.recorder.flush();
        const runs = previousRuns(session);
        const heads = await storedHeads(session);
        expect(runs.filter((id) => !heads.get(id))).toEqual([]);
        expect(session.recorder.logHeadFailures).toBe(0);
        // Each termination the status showed was fetched once, the 4-at-a-time bound notwithstanding.
        const fetched = env.sandbox.stats().requests.log;
        expect(fetched).toBe(heads.size);

        await closeSession(session);
        session = await openSession(env, options());
        await waitFor(() => previousRuns(session).length > 4, 10_000, 'crashed pods again');
        await session.recorder.flush();
        // After a restart only terminations it had not seen yet are fetched.
        const added = (await storedHeads(session)).size - heads.size;
        expect(env.sandbox.stats().requests.log - fetched).toBe(added);
        await closeSession(session);
      } finally {
        await env.stop();
      }
    }, 120_000);

    it('records each run once, under its own restartCount, as many rows as real runs', async () => {
      const env = await startSandboxCluster({ scenarios: crashLooping, speed: 0 });
      try {
        const session = await openSession(env, options());
        await waitFor(() => previousRuns(session).length > 4, 10_000, 'crashed pods');
        // 12 virtual minutes in 20 s steps: every run is seen running, terminated and in back-off.
        for (let i = 0; i < 36; i += 1) {
          env.sandbox.control.advance(20_000);
          await new Promise((r) => setTimeout(r, 40));
        }
        await new Promise((r) => setTimeout(r, 300));
        await session.recorder.flush();
        const rows = await session.store.query<{
          pod_uid: string;
          container: string;
          container_id: string;
          restart_count: number;
        }>('SELECT pod_uid, container, container_id, restart_count FROM terminations');
        const runs = new Set(rows.map((r) => `${r.pod_uid}|${r.container}|${r.container_id}`));
        // The real runs: every distinct instance (containerID) the statuses showed as terminated.
        expect(rows.length).toBeGreaterThan(20);
        expect(rows.length).toBe(runs.size);
        const byContainer = new Map<string, number[]>();
        for (const r of rows) {
          const key = `${r.pod_uid}|${r.container}`;
          byContainer.set(key, [...(byContainer.get(key) ?? []), Number(r.restart_count)]);
        }
        for (const [key, counts] of byContainer) {
          const sorted = [...counts].sort((a, b) => a - b);
          const first = sorted[0] ?? 0;
          // Unique and consecutive from the first run recorded.
          expect(sorted, key).toEqual(sorted.map((_, i) => first + i));
        }
        await closeSession(session);
      } finally {
        await env.stop();
      }
    }, 120_000);

    it('records the time the watch was disconnected as a gap', async () => {
      let env = await startSandboxCluster({ scenarios: [ns] });
      const port = env.sandbox.port;
      const session = await openSession(env, options());
      try {
        const pods = session.access.caches.acquire({ cluster: 'sandbox', resource: 'pods' });
        await waitFor(() => pods.cache.health().state === 'synced');
        await env.stop();
        await waitFor(() => pods.cache.health().state === 'stale', 5_000, 'stale');
        env = await startSandboxCluster({ scenarios: [ns], port });
        await waitFor(() => pods.cache.health().state === 'synced', 15_000, 'synced again');
        pods.release();
        await session.recorder.flush();
        const gaps = await session.reader.gaps('sandbox', 0);
        expect(gaps).toContainEqual(
          expect.objectContaining({ reason: expect.stringMatching(/^pods watch disconnected/) }),
        );
      } finally {
        await closeSession(session);
        await env.stop();
      }
    });

    it('keeps a deleted pod’s terminations under its owner and survives a restart', async () => {
      const env = await startSandboxCluster({ scenarios: [ns] });
      try {
        let session = await openSession(env, options());
        await waitFor(() => livePods(session).length === 1, 10_000, 'the worker pod');
        const victim = livePods(session)[0]!;
        const owner = (victim.metadata?.ownerReferences as Array<{ name: string }>)[0]!.name;
        // The owner's pods, the deleted ones' terminations, and the live pod's own history (a
        // pod's history no longer holds every pod of its owner, only the ones it replaced).
        const byOwner = async () => {
          const pods = await session.reader.podsOfOwner('sandbox', ns, [owner]);
          const deleted = await session.reader.deletedPodHistory('sandbox', [owner]);
          const live = pods.find((p) => p.deletedAt === undefined);
          const own = live
            ? await session.reader.historyForPod('sandbox', ns, {
                uid: live.uid,
                name: live.name,
                ownerNames: [owner],
              })
            : undefined;
          return { ...own, pods, terminations: deleted.terminations };
        };
        env.sandbox.control.crash(ns);
        await session.recorder.flush();
        await waitFor(() => livePods(session)[0]?.metadata?.uid === victim.metadata?.uid);
        env.sandbox.control.deletePod(ns, victim.metadata!.name!);
        env.sandbox.control.advance(31_000);
        await waitFor(
          () => livePods(session).some((p) => p.metadata?.uid !== victim.metadata?.uid),
          10_000,
          'replacement',
        );
        await new Promise((r) => setTimeout(r, 300));
        await session.recorder.flush();
        const history = await byOwner();
        const old = history.pods?.find((p) => p.uid === victim.metadata?.uid);
        expect(old).toMatchObject({
          ownerKind: 'ReplicaSet',
          ownerName: owner,
          deletedAt: expect.any(Number),
        });
        expect(
          history.pods?.some((p) => p.uid !== victim.metadata?.uid && p.deletedAt === undefined),
        ).toBe(true);
        const oldTerminations =
          history.terminations?.filter((t) => t.podUid === victim.metadata?.uid) ?? [];
        expect(oldTerminations.length).toBeGreaterThan(0);
        const keys = oldTerminations.map((t) => `${t.containerID}#${t.restartCount}`);
        expect(new Set(keys).size).toBe(keys.length);
        const withLog = async () =>
          (await byOwner()).terminations?.some((t) => t.logHead?.includes('queue-worker'));
        for (let i = 0; i < 100 && !(await withLog()); i += 1)
          await new Promise((r) => setTimeout(r, 50));
        expect(await withLog()).toBe(true);
        expect((await byOwner()).events?.length).toBeGreaterThan(0);

        const replacement = livePods(session).find(
          (p) => p.metadata?.uid !== victim.metadata?.uid,
        )!;
        await closeSession(session);
        // Deleted while Podtrail is down: the next start sees it missing from the first list.
        env.sandbox.control.deletePod(ns, replacement.metadata!.name!);
        env.sandbox.control.advance(31_000);
        await new Promise((r) => setTimeout(r, 50));
        session = await openSession(env, options());
        await waitFor(
          () =>
            livePods(session).length > 0 &&
            livePods(session)[0]!.metadata?.uid !== replacement.metadata?.uid,
        );
        await new Promise((r) => setTimeout(r, 200));
        await session.recorder.flush();
        const after = await byOwner();
        expect(after.pods?.find((p) => p.uid === replacement.metadata?.uid)?.deletedAt).toEqual(
          expect.any(Number),
        );
        expect(after.terminations?.filter((t) => t.podUid === victim.metadata?.uid)).toHaveLength(
          oldTerminations.length,
        );
        expect(after.gaps?.at(-1)).toMatchObject({ reason: 'Podtrail was not running' });
        await closeSession(session);
      } finally {
        await env.stop();
      }
    });
  });
}

let dataDir = '';
let postgres: ThrowawayPostgres | undefined;
beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'podtrail-recorder-'));
  postgres = await startThrowawayPostgres();
});
afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
  postgres?.stop();
});

describeEngine('PGlite', () => ({ dataDir, databaseUrl: '' }));
describeEngine('PostgreSQL', () => ({ databaseUrl: postgres?.url }));

describe('Recorder log heads on a cluster of pods with init containers', () => {
  it('reads no log of an init container that completed once with exit 0', async () => {
    // Every scale-mode pod has an init container that completed; none crash-loops here.
    const env = await startSandboxCluster({
      scenarios: [],
      speed: 0,
      scale: { pods: 40, namespaces: 2, nodes: 4, crashLoopingShare: 0 },
    });
    const dir = mkdtempSync(path.join(tmpdir(), 'podtrail-recorder-init-'));
    const session = await openSession(env, { dataDir: dir, databaseUrl: '' });
    try {
      await session.recorder.flush();
      const lease = session.access.caches.acquire({ cluster: 'sandbox', resource: 'pods' });
      const pods = lease.cache.list();
      lease.release();
      const completedInits = pods.flatMap((p) =>
        (p.status?.initContainerStatuses ?? []).filter(
          (s) => s.state?.terminated?.exitCode === 0 && s.restartCount === 0,
        ),
      );
      expect(pods.length).toBe(40);
      expect(completedInits.length).toBe(40);
      expect(env.sandbox.stats().byAgent.podtrail?.log ?? 0).toBe(0);
    } finally {
      await closeSession(session);
      await env.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
