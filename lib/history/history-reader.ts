// Reads history back as lib/diagnosis's HistoryInput and as rows for the workload view.
import { dedupeRecordedRuns, replacedPods, toMs } from '../diagnosis';
import type {
  EventLike,
  HistoryInput,
  PodLike,
  RecordedPod,
  RecordedTermination,
  WorkloadLike,
} from '../diagnosis';
import { readMemorySamples } from './memory-samples';
import { num, str, type Row, type SqlStore } from './sql-store';

/** A pod as history knows it, with its last seen object. */
export interface StoredPod extends RecordedPod {
  namespace: string;
  lastObject?: PodLike;
}

/** A ReplicaSet as history knows it, with every revision number it carried. */
export interface StoredReplicaSet {
  uid: string;
  name: string;
  ownerName?: string;
  revision?: number;
  revisions: number[];
  createdAt: number;
  deletedAt?: number;
  template?: NonNullable<WorkloadLike['spec']>['template'];
}

function toPod(row: Row): StoredPod {
  const lastObject = (row.last_object ?? undefined) as PodLike | undefined;
  return {
    uid: String(row.uid),
    name: String(row.name),
    namespace: String(row.namespace),
    createdAt: num(row.created_at) ?? 0,
    deletedAt: num(row.deleted_at),
    deletionRequestedAt: toMs(lastObject?.metadata.deletionTimestamp),
    nodeName: str(row.node_name),
    ownerKind: str(row.owner_kind),
    ownerName: str(row.owner_name),
    lastObject,
  };
}

function toTermination(row: Row): RecordedTermination {
  return {
    podUid: String(row.pod_uid),
    podName: String(row.pod_name),
    container: String(row.container),
    restartCount: num(row.restart_count) ?? 0,
    containerID: str(row.container_id),
    exitCode: num(row.exit_code) ?? 0,
    signal: num(row.signal),
    reason: str(row.reason),
    message: str(row.message),
    startedAt: num(row.started_at),
    finishedAt: num(row.finished_at) ?? 0,
    image: str(row.image),
    imageID: str(row.image_id),
    logHead: str(row.log_head),
  };
}

/** Queries one cluster's history. */
export class HistoryReader {
  constructor(private readonly store: SqlStore) {}

  /** The newest pod of that name (live or deleted), or undefined. */
  async findPod(cluster: string, namespace: string, name: string): Promise<StoredPod | undefined> {
    const rows = await this.store.query(
      `SELECT * FROM pods WHERE cluster = $1 AND namespace = $2 AND name = $3
       ORDER BY created_at DESC LIMIT 1`,
      [cluster, namespace, name],
    );
    return rows[0] ? toPod(rows[0]) : undefined;
  }

  /** Pods of one owner (by owner name), newest first, deleted ones included. */
  async podsOfOwner(
    cluster: string,
    namespace: string,
    ownerNames: string[],
  ): Promise<StoredPod[]> {
    if (ownerNames.length === 0) return [];
    const rows = await this.store.query(
      `SELECT * FROM pods WHERE cluster = $1 AND namespace = $2 AND owner_name = ANY($3::text[])
       ORDER BY created_at DESC LIMIT 500`,
      [cluster, namespace, ownerNames],
    );
    return rows.map(toPod);
  }

  /**
   * The HistoryInput of a pod: itself, the pods it replaced (never its siblings: other replicas
   * of its owner), pods of its other owners (a Deployment's other revisions), their
   * terminations (each run once) and events, and gaps.
   */
  async historyForPod(
    cluster: string,
    namespace: string,
    pod: { uid?: string; name: string; ownerNames: string[] },
  ): Promise<HistoryInput> {
    const owned = await this.podsOfOwner(cluster, namespace, pod.ownerNames);
    const stored = owned.find((p) => p.uid === pod.uid);
    const self = stored ?? (await this.findPod(cluster, namespace, pod.name));
    const replaced = self ? replacedPods(self, owned) : [];
    const keep = new Set([self?.uid, ...replaced.map((p) => p.uid)]);
    const pods = [
      ...owned.filter(
        (p) => keep.has(p.uid) || (self?.ownerName !== undefined && p.ownerName !== self.ownerName),
      ),
      ...(self && !stored ? [self] : []),
    ];
    const uids = pods.map((p) => p.uid);
    const names = [...new Set([pod.name, ...pods.map((p) => p.name)])];
    const sampled = self?.uid ?? pod.uid;
    const [terminations, events, gaps, memorySamples] = await Promise.all([
      this.store.query(
        `SELECT * FROM terminations WHERE cluster = $1 AND pod_uid = ANY($2::text[])
         ORDER BY finished_at LIMIT 2000`,
        [cluster, uids],
      ),
      this.store.query(
        `SELECT object FROM events WHERE cluster = $1 AND namespace = $2
           AND (involved_name = ANY($3::text[]) OR involved_uid = ANY($4::text[]))
         ORDER BY last_at LIMIT 2000`,
        [cluster, namespace, [...names, ...pod.ownerNames], uids],
      ),
      this.gaps(cluster, pods.length > 0 ? Math.min(...pods.map((p) => p.createdAt)) : 0),
      readMemorySamples(this.store, cluster, sampled ? [sampled] : []),
    ]);
    return {
      terminations: dedupeRecordedRuns(terminations.map(toTermination)),
      pods: pods.map(({ lastObject: _o, namespace: _n, ...recorded }) => recorded),
      events: events.map((r) => r.object as EventLike),
      gaps,
      ...(memorySamples.length > 0 ? { memorySamples } : {}),
    };
  }

