// When was pasted kubectl output taken? `describe` and `get events` print ages ("3m",
// "(x4 over 10m)") relative to the moment kubectl ran, so every time derived from them depends on
// it. Told by the user, or read from a `date` line pasted with the output (GNU `date`, `date -u`,
// `date -Iseconds`, `date -R`); else the moment of pasting — and the page says which.
import type { AgeBasis } from '../types';
import { parseKubectlDate } from './kubectl-time';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
// GNU/BSD `date`: "Mon Nov 30 06:27:34 UTC 2026" (%a %b %e %H:%M:%S %Z %Y); %Z may be an offset.
const UNIX_DATE =
  /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)\s+([A-Z][a-z]{2})\s+(\d{1,2})\s+(\d{2}):(\d{2}):(\d{2})\s+(UTC|GMT|Z|[+-]\d{2}:?\d{2})\s+(\d{4})$/;
// `date -Iseconds` / `date -u +%FT%TZ`: an RFC 3339 time with a zone, alone on its line.
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})$/;
// `date -R`: "Mon, 30 Nov 2026 06:27:34 +0000".
const RFC2822 =
  /^(?:[A-Z][a-z]{2},\s+)?\d{1,2}\s+[A-Z][a-z]{2}\s+\d{4}\s+\d{2}:\d{2}:\d{2}\s+[-+]\d{4}$/;

function unixDate(line: string): number | undefined {
  const m = UNIX_DATE.exec(line);
  if (!m) return undefined;
  const [, mon, day, hh, mm, ss, zone, year] = m;
  const month = MONTHS.indexOf(mon ?? '');
  if (month < 0) return undefined;
  const offset = /^[+-]/.test(zone ?? '') ? (zone ?? '').replace(':', '') : '+0000';
  const sign = offset.startsWith('-') ? -1 : 1;
  const minutes = sign * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(3, 5)));
  return (
    Date.UTC(Number(year), month, Number(day), Number(hh), Number(mm), Number(ss)) -
    minutes * 60_000
  );
}

/** The time a line alone says, if it is the output of `date` (or an RFC 3339 / RFC 2822 time). */
export function dateLineTime(line: string): number | undefined {
  const t = line.trim();
  if (RFC3339.test(t)) {
    const ms = Date.parse(t);
    return Number.isFinite(ms) ? ms : undefined;
  }
  if (RFC2822.test(t)) return parseKubectlDate(t);
  return unixDate(t);
}

/** Whether a line is a `date` output line (the parsers skip it). */
export function isDateLine(line: string): boolean {
  return dateLineTime(line) !== undefined;
}

/** The last `date` line of the files: when the output beside it was taken. */
export function inferTakenAt(
  files: Array<{ name: string; text: string }>,
): Omit<AgeBasis, 'basis'> | undefined {
  let found: Omit<AgeBasis, 'basis'> | undefined;
  for (const file of files) {
    file.text.split('\n').forEach((line, i) => {
      const at = dateLineTime(line);
      if (at !== undefined) found = { at, from: `${file.name}:${i + 1}: ${line.trim()}` };
    });
  }
  return found;
}

/** The moment ages count back from: the one given, else a `date` line, else the paste moment. */
export function ageBasisOf(
  files: Array<{ name: string; text: string }>,
  pastedAt: number,
  given?: number,
): AgeBasis {
  if (given !== undefined) return { at: given, basis: 'given' };
  const inferred = inferTakenAt(files);
  return inferred ? { ...inferred, basis: 'inferred' } : { at: pastedAt, basis: 'paste' };
}
