// Offline triage: what people paste (`kubectl get pod -o yaml|json`, `kubectl describe pod`,
// `kubectl get events` as table/yaml/json, `kubectl get pods`, log text) turned into the
// DiagnosisInput that diagnosePod reads. Pure text in, data out: no fs, no network.
import type { DiagnosisInput } from '../types';
import { buildInput } from './build-input';
import { emptyFacts, type PasteFacts } from './facts';
import { ParseError } from './parse-error';
import { parseDescribe } from './parse-describe';
import { parseEventsTable } from './parse-events-table';
import { parseLog } from './parse-log';
import { parsePodObjects } from './parse-pod-object';
import { parsePodsTable, parseStatusWord } from './parse-pods-table';
import { splitPastes, type InputKind, type Paste } from './split-pastes';

export { ParseError } from './parse-error';
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

/** Reads every file (each may hold several pastes) about one pod into a DiagnosisInput. */
export function parseInputs(
  files: Array<{ name: string; text: string }>,
  now: number,
): ParsedInputs {
  const kinds: PasteKind[] = [];
  const warnings: string[] = [];
  const facts: PasteFacts[] = [];
  for (const file of files) {
    const pastes = splitPastes(file.text);
    if (pastes.length === 0) warnings.push(`${file.name}: empty`);
    for (const paste of pastes) {
      kinds.push({ file: file.name, startLine: paste.startLine, kind: paste.kind });
      try {
        const f = parsePaste(paste, now);
        facts.push(f);
        for (const w of f.warnings)
          warnings.push(`${file.name}: ${shiftLine(w, paste.startLine - 1)}`);
      } catch (error) {
        if (error instanceof ParseError) throw error.within(file.name, paste.startLine - 1);
        throw error;
      }
    }
  }
  const input = buildInput(facts, now, warnings);
  return { input, kinds, warnings };
}

function shiftLine(warning: string, offset: number): string {
  return warning.replace(/^line (\d+):/, (_, n: string) => `line ${Number(n) + offset}:`);
}
