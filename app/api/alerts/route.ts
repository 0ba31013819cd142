// POST /api/alerts: the Alertmanager webhook receiver (payload version 4). Alerts are stored in
// history (idempotent: Alertmanager resends) and drawn on the pod's timeline and report.
import { NextResponse } from 'next/server';
import { parseWebhookPayload, refuseReceiver } from '@/lib/alerts';
import { receiveAlerts } from '@/lib/views';
import { BodyTooLargeError, readBodyCapped } from '../_lib/body';
import { guardRoute, routeSecurityHeaders } from '../_lib/guard';
import { errorResponse, jsonError } from '../_lib/respond';

export const dynamic = 'force-dynamic';

/** Alertmanager caps nothing; a delivery of 1000 alerts with labels fits well under this. */
const maxBytes = 2 * 1024 * 1024;

/** Stores a delivery; 401 without the receiver token (when set), 400 naming the bad field. */
export async function POST(request: Request) {
  // proxy.ts leaves this route alone (so a large delivery is not cut): the same guard here, which
  // lets the delivery through to the receiver-token check when PODTRAIL_ALERTS_TOKEN is set.
  const guarded = guardRoute(request);
  if (guarded) return guarded;
  const response = await receive(request);
  for (const [name, value] of Object.entries(routeSecurityHeaders()))
    response.headers.set(name, value);
  return response;
}

async function receive(request: Request): Promise<NextResponse> {
  const refused = refuseReceiver(request.headers.get('authorization'));
  if (refused)
    return jsonError(401, refused, {}, { 'www-authenticate': 'Bearer realm="podtrail-alerts"' });
  let text: string;
  try {
    text = new TextDecoder().decode(await readBodyCapped(request, maxBytes));
  } catch (error) {
    if (error instanceof BodyTooLargeError)
      return jsonError(413, `Payload is larger than ${maxBytes} bytes.`);
    return jsonError(400, 'The delivery was interrupted; Alertmanager will send it again.');
  }
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