  /**
   * Deleted pods of these owners with their terminations (each run once): what the board and the
   * workload page need to see a pod replaced while crash-looping, without reading each pod.
   */
  async deletedPodHistory(
    cluster: string,
    ownerNames: string[],
  ): Promise<Required<Pick<HistoryInput, 'pods' | 'terminations'>>> {
    if (ownerNames.length === 0) return { pods: [], terminations: [] };
    const rows = await this.store.query(
      `SELECT * FROM pods WHERE cluster = $1 AND owner_name = ANY($2::text[])
         AND deleted_at IS NOT NULL ORDER BY created_at DESC LIMIT 500`,
      [cluster, ownerNames],
    );
    const pods = rows.map(toPod);
    if (pods.length === 0) return { pods: [], terminations: [] };
    const terminations = await this.store.query(
      `SELECT * FROM terminations WHERE cluster = $1 AND pod_uid = ANY($2::text[])
       ORDER BY finished_at LIMIT 2000`,
      [cluster, pods.map((p) => p.uid)],
    );
    return {
      pods: pods.map(({ lastObject: _o, namespace: _n, ...recorded }) => recorded),
      terminations: dedupeRecordedRuns(terminations.map(toTermination)),
    };
  }

  /** Terminations of these pods that finished at or after `since` (each run once). */
  async recentTerminations(
    cluster: string,
    podUids: string[],
    since: number,
  ): Promise<RecordedTermination[]> {
    if (podUids.length === 0) return [];
    const rows = await this.store.query(
      `SELECT * FROM terminations WHERE cluster = $1 AND pod_uid = ANY($2::text[])
         AND finished_at >= $3 ORDER BY finished_at LIMIT 5000`,
      [cluster, podUids, since],
    );
    return dedupeRecordedRuns(rows.map(toTermination));
  }

  /** Windows nobody watched, ending after `since`. */
  async gaps(cluster: string, since: number): Promise<NonNullable<HistoryInput['gaps']>> {
    const rows = await this.store.query(
      'SELECT from_at, to_at, reason FROM gaps WHERE cluster = $1 AND to_at >= $2 ORDER BY from_at',
      [cluster, since],
    );
    return rows.map((r) => ({
      from: num(r.from_at) ?? 0,
      to: num(r.to_at) ?? 0,
      reason: String(r.reason),
    }));
  }

  /** The captured log head of each container's latest recorded termination, per pod uid. */
  async latestLogHeads(
    cluster: string,
    podUids: string[],
  ): Promise<Map<string, Record<string, string>>> {
    const heads = new Map<string, Record<string, string>>();
    if (podUids.length === 0) return heads;
    const rows = await this.store.query(
      `SELECT DISTINCT ON (pod_uid, container) pod_uid, container, log_head FROM terminations
       WHERE cluster = $1 AND pod_uid = ANY($2::text[]) AND log_head IS NOT NULL
       ORDER BY pod_uid, container, finished_at DESC`,
      [cluster, podUids],
    );
    for (const row of rows) {
      const byContainer = heads.get(String(row.pod_uid)) ?? {};
      byContainer[String(row.container)] = String(row.log_head);
      heads.set(String(row.pod_uid), byContainer);
    }
    return heads;
  }

  /** Which of these owners (by name) had a pod whose container exited non-zero. */
  async ownersWithFailures(
    cluster: string,
    namespace: string,
    owners: string[],
  ): Promise<string[]> {
    if (owners.length === 0) return [];
    const rows = await this.store.query(
      `SELECT DISTINCT p.owner_name FROM pods p JOIN terminations t
         ON t.cluster = p.cluster AND t.pod_uid = p.uid
       WHERE p.cluster = $1 AND p.namespace = $2 AND p.owner_name = ANY($3::text[]) AND t.exit_code <> 0`,
      [cluster, namespace, owners],
    );
    return rows.map((r) => String(r.owner_name));
  }

  /** ReplicaSets of a Deployment (deleted ones too) with every revision number they carried. */
  async replicaSetsOf(
    cluster: string,
    namespace: string,
    owner: string,
  ): Promise<StoredReplicaSet[]> {
    const rows = await this.store.query(
      `SELECT r.*, (SELECT array_agg(v.revision ORDER BY v.seen_at) FROM replicaset_revisions v
          WHERE v.cluster = r.cluster AND v.rs_uid = r.uid) AS revisions
       FROM replicasets r WHERE r.cluster = $1 AND r.namespace = $2 AND r.owner_name = $3
       ORDER BY r.created_at`,
      [cluster, namespace, owner],
    );
    return rows.map((row) => ({
      uid: String(row.uid),
      name: String(row.name),
      ownerName: str(row.owner_name),
      revision: num(row.revision),
      revisions: Array.isArray(row.revisions) ? row.revisions.map(Number) : [],
      createdAt: num(row.created_at) ?? 0,
      deletedAt: num(row.deleted_at),
      template: (row.template ?? undefined) as StoredReplicaSet['template'],
    }));
  }
}
