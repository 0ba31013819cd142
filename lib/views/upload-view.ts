// Offline diagnosis of pasted or uploaded kubectl output: parse, then diagnose. No cluster.
import { ParseError, RefusedInputError, diagnosePod, parseInputs } from '../diagnosis';
import { BadInputError } from './errors';
import type { UploadDiagnosis } from './types';

/** Diagnoses uploaded files; throws BadInputError with the parser's message and line, or the refusal. */
export function diagnoseUpload(
  files: Array<{ name: string; text: string }>,
  now: number = Date.now(),
): UploadDiagnosis {
  try {
    const parsed = parseInputs(files, now);
    return { diagnosis: diagnosePod(parsed.input), kinds: parsed.kinds, warnings: parsed.warnings };
  } catch (error) {
    if (error instanceof ParseError) throw new BadInputError(error.message, error.line);
    // Not kubectl output or a log at all: the same message the CLI prints, naming what was expected.
    if (error instanceof RefusedInputError) throw new BadInputError(error.message);
    throw error;
  }
}
