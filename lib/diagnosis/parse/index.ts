// Offline triage: what people paste (`kubectl get pod -o yaml|json`, `kubectl describe pod`,
// `kubectl get events` as table/yaml/json, `kubectl get pods`, log text) turned into the
// DiagnosisInput that diagnosePod reads. Pure text in, data out: no fs, no network.
import { scanLogText } from '../log-signals';
import type { DiagnosisInput } from '../types';
import { buildInput } from './build-input';
import { emptyFacts, type PasteFacts } from './facts';
import { isForeignJson, looksLikeLog, RefusedInputError, screenText } from './input-guard';
import { ParseError } from './parse-error';
import { parseDescribe } from './parse-describe';
import { parseEventsTable } from './parse-events-table';
import { parseLog } from './parse-log';
import { parsePodObjects } from './parse-pod-object';
import { parsePodsTable, parseStatusWord } from './parse-pods-table';
import { splitPastes, type InputKind, type Paste } from './split-pastes';

export { ParseError } from './parse-error';
export { EXPECTED_INPUT, RefusedInputError, MAX_LINE_CHARS } from './input-guard';
export { detectInputKind, splitPastes, type InputKind, type Paste } from './split-pastes';
export { parseDescribe } from './parse-describe';
export { parseEventsTable } from './parse-events-table';
export { parseLog } from './parse-log';
export { parsePodObjects, UNKNOWN_CONTAINER } from './parse-pod-object';
export { parsePodsTable } from './parse-pods-table';
export { UNKNOWN_INIT_CONTAINER } from './merge-pods';
export type { PasteFacts, LogPiece, PodHint } from './facts';

/** Where each paste of the input was found and what kind it is. */
export interface PasteKind {
  file: string;
  startLine: number;
  kind: InputKind;
}

/** The result of reading every input file. */
export interface ParsedInputs {
  input: DiagnosisInput;
  kinds: PasteKind[];
  warnings: string[];
}

/** Parses one paste of a known kind into facts; throws ParseError (line within the paste). */
export function parsePaste(paste: Paste, now: number): PasteFacts {
  switch (paste.kind) {
    case 'pod-json':
    case 'events-json':
      return parsePodObjects(paste.text, 'json');
    case 'pod-yaml':
    case 'events-yaml':
      return parsePodObjects(paste.text, 'yaml');
    case 'describe':
      return parseDescribe(paste.text, now);
    case 'events-table': {
      const lines = paste.text.split('\n').map((text, i) => ({ text, no: i + 1 }));
      return { ...emptyFacts(), ...parseEventsTable(lines, now) };
    }
    case 'pods-table':
      return { ...emptyFacts(), ...parsePodsTable(paste.text) };
    case 'pod-status':
      return { ...emptyFacts(), hints: [parseStatusWord(paste.text)] };
    case 'log':
      return { ...emptyFacts(), ...parseLog(paste.text) };
    case 'empty':
      return emptyFacts();
  }
}

// A file that parsed only as log text must read like one: random characters, prose, or a JSON
// document of another kind are refused rather than answered with "not enough evidence".
function refuseUnrecognised(file: string, text: string, pastes: Paste[]): void {
  if (pastes.some((p) => p.kind !== 'log' && p.kind !== 'empty')) return;
  if (isForeignJson(text))
    throw new RefusedInputError(
      'This is JSON, but not a Pod, a list of Pods, Events or a JSON log.',
      file,
    );
  const log = pastes.map((p) => p.text).join('\n');
  if (!looksLikeLog(log) && scanLogText(log).length === 0)
    throw new RefusedInputError(
      'Nothing in it reads as kubectl output or a log (no time stamps, levels, paths, error words or kubectl columns).',
      file,
    );
}

function readFile(
  file: { name: string; text: string },
  now: number,
  out: ParsedInputs,
): PasteFacts[] {
  const screened = screenText(file.text, file.name);
  const pastes = splitPastes(screened.text);
  if (pastes.length === 0) out.warnings.push(`${file.name}: empty`);
  else refuseUnrecognised(file.name, screened.text, pastes);
  const warnings = screened.warnings.map((w) => `${file.name}: ${w}`);
  const facts: PasteFacts[] = [];
  for (const paste of pastes) {
    out.kinds.push({ file: file.name, startLine: paste.startLine, kind: paste.kind });
    try {
      const f = parsePaste(paste, now);
      facts.push(f);
      for (const w of f.warnings)
        warnings.push(`${file.name}: ${shiftLine(w, paste.startLine - 1)}`);
    } catch (error) {
      if (error instanceof ParseError) throw error.within(file.name, paste.startLine - 1);
      if (error instanceof RefusedInputError && !error.file)
        throw new RefusedInputError(error.reason, file.name);
      throw error;
    }
  }
  out.warnings.push(...warnings);
  return facts;
}

/**
 * Reads every file (each may hold several pastes) about one pod into a DiagnosisInput. A file
 * that is not kubectl output or a log is skipped with a warning when other files are readable;
 * when none is, the first refusal is thrown (RefusedInputError).
 */
export function parseInputs(
  files: Array<{ name: string; text: string }>,
  now: number,
): ParsedInputs {
  const out: ParsedInputs = { input: { pod: { metadata: {} }, now }, kinds: [], warnings: [] };
  const facts: PasteFacts[] = [];
  const refused: RefusedInputError[] = [];
  for (const file of files) {
    try {
      facts.push(...readFile(file, now, out));
    } catch (error) {
      if (!(error instanceof RefusedInputError)) throw error;
      refused.push(error);
      out.warnings.push(`skipped ${error.file ?? file.name}: ${error.reason}`);
    }
  }
  if (refused[0] && facts.length === 0) throw refused[0];
  out.input = buildInput(facts, now, out.warnings);
  return out;
}

function shiftLine(warning: string, offset: number): string {
  return warning.replace(/^line (\d+):/, (_, n: string) => `line ${Number(n) + offset}:`);
}
