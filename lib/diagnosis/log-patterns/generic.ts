// Generic error lines, used only when no specific pattern matched: exception lines of common
// runtimes and log levels (FATAL/ERROR) in plain, logfmt and JSON logs.
import { pattern, titleText, type LogPattern } from './pattern';

const READ_IT =
  'Read the lines around this one in `kubectl logs --previous`; it is the last error the program wrote before exiting.';

/** The message after `Error:`, whole for a title (see titleText); the full line stays in the evidence. */
function quoteMessage(line: string): string {
  const message = line.replace(/^.*?(?:Error|Exception):\s*/, '').trim();
  return message ? `“${titleText(message)}”` : 'an unhandled error';
}

/** Generic error-line patterns (low weight; the scanner prefers the last such line). */
export const GENERIC_PATTERNS: LogPattern[] = [
  pattern({
    id: 'uncaught-exception',
    category: 'app-error',
    weight: 46,
    re: /^(?:Caused by: |Exception in thread "[^"]*" |Uncaught |Unhandled )?((?:[\w$]+\.)*[\w$]*(?:Error|Exception))(?::\s|$)/,
    // A bare `Error:` names no class worth repeating: quote its message instead.
    title: (s, line) =>
      s && !/^(?:Error|Exception)$/.test(s)
        ? `The program failed with ${s}`
        : `The program failed: ${quoteMessage(line)}`,
    explanation: 'The program raised an error it did not handle and exited.',
    doNext: [READ_IT],
    accept: (line) => !/^\s*at\s/.test(line),
  }),
  pattern({
    id: 'fatal-log-line',
    category: 'app-error',
    weight: 44,
    re: /"(?:level|severity|lvl)"\s*:\s*"(?:fatal|panic|critical|crit|emerg)"|\blevel=(?:fatal|panic|crit)|^\s*(?:\S+\s+){0,4}?\[?(?:FATAL|CRITICAL|PANIC|EMERG)\]?[\s:]|^F\d{4}\s|\bFatal(?: error)?:|[Ss]tartup failed|failed to start|Application run failed/,
    title: () => 'The program logged a fatal error and exited',
    explanation: 'The last fatal line the program wrote before exiting.',
    doNext: [READ_IT],
  }),
  pattern({
    id: 'error-log-line',
    category: 'app-error',
    weight: 34,
    re: /"(?:level|severity|lvl)"\s*:\s*"(?:error|err)"|\blevel=(?:error|err)\b|^\s*(?:\S+\s+){0,4}?\[?(?:ERROR|SEVERE|ERR)\]?[\s:]|^E\d{4}\s|^\s*(?:Error|ERROR|error)[:\s]/,
    title: () => 'The program logged an error before exiting',
    explanation: 'An error line the program wrote before exiting; it may or may not be the cause.',
    doNext: [READ_IT],
  }),
];
