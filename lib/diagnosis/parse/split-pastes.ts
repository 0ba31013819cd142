// Tells what kind of kubectl output a paste is, and cuts an input that concatenates several
// pastes (separated by blank lines, or simply one after another) into single-kind pieces.
import { scanJsonBrackets } from './json-brackets';
import { isEventLine } from './parse-events-table';
import { describeKeyOf, STRONG_DESCRIBE_KEYS } from './parse-describe';
import { isPodsHeader, isPodsRow, isStatusWord } from './parse-pods-table';
import { CONTAINER_KEYS, STATE_KEYS } from './describe-container';

/** The kinds of paste the parsers read. */
export type InputKind =
  | 'pod-json'
  | 'pod-yaml'
  | 'events-json'
  | 'events-yaml'
  | 'describe'
  | 'events-table'
  | 'pods-table'
  | 'pod-status'
  | 'log'
  | 'empty';

/** One single-kind piece of an input; `startLine` is the 1-based line where it begins. */
export interface Paste {
  kind: InputKind;
  text: string;
  startLine: number;
}

interface Chunk {
  lines: string[];
  start: number;
}

const YAML_KEY =
  /^\s*(?:-\s+)?(apiVersion|kind|metadata|spec|status|items|containerStatuses|initContainerStatuses|lastState|state|involvedObject|regarding|conditions|containers|restartCount|terminated|waiting|firstTimestamp|lastTimestamp|reason|name|message|count|type):(\s|$)/;
const STRONG_YAML =
  /^\s*(?:-\s+)?(apiVersion|kind|metadata|containerStatuses|initContainerStatuses|lastState|involvedObject):(\s|$)/m;

const K8S_JSON =
  /"(apiVersion|kind|metadata|spec|status|items|containerStatuses|initContainerStatuses|lastState|state|restartCount|involvedObject|regarding)"\s*:/;

function firstContentLine(text: string): string {
  return text.split('\n').find((l) => l.trim() !== '' && !l.trim().startsWith('#')) ?? '';
}

function objectKind(text: string): InputKind | undefined {
  const first = firstContentLine(text).trim();
  const eventKind = /"?kind"?\s*:\s*"?Event(List)?"?\s*,?\s*$/m.test(text);
  const events =
    eventKind || (/involvedObject|"?regarding"?:/.test(text) && !/containerStatuses/.test(text));
  const jsonStart = /^(\{\s*("|\}|$)|\[\s*([{["\]]|$)|"[\w.-]+"\s*:)/.test(first);
  if (jsonStart && K8S_JSON.test(text)) return events ? 'events-json' : 'pod-json';
  if (YAML_KEY.test(first) && STRONG_YAML.test(text)) return events ? 'events-yaml' : 'pod-yaml';
  return undefined;
}

// The kind of a line shows in its first columns; a long message or log line is not read in full
// just to classify it.
const CLASSIFY_CHARS = 512;

function isDescribeLine(full: string): boolean {
  const line = full.slice(0, CLASSIFY_CHARS);
  const key = describeKeyOf(line);
  if (
    key &&
    (STRONG_DESCRIBE_KEYS.has(key) ||
      CONTAINER_KEYS.has(key) ||
      STATE_KEYS.has(key) ||
      key === 'Name')
  )
    return true;
  return /^\s*Events:/.test(line) || isEventLine(line);
}

function lineKind(full: string): InputKind {
  const line = full.slice(0, CLASSIFY_CHARS);
  if (/^\s*Events:\s*$/.test(line) || isEventLine(line)) return 'events-table';
  if (isPodsHeader(line) || isPodsRow(line)) return 'pods-table';
  if (isStatusWord(line)) return 'pod-status';
  return 'log';
}

