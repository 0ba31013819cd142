// POST /api/alerts: the Alertmanager webhook receiver (payload version 4). Alerts are stored in
// history (idempotent: Alertmanager resends) and drawn on the pod's timeline and report.
import { NextResponse } from 'next/server';
import { parseWebhookPayload, refuseReceiver } from '@/lib/alerts';
import { receiveAlerts } from '@/lib/views';
import { errorResponse, jsonError } from '../_lib/respond';

export const dynamic = 'force-dynamic';

/** Alertmanager caps nothing; a delivery of 1000 alerts with labels fits well under this. */
const maxBytes = 2 * 1024 * 1024;

/** Stores a delivery; 401 without the receiver token (when set), 400 naming the bad field. */
export async function POST(request: Request) {
  const refused = refuseReceiver(request.headers.get('authorization'));
  if (refused)
    return jsonError(401, refused, {}, { 'www-authenticate': 'Bearer realm="podtrail-alerts"' });
  const text = await request.text();
  if (text.length > maxBytes) return jsonError(413, `Payload is larger than ${maxBytes} bytes.`);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return jsonError(
      400,
      'The body is not JSON: send the Alertmanager webhook payload (version 4).',
    );
  }
  const parsed = parseWebhookPayload(body);
  if ('error' in parsed) return jsonError(400, parsed.error);
  try {
    return NextResponse.json(await receiveAlerts(parsed.payload));
  } catch (error) {
    return errorResponse(error);
  }
}
