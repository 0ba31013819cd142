// lib/alerts: Alertmanager deliveries (webhook payload v4) → which pod they are about → stored
// in history beside the pod's runs. Server-only (it writes the history store).
import 'server-only';

export {
  parseWebhookPayload,
  webhookPayloadSchema,
  type WebhookPayload,
  type WebhookAlert,
} from './webhook-payload';
export { targetOfLabels, type AlertTarget, type WorkloadKind } from './alert-target';
export { AlertStore, type RecordResult } from './alert-store';
export { refuseReceiver } from './receiver-token';
export type { AlertMark } from './types';
