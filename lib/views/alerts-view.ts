// Receiving Alertmanager deliveries (POST /api/alerts) and reading them back for a pod.
import {
  AlertStore,
  targetOfLabels,
  type AlertMark,
  type RecordResult,
  type WebhookPayload,
} from '../alerts';
import type { PodDiagnosis } from '../diagnosis';
import { UnavailableError } from './errors';
import { getRuntime, type Runtime } from './runtime';

/** Stores a validated delivery; with one cluster configured, alerts naming none belong to it. */
export async function receiveAlerts(
  payload: WebhookPayload,
  runtime: Runtime = getRuntime(),
): Promise<RecordResult> {
  const history = await runtime.history;
  if (!history)
    throw new UnavailableError('The history store is not available, so alerts cannot be kept.');
  const clusters = runtime.access.clusters;
  const defaultCluster = clusters.length === 1 ? clusters[0]?.name : undefined;
  const result = await new AlertStore(history.store).record(payload, {
    receivedAt: runtime.access.scheduler.now(),
    defaultCluster,
  });
  tellListeners(runtime, payload, defaultCluster);
  return result;
}

/** Tells the runtime's alert listeners each place (cluster, namespace) the delivery named once. */
function tellListeners(runtime: Runtime, payload: WebhookPayload, defaultCluster?: string): void {
  const places = new Map<string, [string | undefined, string]>();
  for (const alert of payload.alerts) {
    const target = targetOfLabels(alert.labels);
    // An alert without a namespace is drawn on no pod.
    if (!target.namespace) continue;
    const cluster = target.cluster ?? defaultCluster;
    places.set(`${cluster ?? ''}/${target.namespace}`, [cluster, target.namespace]);
  }
  for (const [cluster, namespace] of places.values())
    for (const listener of runtime.alertListeners) listener(cluster, namespace);
}

/** The alerts about a diagnosed pod (and its workloads), oldest first; [] without history. */
export async function alertsForPod(
  runtime: Runtime,
  cluster: string,
  diagnosis: PodDiagnosis,
): Promise<AlertMark[]> {
  const history = await runtime.history;
  if (!history) return [];
  const { namespace, name, owner, workload } = diagnosis.pod;
  const names = [owner?.name, workload?.name].filter((n): n is string => Boolean(n));
  return new AlertStore(history.store).forPod(cluster, namespace, name, names);
}
