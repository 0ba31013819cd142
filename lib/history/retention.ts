// Deletes history older than the retention window.
import type { SqlStore } from './sql-store';

/**
 * Deletes rows that ended before `cutoff` (epoch ms); memory samples, the bulkiest rows, already
 * before `samplesCutoff` when that is later.
 */
export async function applyRetention(
  store: SqlStore,
  cutoff: number,
  samplesCutoff: number = cutoff,
): Promise<void> {
  await store.query('DELETE FROM memory_samples WHERE at < $1', [Math.max(cutoff, samplesCutoff)]);
  await store.query('DELETE FROM terminations WHERE finished_at < $1', [cutoff]);
  await store.query(
    'DELETE FROM event_counts WHERE uid IN (SELECT uid FROM events WHERE last_at < $1)',
    [cutoff],
  );
  await store.query('DELETE FROM events WHERE last_at < $1', [cutoff]);
  await store.query('DELETE FROM pods WHERE deleted_at IS NOT NULL AND deleted_at < $1', [cutoff]);
  await store.query('DELETE FROM replicasets WHERE deleted_at IS NOT NULL AND deleted_at < $1', [
    cutoff,
  ]);
  await store.query('DELETE FROM gaps WHERE to_at < $1', [cutoff]);
  await store.query('DELETE FROM sessions WHERE last_alive_at < $1', [cutoff]);
  await store.query('DELETE FROM alerts WHERE last_received_at < $1', [cutoff]);
}
