/** Wire formats of metav1.Time and metav1.MicroTime. */

/** metav1.Time: RFC 3339 with second precision, UTC ("2024-05-01T10:00:00Z"). */
export function rfc3339(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/** metav1.MicroTime: RFC 3339 with six fractional digits ("2024-05-01T10:00:00.123456Z"). */
export function microTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
}

/** RFC 3339 with nanoseconds as the kubelet prefixes log lines when timestamps=true. */
export function rfc3339Nano(ms: number, nanoRemainder = 0): string {
  const base = new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '');
  const frac = String(ms % 1000).padStart(3, '0') + String(nanoRemainder).padStart(6, '0');
  return `${base}.${frac.replace(/0+$/, '') || '0'}Z`;
}
