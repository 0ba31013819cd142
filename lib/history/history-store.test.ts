import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HistoryWriter } from './history-writer';
import { terminationsOf } from './extract';
import { HistoryReader, migrate, openSqlStore, type OpenStoreOptions } from './index';
import { startThrowawayPostgres, type ThrowawayPostgres } from './test-support/throwaway-postgres';
import crashedPod from './fixtures/crash-looping.pod.json';

const pod = crashedPod as Parameters<HistoryWriter['upsertPod']>[0];

async function recordOnce(options: OpenStoreOptions) {
  const store = await openSqlStore(options);
  await migrate(store);
  const writer = new HistoryWriter(store, 'sandbox');
  await writer.upsertPod(pod, 1_700_000_000_000);
  const rows = terminationsOf(pod, 0);
  const inserted = [];
  for (const row of rows) inserted.push(await writer.insertTermination(row, 1));
  for (const row of rows) inserted.push(await writer.insertTermination(row, 2));
  // What a store written before the shared lastState rule holds: the same run one number lower.
  for (const row of rows) await writer.insertTermination({ ...row, restartCount: 4 }, 3);
  await writer.deletePod(pod, 1_700_000_100_000);
  await store.close();
  return inserted;
}

async function readBack(options: OpenStoreOptions) {
  const store = await openSqlStore(options);
  await migrate(store);
  const history = await new HistoryReader(store).historyForPod('sandbox', 'shop', {
    uid: pod.metadata.uid,
    name: pod.metadata.name ?? '',
    ownerNames: ['checkout-7d9f8b6c5d'],
  });
  await store.close();
  return history;
}

function describeEngine(name: string, options: () => OpenStoreOptions) {
  describe(`history store on ${name}`, () => {
    it('keeps each run once (also an old store’s duplicate under a lower number) and survives a reopen', async () => {
      expect(await recordOnce(options())).toEqual([true, false]);
      const history = await readBack(options());
      expect(history.terminations).toHaveLength(1);
      expect(history.terminations?.[0]).toMatchObject({
        container: 'checkout',
        // In back-off, lastState is the dead instance, numbered by the status's own restartCount.
        restartCount: 5,
        exitCode: 1,
        containerID: 'containerd://4f1c',
      });
      expect(history.pods).toEqual([
        expect.objectContaining({
          uid: pod.metadata.uid,
          deletedAt: 1_700_000_100_000,
          ownerName: 'checkout-7d9f8b6c5d',
        }),
      ]);
    });
  });
}

let dataDir = '';
let postgres: ThrowawayPostgres | undefined;
beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'podtrail-pglite-'));
  postgres = await startThrowawayPostgres();
});
afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
  postgres?.stop();
});

describeEngine('PGlite', () => ({ dataDir, databaseUrl: '' }));
describeEngine('PostgreSQL', () => ({ databaseUrl: postgres?.url }));
