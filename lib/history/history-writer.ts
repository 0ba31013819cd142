// The SQL that records what the recorder sees. Every write is idempotent (replayed watch events
// and relists write nothing new).
import { revisionOf, toMs, type EventLike, type PodLike, type WorkloadLike } from '../diagnosis';
import { controllerOf, eventTimes, type TerminationRow } from './extract';
import type { SqlStore } from './sql-store';

/** Records one cluster's observations into the store. */
export class HistoryWriter {
  constructor(
    private readonly store: SqlStore,
    private readonly cluster: string,
  ) {}

  /** Upserts a pod (creation, owner, node, last object). */
  async upsertPod(pod: PodLike, now: number): Promise<void> {
    const meta = pod.metadata;
    const owner = controllerOf(meta);
    await this.store.query(
      `INSERT INTO pods (cluster, uid, namespace, name, owner_kind, owner_name, owner_uid, node_name,
         created_at, deleted_at, last_seen_at, last_object)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,NULL,$10,$11)
       ON CONFLICT (cluster, uid) DO UPDATE SET node_name = COALESCE(EXCLUDED.node_name, pods.node_name),
         last_seen_at = EXCLUDED.last_seen_at, last_object = EXCLUDED.last_object`,
      [
        this.cluster,
        meta.uid,
        meta.namespace ?? '',
        meta.name ?? '',
        owner?.kind ?? null,
        owner?.name ?? null,
        owner?.uid ?? null,
        pod.spec?.nodeName ?? null,
        toMs(meta.creationTimestamp) ?? now,
        now,
        JSON.stringify(pod),
      ],
    );
  }

  /** Marks a pod deleted. */
  async deletePod(pod: PodLike, now: number): Promise<void> {
    await this.upsertPod(pod, now);
    await this.store.query(
      'UPDATE pods SET deleted_at = $3 WHERE cluster = $1 AND uid = $2 AND deleted_at IS NULL',
      [this.cluster, pod.metadata.uid, now],
    );
  }

  /** Marks deleted (at `at`) every recorded live pod not in `liveUids`, outside `skipNamespaces`. */
  async markMissingPodsDeleted(
    liveUids: string[],
    skipNamespaces: string[],
    at: number,
  ): Promise<void> {
    await this.store.query(
      `UPDATE pods SET deleted_at = GREATEST(last_seen_at, $4) WHERE cluster = $1 AND deleted_at IS NULL
         AND NOT (uid = ANY($2::text[])) AND NOT (namespace = ANY($3::text[]))`,
      [this.cluster, liveUids, skipNamespaces, at],
    );
  }

  /** Inserts a termination; true when it is new (not seen before). */
  async insertTermination(row: TerminationRow, now: number): Promise<boolean> {
    const inserted = await this.store.query(
      `INSERT INTO terminations (cluster, pod_uid, namespace, pod_name, container, restart_count,
         container_id, exit_code, signal, reason, message, started_at, finished_at, image, image_id, seen_at)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16)
       ON CONFLICT DO NOTHING RETURNING pod_uid`,
      [
        this.cluster,
        row.podUid,
        row.namespace,
        row.podName,
        row.container,
        row.restartCount,
        row.containerID,
        row.exitCode,
        row.signal ?? null,
        row.reason ?? null,
        row.message ?? null,
        row.startedAt ?? null,
        row.finishedAt,
        row.image ?? null,
        row.imageID ?? null,
        now,
      ],
    );
    return inserted.length > 0;
  }

  /** Stores the head of a termination's log. */
  async setLogHead(row: TerminationRow, logHead: string): Promise<void> {
    await this.store.query(
      `UPDATE terminations SET log_head = $6, log_head_error = NULL WHERE cluster = $1
         AND pod_uid = $2 AND container = $3 AND container_id = $4 AND restart_count = $5`,
      [this.cluster, row.podUid, row.container, row.containerID, row.restartCount, logHead],
    );
  }

