// `kubectl get pod -o json|yaml` (a Pod, a List of Pods), `kubectl get events -o json|yaml`, and
// the fragments people paste from them ("containerStatuses": [...], a lastState block). JSON is
// read with JSON.parse, YAML with the `yaml` package; fragments are wrapped to make them whole.
import { parseAllDocuments } from 'yaml';
import type { ContainerStatusLike, EventLike, PodLike } from '../types';
import { emptyFacts, type PasteFacts } from './facts';
import { RefusedInputError } from './input-guard';
import { checkShapes } from './object-shape';
import { scanJsonBrackets } from './json-brackets';
import { ParseError } from './parse-error';

/** The container name used when a paste shows a container's state but not its name. */
export const UNKNOWN_CONTAINER = '<container>';

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function lineOfPosition(text: string, position: number): number {
  return text.slice(0, position).split('\n').length;
}

function jsonErrorLine(text: string, error: unknown): number {
  const message = error instanceof Error ? error.message : String(error);
  const line = /line (\d+)/.exec(message);
  if (line) return Number(line[1]);
  const pos = /position (\d+)/.exec(message);
  return pos ? lineOfPosition(text, Number(pos[1])) : 1;
}

/** Parses JSON text, wrapping a `"key": value` fragment in braces; throws ParseError with the line. */
export function parseJsonText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const trimmed = text.trim().replace(/,\s*$/, '');
    if (trimmed.startsWith('"')) {
      try {
        return JSON.parse(`{${trimmed}}`);
      } catch {
        // fall through to the error about the text as given
      }
    }
    const repaired = closeCutJson(trimmed.startsWith('"') ? `{${trimmed}` : trimmed);
    if (repaired !== undefined) return repaired;
    const detail = error instanceof Error ? error.message.replace(/^.*?JSON\.parse: /, '') : '';
    throw new ParseError(`broken JSON (${detail})`, {
      line: jsonErrorLine(text, error),
      kind: 'json',
    });
  }
}

// A paste cut short keeps only complete lines: drop up to three trailing lines, close the
// brackets left open, and parse again. Returns undefined when that does not make valid JSON.
function closeCutJson(text: string): unknown {
  // Only a paste with brackets left open was cut; a balanced one with an error is broken.
  if (!openBrackets(text)?.length) return undefined;
  const lines = text.split('\n');
  for (let drop = 0; drop <= 3 && drop < lines.length; drop++) {
    const body = lines
      .slice(0, lines.length - drop)
      .join('\n')
      .trimEnd()
      .replace(/,$/, '');
    const open = openBrackets(body);
    if (open === undefined || open.length === 0) continue;
    try {
      const value: unknown = JSON.parse(body + open.reverse().join(''));
      return isObj(value) ? { ...value, [CUT_SHORT]: true } : value;
    } catch {
      // try with one line fewer
    }
  }
  return undefined;
}

/** Key set on a JSON object that was read from a paste cut short. */
export const CUT_SHORT = '__cutShort';

function openBrackets(text: string): string[] | undefined {
  const scan = scanJsonBrackets(text);
  return scan.mismatched || scan.inString ? undefined : scan.owed;
}

// kubectl never prints anchors or aliases; a few from a hand-edited paste are fine, thousands are
// an alias bomb (a few lines that expand to gigabytes) and are refused before they expand.
const MAX_ALIAS_COUNT = 50;

function toJs(doc: ReturnType<typeof parseAllDocuments>[number] & object): unknown {
  try {
    return doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    if (error instanceof ReferenceError)
      throw new RefusedInputError(
        `The YAML expands its aliases more than ${MAX_ALIAS_COUNT} times (an alias bomb?); kubectl never prints aliases.`,
      );
    throw error;
  }
}

/** Parses YAML text (several documents allowed); throws ParseError with the line. */
export function parseYamlText(text: string): unknown[] {
  const docs = parseAllDocuments(text, { uniqueKeys: false });
  const list = Array.isArray(docs) ? docs : [docs];
  const values: unknown[] = [];
  for (const doc of list) {
    const error = doc.errors[0];
    if (error) {
      const line = error.linePos?.[0]?.line ?? 1;
      const first = error.message.split('\n')[0] ?? error.message;
      throw new ParseError(`broken YAML (${first})`, { line, kind: 'yaml' });
    }
    values.push(toJs(doc));
  }
  return values;
}

