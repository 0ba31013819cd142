// Times as kubectl prints them: relative ages ("2m32s", "44h", "3d4h"; k8s.io/apimachinery
// duration.HumanDuration) and absolute dates (RFC 1123 with a numeric zone, "Mon, 02 Jan 2006
// 15:04:05 -0700", which describe uses; older kubectl printed a zone abbreviation instead).

const AGE = /^(?:(\d+)y)?(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/;
const UNIT_MS = [365 * 86_400_000, 86_400_000, 3_600_000, 60_000, 1_000];

/** Regex source for one kubectl age token (used to build row patterns). */
export const AGE_SOURCE = String.raw`(?:\d+[ydhms])+`;

/** Regex source for an RFC 1123 date as describe and 2015-era event tables print it. */
export const DATE_SOURCE = String.raw`[A-Z][a-z]{2},\s+\d{1,2}\s+[A-Z][a-z]{2}\s+\d{4}\s+\d{1,2}:\d{2}:\d{2}\s+(?:[-+]\d{4}|[A-Z]{1,5})`;

/** Parses a kubectl age ("2m32s") to milliseconds, or undefined for "<unknown>" and non-ages. */
export function parseAge(text: string): number | undefined {
  const m = AGE.exec(text.trim());
  if (!m || text.trim() === '') return undefined;
  let ms = 0;
  for (let i = 0; i < UNIT_MS.length; i++) {
    const n = m[i + 1];
    if (n !== undefined) ms += Number(n) * (UNIT_MS[i] ?? 0);
  }
  return ms;
}

// Zone abbreviations seen in old describe output (Go's time.RFC1123 prints the local zone name).
const ZONES: Record<string, string> = {
  UTC: '+0000',
  GMT: '+0000',
  Z: '+0000',
  EST: '-0500',
  EDT: '-0400',
  CST: '-0600',
  CDT: '-0500',
  MST: '-0700',
  MDT: '-0600',
  PST: '-0800',
  PDT: '-0700',
  CET: '+0100',
  CEST: '+0200',
  BST: '+0100',
  JST: '+0900',
};
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const RFC1123 =
  /^(?:[A-Z][a-z]{2},\s+)?(\d{1,2})\s+([A-Z][a-z]{2})\s+(\d{4})\s+(\d{1,2}):(\d{2}):(\d{2})\s+([-+]\d{4}|[A-Z]{1,5})$/;

/** Parses an absolute time (RFC 1123 as describe prints it, or RFC 3339) to epoch ms. */
export function parseKubectlDate(text: string): number | undefined {
  const t = text.trim();
  const m = RFC1123.exec(t);
  if (m) {
    const [, day, mon, year, hh, mm, ss, zone] = m;
    const month = MONTHS.indexOf(mon ?? '');
    const offset = zone && /^[-+]/.test(zone) ? zone : ZONES[zone ?? ''];
    if (month < 0 || !offset) return undefined;
    const sign = offset.startsWith('-') ? -1 : 1;
    const offMin = sign * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(3, 5)));
    const utc = Date.UTC(Number(year), month, Number(day), Number(hh), Number(mm), Number(ss));
    return utc - offMin * 60_000;
  }
  if (/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/.test(t)) {
    const ms = Date.parse(t.replace(' ', 'T'));
    return Number.isFinite(ms) ? ms : undefined;
  }
  return undefined;
}

/** Parses either form to epoch ms: an age is taken back from `now`. */
export function parseSeen(text: string, now: number): number | undefined {
  const age = parseAge(text);
  if (age !== undefined) return now - age;
  return parseKubectlDate(text);
}

/** Epoch ms to the RFC 3339 string the API uses, or undefined. */
export function toIso(ms: number | undefined): string | undefined {
  return ms === undefined || !Number.isFinite(ms) ? undefined : new Date(ms).toISOString();
}
