// The webhook's own credential: Alertmanager sends `Authorization: Bearer <token>` (its
// http_config.authorization) when PODTRAIL_ALERTS_TOKEN is set. Compared in constant time.
import { createHash, timingSafeEqual } from 'node:crypto';

/** Why a delivery was refused, or undefined when it may be stored. */
export function refuseReceiver(
  authorization: string | null,
  expected: string | undefined = process.env.PODTRAIL_ALERTS_TOKEN,
): string | undefined {
  if (!expected) return undefined;
  const match = /^Bearer\s+(.+)$/i.exec(authorization?.trim() ?? '');
  if (!match?.[1])
    return 'Send the receiver token as "Authorization: Bearer <PODTRAIL_ALERTS_TOKEN>".';
  // Hash both sides so the comparison takes the same time whatever their lengths.
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(match[1]), digest(expected))
    ? undefined
    : 'The receiver token does not match PODTRAIL_ALERTS_TOKEN.';
}