/** Classifies one paste by its content. */
export function detectInputKind(text: string): InputKind {
  if (text.trim() === '') return 'empty';
  const object = objectKind(text);
  if (object) return object;
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  if (lines.some((l) => STRONG_DESCRIBE_KEYS.has(describeKeyOf(l.slice(0, CLASSIFY_CHARS)) ?? '')))
    return 'describe';
  const counts = new Map<InputKind, number>();
  for (const l of lines) counts.set(lineKind(l), (counts.get(lineKind(l)) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'log';
}

function braceDepth(text: string): number {
  return scanJsonBrackets(text).depth;
}

function chunksOf(lines: string[]): Chunk[] {
  const chunks: Chunk[] = [];
  let current: Chunk | undefined;
  lines.forEach((line, i) => {
    if (line.trim() === '') {
      current = undefined;
      return;
    }
    if (!current) chunks.push((current = { lines: [], start: i + 1 }));
    current.lines.push(line);
  });
  return chunks;
}

// JSON and YAML may hold blank lines: keep reading chunks until the braces close, or while the
// next chunk continues the YAML (indented, or another lowercase key).
function joinObjects(chunks: Chunk[], all: string[]): Chunk[] {
  const out: Chunk[] = [];
  for (let i = 0; i < chunks.length; i++) {
    const chunk = chunks[i] as Chunk;
    const kind = objectKind(chunk.lines.join('\n'));
    let end = chunk.start + chunk.lines.length - 1;
    const text = () => all.slice(chunk.start - 1, end).join('\n');
    const continues = (next: Chunk) =>
      kind?.endsWith('json')
        ? braceDepth(text()) > 0
        : /^(\s+\S|- |[a-z][A-Za-z]*:)/.test(next.lines[0] ?? '');
    while (kind && i + 1 < chunks.length && continues(chunks[i + 1] as Chunk)) {
      const next = chunks[++i] as Chunk;
      end = next.start + next.lines.length - 1;
    }
    out.push({ lines: all.slice(chunk.start - 1, end), start: chunk.start });
  }
  return out;
}

function segments(chunk: Chunk): Paste[] {
  const text = chunk.lines.join('\n');
  const kind = detectInputKind(text);
  if (
    kind !== 'describe' &&
    kind !== 'log' &&
    kind !== 'events-table' &&
    kind !== 'pods-table' &&
    kind !== 'pod-status'
  ) {
    return [{ kind, text, startLine: chunk.start }];
  }
  if (kind === 'describe') {
    let first = chunk.lines.findIndex(isDescribeLine);
    // A container block pasted from its name line ("manager:") starts one line earlier.
    if (first > 0 && /^\s*[a-z0-9][-a-z0-9]*:\s*$/.test(chunk.lines[first - 1] ?? '')) first--;
    if (first <= 0) return [{ kind, text, startLine: chunk.start }];
    return [
      ...segments({ lines: chunk.lines.slice(0, first), start: chunk.start }),
      { kind, text: chunk.lines.slice(first).join('\n'), startLine: chunk.start + first },
    ];
  }
  const out: Paste[] = [];
  chunk.lines.forEach((line, i) => {
    const k = lineKind(line);
    const last = out[out.length - 1];
    if (last && last.kind === k) last.text += `\n${line}`;
    else out.push({ kind: k, text: line, startLine: chunk.start + i });
  });
  return out;
}

/** Cuts an input into single-kind pastes; adjacent log pieces stay one log. */
export function splitPastes(text: string): Paste[] {
  // Markdown code fences (pastes copied from an issue or a chat) separate pastes like blank lines.
  const all = text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => (/^\s*(```|~~~)[\w-]*\s*$/.test(l) ? '' : l));
  const pastes = joinObjects(chunksOf(all), all).flatMap(segments);
  const merged: Paste[] = [];
  for (const p of pastes) {
    const last = merged[merged.length - 1];
    if (last && last.kind === 'log' && p.kind === 'log') {
      last.text = all
        .slice(last.startLine - 1, p.startLine - 1 + p.text.split('\n').length)
        .join('\n');
    } else merged.push({ ...p });
  }
  return merged;
}
