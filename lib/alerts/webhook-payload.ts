// The Alertmanager webhook payload, version 4 (prometheus/alertmanager notify/webhook: Message
// embeds template.Data plus version, groupKey and truncatedAlerts). Validated with zod because it
// comes from outside; a payload that does not match is refused with the first bad field named.
import { z } from 'zod';

const labelSet = z.record(z.string(), z.string());

/** One alert of a webhook delivery (template.Alert). */
export const webhookAlertSchema = z.object({
  status: z.enum(['firing', 'resolved']),
  labels: labelSet.refine((l) => typeof l.alertname === 'string' && l.alertname !== '', {
    message: 'an alert needs an alertname label',
  }),
  annotations: labelSet.default({}),
  startsAt: z.iso.datetime({ offset: true }),
  // Firing alerts carry Go's zero time "0001-01-01T00:00:00Z" here.
  endsAt: z.iso.datetime({ offset: true }).optional(),
  generatorURL: z.string().max(4096).optional(),
  fingerprint: z.string().max(128).optional(),
});

/** The whole delivery. */
export const webhookPayloadSchema = z.object({
  version: z.literal('4', { message: 'only webhook payload version "4" is understood' }),
  groupKey: z.string().max(4096).optional(),
  truncatedAlerts: z.number().int().nonnegative().optional(),
  status: z.enum(['firing', 'resolved']),
  receiver: z.string().max(512),
  groupLabels: labelSet.default({}),
  commonLabels: labelSet.default({}),
  commonAnnotations: labelSet.default({}),
  externalURL: z.string().max(4096).optional(),
  alerts: z.array(webhookAlertSchema).min(1).max(1000),
});

/** An Alertmanager webhook delivery as validated. */
export type WebhookPayload = z.infer<typeof webhookPayloadSchema>;
/** One alert of a delivery as validated. */
export type WebhookAlert = z.infer<typeof webhookAlertSchema>;

/** Validates a delivery; returns the payload or a message naming the first bad field. */
export function parseWebhookPayload(
  input: unknown,
): { payload: WebhookPayload } | { error: string } {
  const parsed = webhookPayloadSchema.safeParse(input);
  if (parsed.success) return { payload: parsed.data };
  const issue = parsed.error.issues[0];
  const field = issue?.path.join('.') || 'payload';
  return { error: `Invalid Alertmanager payload at ${field}: ${issue?.message ?? 'bad value'}` };
}
