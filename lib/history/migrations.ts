// Schema migrations, the same SQL for PGlite and PostgreSQL. Append only: never edit a shipped one.
import type { SqlStore } from './sql-store';

const migrations: Array<{ id: number; sql: string }> = [
  {
    id: 1,
    sql: `
CREATE TABLE pods (
  cluster text NOT NULL, uid text NOT NULL, namespace text NOT NULL, name text NOT NULL,
  owner_kind text, owner_name text, owner_uid text, node_name text,
  created_at bigint NOT NULL, deleted_at bigint, last_seen_at bigint NOT NULL,
  last_object jsonb,
  PRIMARY KEY (cluster, uid));
CREATE INDEX pods_by_owner ON pods (cluster, namespace, owner_name);
CREATE INDEX pods_by_name ON pods (cluster, namespace, name);
CREATE TABLE terminations (
  cluster text NOT NULL, pod_uid text NOT NULL, namespace text NOT NULL, pod_name text NOT NULL,
  container text NOT NULL, restart_count integer NOT NULL, container_id text NOT NULL DEFAULT '',
  exit_code integer NOT NULL, signal integer, reason text, message text,
  started_at bigint, finished_at bigint NOT NULL, image text, image_id text, log_head text,
  seen_at bigint NOT NULL,
  PRIMARY KEY (cluster, pod_uid, container, container_id, restart_count));
CREATE INDEX terminations_by_finish ON terminations (cluster, finished_at);
CREATE TABLE events (
  cluster text NOT NULL, uid text NOT NULL, namespace text NOT NULL,
  involved_kind text, involved_name text, involved_uid text,
  type text, reason text, message text, count integer NOT NULL DEFAULT 1,
  first_at bigint, last_at bigint NOT NULL, object jsonb NOT NULL,
  PRIMARY KEY (cluster, uid));
CREATE INDEX events_by_object ON events (cluster, namespace, involved_name);
CREATE TABLE event_counts (
  cluster text NOT NULL, uid text NOT NULL, count integer NOT NULL, at bigint NOT NULL,
  PRIMARY KEY (cluster, uid, count));
CREATE TABLE replicasets (
  cluster text NOT NULL, uid text NOT NULL, namespace text NOT NULL, name text NOT NULL,
  owner_kind text, owner_name text, revision integer, template jsonb,
  created_at bigint NOT NULL, deleted_at bigint, last_seen_at bigint NOT NULL,
  PRIMARY KEY (cluster, uid));
CREATE INDEX replicasets_by_owner ON replicasets (cluster, namespace, owner_name);
CREATE TABLE replicaset_revisions (
  cluster text NOT NULL, rs_uid text NOT NULL, revision integer NOT NULL, seen_at bigint NOT NULL,
  PRIMARY KEY (cluster, rs_uid, revision));
CREATE TABLE gaps (
  id serial PRIMARY KEY, cluster text NOT NULL, from_at bigint NOT NULL, to_at bigint NOT NULL,
  reason text NOT NULL);
CREATE INDEX gaps_by_time ON gaps (cluster, to_at);
CREATE TABLE sessions (
  id text PRIMARY KEY, cluster text NOT NULL, started_at bigint NOT NULL,
  last_alive_at bigint NOT NULL);
`,
  },
  {
    // Why a termination has no log head (fetch failed, run superseded before it was fetched).
    id: 2,
    sql: 'ALTER TABLE terminations ADD COLUMN log_head_error text;',
  },
  {
    // Alerts Alertmanager delivered (lib/alerts). One row per alert instance: Alertmanager's
    // fingerprint (a hash of the labels) plus startsAt; cluster '' when the alert named none.
    id: 3,
    sql: `
CREATE TABLE alerts (
  cluster text NOT NULL, fingerprint text NOT NULL, starts_at bigint NOT NULL,
  alertname text NOT NULL, status text NOT NULL, ends_at bigint,
  namespace text, pod text, container text, workload_kind text, workload_name text,
  severity text, summary text, labels jsonb NOT NULL, annotations jsonb NOT NULL,
  generator_url text, first_received_at bigint NOT NULL, last_received_at bigint NOT NULL,
  PRIMARY KEY (cluster, fingerprint, starts_at));
CREATE INDEX alerts_by_pod ON alerts (namespace, pod);
CREATE INDEX alerts_by_workload ON alerts (namespace, workload_name);
`,
  },
  {
    // Memory usage over time (metrics.k8s.io) of crash-looping or near-limit pods' containers:
    // one row per container and PodMetrics timestamp (lib/history/memory-samples.ts).
    id: 4,
    sql: `
CREATE TABLE memory_samples (
  cluster text NOT NULL, pod_uid text NOT NULL, container text NOT NULL, at bigint NOT NULL,
  usage_bytes bigint NOT NULL, limit_bytes bigint,
  PRIMARY KEY (cluster, pod_uid, container, at));
CREATE INDEX memory_samples_by_time ON memory_samples (cluster, at);
`,
  },
];

/** A string as an SQL literal. */
function literal(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/**
 * Brings the schema up to date (idempotent). Replicas sharing one PostgreSQL start together: each
 * step holds one advisory lock, and a migration is applied only if, under that lock, no other
 * replica has applied it meanwhile (checked inside the transaction, not before it).
 */
export async function migrate(store: SqlStore): Promise<void> {
  await store.exec(
    `BEGIN;
SELECT pg_advisory_xact_lock(424242);
CREATE TABLE IF NOT EXISTS podtrail_migrations (id integer PRIMARY KEY, applied_at bigint NOT NULL);
COMMIT;`,
  );
  const done = await store.query<{ id: number }>('SELECT id FROM podtrail_migrations');
  const applied = new Set(done.map((r) => Number(r.id)));
  for (const migration of migrations) {
    if (applied.has(migration.id)) continue;
    await store.exec(
      `BEGIN;
SELECT pg_advisory_xact_lock(424242);
DO $podtrail$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM podtrail_migrations WHERE id = ${migration.id}) THEN
    EXECUTE ${literal(migration.sql)};
    INSERT INTO podtrail_migrations (id, applied_at)
      VALUES (${migration.id}, (extract(epoch from now()) * 1000)::bigint);
  END IF;
END $podtrail$;
COMMIT;`,
    );
  }
}
