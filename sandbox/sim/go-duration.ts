/**
 * Go's time.Duration.String() (src/time/time.go): "10s", "1m20s", "5m0s", "1.009s", "1h0m0s".
 * The kubelet prints back-off delays and pull times with it, so the sandbox must too.
 */

/** Formats milliseconds exactly as Go's time.Duration.String() would (ms precision). */
export function formatGoDuration(ms: number): string {
  if (ms === 0) return '0s';
  const negative = ms < 0;
  let rest = Math.abs(Math.round(ms));
  const sign = negative ? '-' : '';
  if (rest < 1000) return `${sign}${rest}ms`;
  const hours = Math.floor(rest / 3_600_000);
  rest -= hours * 3_600_000;
  const minutes = Math.floor(rest / 60_000);
  rest -= minutes * 60_000;
  const seconds = Math.floor(rest / 1000);
  const millis = rest - seconds * 1000;
  const frac = millis === 0 ? '' : '.' + String(millis).padStart(3, '0').replace(/0+$/, '');
  let out = `${seconds}${frac}s`;
  if (hours > 0 || minutes > 0) out = `${minutes}m${out}`;
  if (hours > 0) out = `${hours}h${out}`;
  return sign + out;
}
