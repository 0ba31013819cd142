// Time helpers: API timestamps arrive as RFC 3339 strings (JSON) or Dates (client-node); inside
// lib/diagnosis every time is epoch ms.

/** Converts an API timestamp (RFC 3339 string, Date or epoch ms) to epoch ms, or undefined. */
export function toMs(value: string | Date | number | null | undefined): number | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  const ms = value instanceof Date ? value.getTime() : Date.parse(value);
  // The kubelet reports a zero time ("0001-01-01T00:00:00Z") for fields it never set.
  if (!Number.isFinite(ms) || ms <= 0) return undefined;
  return ms;
}
