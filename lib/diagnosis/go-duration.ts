// Go's time.Duration text form, as the kubelet prints it in back-off messages
// (`back-off 1m20s restarting failed container=...`, pkg/kubelet/kuberuntime/kuberuntime_manager.go).

const UNIT_MS: Record<string, number> = {
  h: 3_600_000,
  m: 60_000,
  s: 1000,
  ms: 1,
  us: 0.001,
  µs: 0.001,
  μs: 0.001,
  ns: 0.000001,
};

function trimFraction(n: number): string {
  // Go prints the shortest exact decimal; three places is enough for ms-based inputs.
  return String(Math.round(n * 1e9) / 1e9);
}

/** Formats milliseconds like Go's time.Duration.String(): `500ms`, `10s`, `1m20s`, `5m0s`, `1h0m0s`. */
export function formatGoDuration(ms: number): string {
  if (ms === 0) return '0s';
  const sign = ms < 0 ? '-' : '';
  const abs = Math.abs(ms);
  if (abs < 0.001) return `${sign}${trimFraction(abs * 1e6)}ns`;
  if (abs < 1) return `${sign}${trimFraction(abs * 1000)}µs`;
  if (abs < 1000) return `${sign}${trimFraction(abs)}ms`;
  const hours = Math.floor(abs / 3_600_000);
  const minutes = Math.floor((abs % 3_600_000) / 60_000);
  const seconds = trimFraction((abs % 60_000) / 1000);
  if (hours > 0) return `${sign}${hours}h${minutes}m${seconds}s`;
  if (minutes > 0) return `${sign}${minutes}m${seconds}s`;
  return `${sign}${seconds}s`;
}

/**
 * A compact duration for people, in Go's words rounded to the second: `850ms`, `10s`, `1m20s`,
 * `5m0s`, and `2h3m` (no seconds once there are hours).
 */
export function formatDuration(ms: number): string {
  const abs = Math.abs(ms);
  const sign = ms < 0 ? '-' : '';
  if (abs < 1000) return `${sign}${Math.round(abs)}ms`;
  const totalSeconds = Math.round(abs / 1000);
  const h = Math.floor(totalSeconds / 3600);
  const m = Math.floor((totalSeconds % 3600) / 60);
  const s = totalSeconds % 60;
  if (h > 0) return `${sign}${h}h${m}m`;
  if (m > 0) return `${sign}${m}m${s}s`;
  return `${sign}${s}s`;
}

/** Parses a Go duration string (`1m20s`, `5m0s`, `300ms`) to milliseconds, or undefined. */
export function parseGoDuration(text: string): number | undefined {
  const trimmed = text.trim();
  if (!/^-?(\d+(\.\d+)?(h|ms|m|s|us|µs|μs|ns))+$/.test(trimmed)) {
    return trimmed === '0' ? 0 : undefined;
  }
  let total = 0;
  for (const match of trimmed.matchAll(/(\d+(?:\.\d+)?)(h|ms|m|s|us|µs|μs|ns)/g)) {
    total += Number(match[1]) * (UNIT_MS[match[2] ?? 's'] ?? 0);
  }
  return trimmed.startsWith('-') ? -total : total;
}
