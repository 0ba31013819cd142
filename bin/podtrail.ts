// podtrail CLI. `podtrail diagnose FILE... [--json] [--now ISO]` reads what was pasted from
// kubectl (pod yaml/json, describe, events, pods table, logs; `-` or no file = stdin), parses it
// (lib/diagnosis/parse) and prints the diagnosis. Exit 2 on unreadable input, naming file and line.
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import {
  ParseError,
  RefusedInputError,
  diagnosePod,
  parseInputs,
  type PasteKind,
  type PodDiagnosis,
} from '../lib/diagnosis';
import { formatDiagnosis } from './format-diagnosis';

const USAGE =
  'usage: podtrail diagnose FILE... [--json] [--now ISO-8601]   (FILE "-" or none: stdin)';

/** The diagnosis of a set of pasted files, with what the parser saw and noted. */
export interface FileDiagnosis {
  diagnosis: PodDiagnosis;
  kinds: PasteKind[];
  warnings: string[];
}

/** Parses the files as one pod's inputs and diagnoses it (the function the CLI and scorer share). */
export function diagnoseFiles(
  files: Array<{ name: string; text: string }>,
  now: number,
): FileDiagnosis {
  const parsed = parseInputs(files, now);
  return { diagnosis: diagnosePod(parsed.input), kinds: parsed.kinds, warnings: parsed.warnings };
}

/** The stable machine-readable form printed by --json. */
export function toJsonReport(r: FileDiagnosis) {
  const d = r.diagnosis;
  return {
    pod: d.pod,
    findings: d.findings.map((f) => ({
      id: f.id,
      severity: f.severity,
      category: f.category,
      title: f.title,
      evidence: f.evidence,
      doNext: f.doNext,
      dont: f.dont,
      commands: f.commands,
    })),
    containers: d.containers,
    missing: d.missing,
    inputs: r.kinds,
    warnings: r.warnings,
  };
}

/** The message for input the diagnosis refuses or cannot parse; undefined for other errors. */
function inputErrorMessage(error: unknown): string | undefined {
  if (error instanceof RefusedInputError) return error.message;
  if (error instanceof ParseError)
    return `cannot parse ${error.file ?? 'input'} at line ${error.line} (${error.kind}): ${error.reason}`;
  return undefined;
}

function readInput(name: string): string {
  return name === '-' ? readFileSync(0, 'utf8') : readFileSync(name, 'utf8');
}

/** The options of `podtrail diagnose` (node:util parseArgs; unknown options are errors). */
function parseDiagnoseArgs(args: string[]) {
  return parseArgs({
    args,
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      now: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
}

/** Runs the CLI with `argv` (without node and script); returns the exit code. */
export function main(argv: string[], io = { out: console.log, err: console.error }): number {
  const [command, ...rest] = argv;
  if (command !== 'diagnose') {
    io.err(USAGE);
    return command === '--help' || command === '-h' ? 0 : 2;
  }
  let parsed: ReturnType<typeof parseDiagnoseArgs>;
  try {
    parsed = parseDiagnoseArgs(rest);
  } catch (error) {
    io.err(`podtrail: ${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return 2;
  }
  if (parsed.values.help) {
    io.out(USAGE);
    return 0;
  }
  const json = parsed.values.json;
  const nowArg = parsed.values.now;
  const now = nowArg !== undefined ? Date.parse(nowArg) : Date.now();
  if (nowArg !== undefined && !Number.isFinite(now)) {
    io.err(`podtrail: --now needs an ISO 8601 time, got ${nowArg || 'nothing'}`);
    return 2;
  }
  const names = parsed.positionals;
  const files: Array<{ name: string; text: string }> = [];
  for (const name of names.length ? names : ['-']) {
    try {
      files.push({ name: name === '-' ? 'stdin' : name, text: readInput(name) });
    } catch (error) {
      io.err(
        `podtrail: cannot read ${name}: ${error instanceof Error ? error.message : String(error)}`,
      );
      return 2;
    }
  }
  try {
    const result = diagnoseFiles(files, now);
    io.out(
      json
        ? JSON.stringify(toJsonReport(result), null, 2)
        : formatDiagnosis(result.diagnosis, result.warnings),
    );
    return 0;
  } catch (error) {
    const message = inputErrorMessage(error);
    if (message === undefined) throw error;
    io.err(`podtrail: ${message}`);
    if (json) io.out(JSON.stringify({ error: message }, null, 2));
    return 2;
  }
}

// Run directly (`npm run podtrail`, tsx); the installed command is the launcher cli/bin/podtrail.cjs.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = main(process.argv.slice(2));
}
