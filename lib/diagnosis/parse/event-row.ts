// One row of an events table, in every layout kubectl has printed: describe's
// `Type Reason Age From Message` (with "(x72 over 20m)" counts and "kubelet, NODE" or
// "{kubelet NODE}" sources), the 2015 `FirstSeen LastSeen Count From SubobjectPath Reason
// Message`, and `kubectl get events` (`LAST SEEN TYPE REASON OBJECT MESSAGE`, older NAME/KIND,
// -o wide, -A). A row pattern is built from the header's column names, so a header we have not
// seen still parses when its columns are known ones.
import type { EventLike } from '../types';
import { AGE_SOURCE, DATE_SOURCE, parseSeen, toIso } from './kubectl-time';

const SEEN = String.raw`(?:<unknown>|<invalid>|${DATE_SOURCE}|\d{4}-\d{2}-\d{2}T\S+|${AGE_SOURCE}(?:\s+\(x\d+\s+over\s+(?:${AGE_SOURCE}|<unknown>|<invalid>)\))?)`;
const FROM = String.raw`(?:\{[^}]*\}|[\w.-]+,\s+\S+|[\w./:-]+)`;
const SUBOBJECT = String.raw`(?:spec\.\S+|implicitly required container \S+|\S*\{\S+\})`;

/** A column of an events table, normalised (upper case, no spaces). */
export type EventColumn = string;

const COLUMN: Record<string, { source: string; optional?: boolean }> = {
  TYPE: { source: '(Normal|Warning)' },
  REASON: { source: String.raw`([A-Za-z][\w-]*)` },
  AGE: { source: `(${SEEN})` },
  LASTSEEN: { source: `(${SEEN})` },
  FIRSTSEEN: { source: `(${SEEN})` },
  COUNT: { source: String.raw`(\d+)` },
  FROM: { source: `(${FROM})` },
  SOURCE: { source: `(${FROM})` },
  SUBOBJECTPATH: { source: `(${SUBOBJECT})`, optional: true },
  SUBOBJECT: { source: `(${SUBOBJECT})`, optional: true },
  OBJECT: { source: String.raw`(\S+)` },
  NAME: { source: String.raw`(\S+)` },
  KIND: { source: String.raw`([A-Z]\w*)` },
  NAMESPACE: { source: String.raw`([a-z0-9][-a-z0-9]*)` },
  // Stricter variants for rows without a header, so that a log line starting with "Warning" is
  // not read as an event: a CamelCase reason, a source that names a Kubernetes component.
  REASONCAMEL: { source: String.raw`([A-Z][\w-]*)` },
  FROMKNOWN: {
    source: String.raw`(\{[^}]*\}|[\w.-]+,\s+\S+|[\w.-]*(?:kubelet|scheduler|controller|manager|provisioner|operator|monitor|autoscaler|attachdetach)[\w.-]*)`,
  },
};

/** Layouts people paste without their header line, tried in order. */
export const HEADERLESS_LAYOUTS: EventColumn[][] = [
  ['TYPE', 'REASONCAMEL', 'AGE', 'FROM', 'MESSAGE'],
  ['TYPE', 'REASONCAMEL', 'FROMKNOWN', 'MESSAGE'],
  ['FIRSTSEEN', 'LASTSEEN', 'COUNT', 'FROM', 'SUBOBJECTPATH', 'TYPE', 'REASON', 'MESSAGE'],
  ['FIRSTSEEN', 'LASTSEEN', 'COUNT', 'FROM', 'SUBOBJECTPATH', 'REASON', 'MESSAGE'],
  ['LASTSEEN', 'TYPE', 'REASONCAMEL', 'OBJECT', 'MESSAGE'],
  ['NAMESPACE', 'LASTSEEN', 'TYPE', 'REASONCAMEL', 'OBJECT', 'MESSAGE'],
];

const HEADER_WORDS = new Set([
  'TYPE',
  'REASON',
  'AGE',
  'FROM',
  'MESSAGE',
  'LASTSEEN',
  'FIRSTSEEN',
  'COUNT',
  'SOURCE',
  'SUBOBJECTPATH',
  'SUBOBJECT',
  'OBJECT',
  'NAME',
  'KIND',
  'NAMESPACE',
]);

/** Reads an events table header ("Type Reason Age From Message", "LAST SEEN TYPE ..."), if it is one. */
export function parseEventsHeader(line: string): EventColumn[] | undefined {
  const names = line
    .replace(/\b(LAST|FIRST)\s+SEEN\b/gi, '$1SEEN')
    .trim()
    .split(/\s+/)
    .map((n) => n.toUpperCase());
  if (names.length < 3 || !names.includes('REASON') || !names.includes('MESSAGE')) return undefined;
  if (!names.every((n) => HEADER_WORDS.has(n))) return undefined;
  return names;
}