function looksLikeStatus(v: Obj): boolean {
  return 'state' in v || 'lastState' in v || 'restartCount' in v || 'containerID' in v;
}

function asContainerStatus(v: Obj): ContainerStatusLike {
  const name = typeof v.name === 'string' ? v.name : UNKNOWN_CONTAINER;
  return { ...(v as Partial<ContainerStatusLike>), name };
}

function podFromFragment(v: Obj): PodLike | undefined {
  if (Array.isArray(v.containerStatuses) || Array.isArray(v.initContainerStatuses)) {
    return { metadata: {}, status: v as PodLike['status'] };
  }
  if (looksLikeStatus(v)) {
    return { metadata: {}, status: { containerStatuses: [asContainerStatus(v)] } };
  }
  if (isObj(v.status) || isObj(v.spec)) return { ...(v as Partial<PodLike>), metadata: {} };
  return undefined;
}

function collect(value: unknown, facts: PasteFacts): void {
  if (Array.isArray(value)) {
    if (value.every((v) => isObj(v) && looksLikeStatus(v) && !('kind' in v))) {
      const statuses = value.filter(isObj).map(asContainerStatus);
      facts.pods.push({ metadata: {}, status: { containerStatuses: statuses } });
      return;
    }
    for (const item of value) collect(item, facts);
    return;
  }
  if (!isObj(value)) return;
  const kind = typeof value.kind === 'string' ? value.kind : undefined;
  if (Array.isArray(value.items)) return collect(value.items, facts);
  if (kind === 'Event' || (!kind && (isObj(value.involvedObject) || isObj(value.regarding)))) {
    facts.events.push(value as EventLike);
    return;
  }
  if (
    kind === 'Pod' ||
    (!kind && isObj(value.metadata) && (isObj(value.spec) || isObj(value.status)))
  ) {
    const pod = value as unknown as PodLike;
    facts.pods.push({ ...pod, metadata: isObj(pod.metadata) ? pod.metadata : {} });
    return;
  }
  if (kind) {
    facts.warnings.push(`ignored a ${kind} object (only Pods and Events are read)`);
    return;
  }
  const pod = podFromFragment(value);
  if (pod) {
    facts.pods.push(pod);
    return;
  }
  const keys = Object.keys(value);
  if (keys.length === 1 && keys[0] !== undefined) return collect(value[keys[0]], facts);
  facts.warnings.push(`ignored an object with keys ${keys.slice(0, 5).join(', ')}`);
}

/** Reads Pods and Events from `kubectl get -o json|yaml` output or a fragment of it. */
export function parsePodObjects(text: string, format: 'json' | 'yaml'): PasteFacts {
  const facts = emptyFacts();
  const values = format === 'json' ? [parseJsonText(text)] : parseYamlText(stripYamlComments(text));
  for (const value of values) {
    if (isObj(value) && value[CUT_SHORT]) {
      delete value[CUT_SHORT];
      facts.warnings.push('the JSON was cut short; read the complete part');
    }
    collect(value, facts);
  }
  checkShapes(facts.pods, facts.events, format);
  if (facts.pods.length === 0 && facts.events.length === 0) {
    throw new ParseError(`no Pod or Event found in the ${format.toUpperCase()}`, {
      line: 1,
      kind: format,
    });
  }
  return facts;
}

// A pasted excerpt is often indented as it sat inside the full object; YAML needs the first key
// at the smallest indent, so dedent by it.
function stripYamlComments(text: string): string {
  const lines = text.split('\n');
  const indents = lines
    .filter((l) => l.trim() !== '' && !l.trim().startsWith('#'))
    .map((l) => /^ */.exec(l)?.[0].length ?? 0);
  const min = indents.length ? Math.min(...indents) : 0;
  return lines
    .map((l) => (l.trim().startsWith('#') ? '' : l.slice(Math.min(min, l.length))))
    .join('\n');
}
