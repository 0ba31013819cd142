// Alerts Alertmanager delivered, kept in the history store (table `alerts`, history migration 3).
// Deliveries repeat (Alertmanager resends on every repeat_interval and retries on errors), so a
// row is keyed by (cluster, fingerprint, startsAt): the same alert instance updates in place,
// and a firing that fires again after resolving is a new row (Prometheus gives it a new startsAt).
import { createHash } from 'node:crypto';
import type { SqlStore } from '../history';
import { targetOfLabels } from './alert-target';
import type { AlertMark } from './types';
import type { WebhookAlert, WebhookPayload } from './webhook-payload';

/** What one delivery changed. */
export interface RecordResult {
  received: number;
  firing: number;
  resolved: number;
}

type Row = Record<string, unknown>;

/** Alertmanager's own fingerprint, or a stable hash of the sorted labels when it sent none. */
function fingerprintOf(alert: WebhookAlert): string {
  if (alert.fingerprint) return alert.fingerprint;
  const sorted = Object.entries(alert.labels).sort(([a], [b]) => a.localeCompare(b));
  return createHash('sha256').update(JSON.stringify(sorted)).digest('hex').slice(0, 16);
}

function toMark(row: Row): AlertMark {
  const text = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);
  const ms = (v: unknown) => (v === null || v === undefined ? undefined : Number(v));
  return {
    fingerprint: String(row.fingerprint),
    alertname: String(row.alertname),
    status: row.status === 'resolved' ? 'resolved' : 'firing',
    severity: text(row.severity),
    summary: text(row.summary),
    namespace: text(row.namespace),
    pod: text(row.pod),
    container: text(row.container),
    startsAt: Number(row.starts_at),
    endsAt: ms(row.ends_at),
    generatorURL: text(row.generator_url),
  };
}

// A redelivered "firing" never undoes a "resolved" of the same instance.
const UPSERT = `
INSERT INTO alerts (cluster, fingerprint, starts_at, alertname, status, ends_at, namespace, pod,
  container, workload_kind, workload_name, severity, summary, labels, annotations, generator_url,
  first_received_at, last_received_at)
VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$17)
ON CONFLICT (cluster, fingerprint, starts_at) DO UPDATE SET
  status = CASE WHEN alerts.status = 'resolved' THEN 'resolved' ELSE EXCLUDED.status END,
  ends_at = CASE WHEN alerts.status = 'resolved' THEN alerts.ends_at ELSE EXCLUDED.ends_at END,
  annotations = EXCLUDED.annotations, summary = EXCLUDED.summary,
  last_received_at = EXCLUDED.last_received_at`;

/** Reads and writes the alerts table. */
export class AlertStore {
  constructor(private readonly store: SqlStore) {}

  /** Stores every alert of a delivery; `defaultCluster` stands in when an alert names none. */
  async record(
    payload: WebhookPayload,
    options: { receivedAt: number; defaultCluster?: string },
  ): Promise<RecordResult> {
    const result: RecordResult = { received: 0, firing: 0, resolved: 0 };
    for (const alert of payload.alerts) {
      const target = targetOfLabels(alert.labels);
      const resolved = alert.status === 'resolved';
      const endsAt = resolved && alert.endsAt ? Date.parse(alert.endsAt) : undefined;
      await this.store.query(UPSERT, [
        target.cluster ?? options.defaultCluster ?? '',
        fingerprintOf(alert),
        Date.parse(alert.startsAt),
        alert.labels.alertname,
        alert.status,
        endsAt !== undefined && endsAt > 0 ? endsAt : resolved ? options.receivedAt : null,
        target.namespace ?? null,
        target.pod ?? null,
        target.container ?? null,
        target.workload?.kind ?? null,
        target.workload?.name ?? null,
        alert.labels.severity ?? null,
        alert.annotations.summary ?? alert.annotations.message ?? null,
        JSON.stringify(alert.labels),
        JSON.stringify(alert.annotations),
        alert.generatorURL ?? null,
        options.receivedAt,
      ]);
      result.received += 1;
      result[alert.status] += 1;
    }
    return result;
  }

  /**
   * Alerts about one pod, oldest first: those naming the pod, and those naming one of its
   * workloads without a pod. Alerts that named no cluster match every cluster.
   */
  async forPod(
    cluster: string,
    namespace: string,
    pod: string,
    workloadNames: string[] = [],
  ): Promise<AlertMark[]> {
    const rows = await this.store.query(
      `SELECT * FROM alerts WHERE cluster IN ($1, '') AND namespace = $2
         AND (pod = $3 OR (pod IS NULL AND workload_name = ANY($4::text[])))
       ORDER BY starts_at, alertname LIMIT 200`,
      [cluster, namespace, pod, workloadNames],
    );
    return rows.map(toMark);
  }

  /** Alerts about a workload or any pod it names, oldest first (the not-found page lists them). */
  async forWorkload(cluster: string, namespace: string, name: string): Promise<AlertMark[]> {
    const rows = await this.store.query(
      `SELECT * FROM alerts WHERE cluster IN ($1, '') AND namespace = $2 AND workload_name = $3
       ORDER BY starts_at, alertname LIMIT 200`,
      [cluster, namespace, name],
    );
    return rows.map(toMark);
  }
}