/** True for the dashed line under a describe events header. */
export function isHeaderRule(line: string): boolean {
  return /^\s*-{2,}(\s+-{2,})+\s*$/.test(line);
}

const patternCache = new Map<string, RegExp>();

function rowPattern(columns: EventColumn[]): RegExp {
  const key = columns.join(',');
  const cached = patternCache.get(key);
  if (cached) return cached;
  let source = String.raw`^\s*`;
  columns.forEach((col, i) => {
    const last = i === columns.length - 1;
    if (col === 'MESSAGE') {
      source += last ? '(.*?)' : String.raw`(.*?)\s+`;
      return;
    }
    const spec = COLUMN[col] ?? { source: String.raw`(\S+)` };
    source += spec.optional ? `(?:${spec.source}\\s+)?` : last ? spec.source : `${spec.source}\\s+`;
  });
  const re = new RegExp(`${source}\\s*$`);
  patternCache.set(key, re);
  return re;
}

/** Splits a row into named cells by the layout, or undefined when the row does not fit it. */
export function matchEventRow(
  line: string,
  columns: EventColumn[],
): Record<string, string> | undefined {
  const m = rowPattern(columns).exec(line);
  if (!m) return undefined;
  const cells: Record<string, string> = {};
  columns.forEach((col, i) => {
    const value = m[i + 1];
    if (value !== undefined && value !== '') cells[col.replace(/CAMEL$|KNOWN$/, '')] = value.trim();
  });
  if (!cells.REASON) return undefined;
  return cells;
}

/** Finds the headerless layout a row fits, if any. */
export function matchHeaderlessRow(line: string): Record<string, string> | undefined {
  for (const layout of HEADERLESS_LAYOUTS) {
    const cells = matchEventRow(line, layout);
    if (cells && (cells.MESSAGE ?? '') !== '') return cells;
  }
  return undefined;
}

function fromSource(from: string | undefined): EventLike['source'] {
  if (!from) return undefined;
  const braces = /^\{(\S+)\s*(\S*)\s*\}$/.exec(from);
  if (braces) return { component: braces[1], host: braces[2] || undefined };
  const comma = /^([^,]+),\s*(\S+)$/.exec(from);
  if (comma) return { component: comma[1], host: comma[2] };
  return { component: from };
}

function involvedFrom(cells: Record<string, string>): EventLike['involvedObject'] {
  const obj = cells.OBJECT ? /^([\w.]+)\/(.+)$/.exec(cells.OBJECT) : null;
  const kind = cells.KIND ?? (obj ? capitalise(obj[1] ?? '') : undefined);
  const name = cells.NAME ?? obj?.[2];
  const subobject = cells.SUBOBJECTPATH ?? cells.SUBOBJECT;
  const fieldPath = subobject?.startsWith('spec.') ? subobject : undefined;
  if (!kind && !name && !fieldPath && !cells.NAMESPACE) return undefined;
  return {
    kind,
    name: name?.replace(/\.[0-9a-f]{10,}$/, ''),
    namespace: cells.NAMESPACE,
    fieldPath,
  };
}

function capitalise(s: string): string {
  return s === 'po' || s === 'pods' ? 'Pod' : s.charAt(0).toUpperCase() + s.slice(1);
}

/** Turns the cells of one row into a core/v1 Event; ages are taken back from `now`. */
export function cellsToEvent(cells: Record<string, string>, now: number): EventLike {
  const lastCell = cells.LASTSEEN ?? cells.AGE;
  const over = lastCell ? /^(\S+)\s+\(x(\d+)\s+over\s+(\S+)\)$/.exec(lastCell) : null;
  const last = parseSeen(over?.[1] ?? lastCell ?? '', now);
  const first = over ? parseSeen(over[3] ?? '', now) : parseSeen(cells.FIRSTSEEN ?? '', now);
  const count = over ? Number(over[2]) : cells.COUNT ? Number(cells.COUNT) : 1;
  return {
    type: cells.TYPE,
    // 2015-era kubelets wrote reasons in lower case ("killing"); today's are CamelCase.
    reason: cells.REASON && cells.REASON.charAt(0).toUpperCase() + cells.REASON.slice(1),
    message: cells.MESSAGE,
    count,
    firstTimestamp: toIso(first ?? last) ?? null,
    lastTimestamp: toIso(last ?? first) ?? null,
    source: fromSource(cells.FROM ?? cells.SOURCE),
    involvedObject: involvedFrom(cells),
  };
}