  /** Records why a termination's log head could not be captured. */
  async setLogHeadError(row: TerminationRow, reason: string): Promise<void> {
    await this.store.query(
      `UPDATE terminations SET log_head_error = $6 WHERE cluster = $1 AND pod_uid = $2
         AND container = $3 AND container_id = $4 AND restart_count = $5 AND log_head IS NULL`,
      [this.cluster, row.podUid, row.container, row.containerID, row.restartCount, reason],
    );
  }

  /** Whether a termination's log head is stored already. */
  async hasLogHead(row: TerminationRow): Promise<boolean> {
    const rows = await this.store.query(
      `SELECT 1 FROM terminations WHERE cluster = $1 AND pod_uid = $2 AND container = $3
         AND container_id = $4 AND restart_count = $5 AND log_head IS NOT NULL`,
      [this.cluster, row.podUid, row.container, row.containerID, row.restartCount],
    );
    return rows.length > 0;
  }

  /** Upserts an event and appends to its count series. */
  async upsertEvent(event: EventLike): Promise<void> {
    const uid = event.metadata?.uid;
    if (!uid) return;
    const { count, firstAt, lastAt } = eventTimes(event);
    const involved = event.involvedObject ?? {};
    await this.store.query(
      `INSERT INTO events (cluster, uid, namespace, involved_kind, involved_name, involved_uid, type,
         reason, message, count, first_at, last_at, object)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13)
       ON CONFLICT (cluster, uid) DO UPDATE SET count = EXCLUDED.count, last_at = EXCLUDED.last_at,
         message = EXCLUDED.message, object = EXCLUDED.object`,
      [
        this.cluster,
        uid,
        event.metadata?.namespace ?? involved.namespace ?? '',
        involved.kind ?? null,
        involved.name ?? null,
        involved.uid ?? null,
        event.type ?? null,
        event.reason ?? null,
        event.message ?? null,
        count,
        firstAt ?? null,
        lastAt,
        JSON.stringify(event),
      ],
    );
    await this.store.query(
      'INSERT INTO event_counts (cluster, uid, count, at) VALUES ($1,$2,$3,$4) ON CONFLICT DO NOTHING',
      [this.cluster, uid, count, lastAt],
    );
  }

  /** Upserts a ReplicaSet and records its revision number when it is new. */
  async upsertReplicaSet(
    rs: WorkloadLike,
    now: number,
    options: { deleted: boolean },
  ): Promise<void> {
    const owner = controllerOf(rs.metadata);
    const revision = revisionOf(rs);
    await this.store.query(
      `INSERT INTO replicasets (cluster, uid, namespace, name, owner_kind, owner_name, revision,
         template, created_at, deleted_at, last_seen_at)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11)
       ON CONFLICT (cluster, uid) DO UPDATE SET revision = EXCLUDED.revision,
         template = EXCLUDED.template, last_seen_at = EXCLUDED.last_seen_at,
         deleted_at = COALESCE(replicasets.deleted_at, EXCLUDED.deleted_at)`,
      [
        this.cluster,
        rs.metadata.uid,
        rs.metadata.namespace ?? '',
        rs.metadata.name ?? '',
        owner?.kind ?? null,
        owner?.name ?? null,
        revision ?? null,
        JSON.stringify(rs.spec?.template ?? null),
        toMs(rs.metadata.creationTimestamp) ?? now,
        options.deleted ? now : null,
        now,
      ],
    );
    if (revision === undefined) return;
    await this.store.query(
      `INSERT INTO replicaset_revisions (cluster, rs_uid, revision, seen_at) VALUES ($1,$2,$3,$4)
       ON CONFLICT DO NOTHING`,
      [this.cluster, rs.metadata.uid, revision, now],
    );
  }

  /** Records a window nobody was watching. */
  async insertGap(from: number, to: number, reason: string): Promise<void> {
    if (to <= from) return;
    await this.store.query(
      'INSERT INTO gaps (cluster, from_at, to_at, reason) VALUES ($1,$2,$3,$4)',
      [this.cluster, from, to, reason],
    );
  }
}
