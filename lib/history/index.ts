// lib/history: the recorder and its store, the only module that writes data. Server-only.
import 'server-only';

export {
  openSqlStore,
  type SqlStore,
  type OpenStoreOptions,
  type StoreRecovery,
} from './sql-store';
export { migrate } from './migrations';
export { Recorder, retentionFromEnv, type RecorderOptions } from './recorder';
export { HistoryReader, type StoredPod, type StoredReplicaSet } from './history-reader';
export { applyRetention } from './retention';
export { terminationsOf, type TerminationRow } from './extract';
