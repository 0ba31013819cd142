// Time formatting for every screen. Always UTC with the zone written out, so a screenshot needs
// no caption and the server and the browser render the same text (no hydration mismatch).

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** `10:20:03 UTC` */
export function formatClock(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} UTC`;
}

/** `10:20` (no zone; only for axis ticks where the zone is written once at the end). */
export function formatHourMinute(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** `2026-11-25 10:20:03 UTC` */
export function formatDateTime(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${formatClock(ms)}`;
}

/** ISO 8601 with offset, for `<time dateTime>` and exports. */
export function formatIso(ms: number): string {
  return new Date(ms).toISOString();
}

/** A compact duration: `850ms`, `10s`, `1m20s`, `5m0s`, `2h3m` (its home is lib/diagnosis). */
export { formatDuration } from '@/lib/diagnosis';

/** `3 s ago`, `4 min ago`, `2 h ago`; `in 40 s` for the future. */
export function formatRelative(ms: number, now: number): string {
  const diff = now - ms;
  const abs = Math.abs(diff);
  let text: string;
  if (abs < 60_000) text = `${Math.max(0, Math.round(abs / 1000))} s`;
  else if (abs < 3_600_000) text = `${Math.round(abs / 60_000)} min`;
  else if (abs < 86_400_000) text = `${Math.round(abs / 3_600_000)} h`;
  else text = `${Math.round(abs / 86_400_000)} d`;
  return diff >= 0 ? `${text} ago` : `in ${text}`;
}
