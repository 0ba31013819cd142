// Finds the decisive line of a log: every line is matched against the pattern catalogue
// (log-patterns/), each line keeps its strongest match, and the strongest line wins — the first
// of equals for specific causes (the root comes before its echoes), the last of equals for
// generic error lines (the last error before the exit). Works on any text: previous logs,
// terminated messages, event messages, pasted kubectl output.
import { LOG_PATTERNS, type LogPattern } from './log-patterns';

/** One line of a log that points at a cause. */
export interface LogSignal {
  /** Finding id of the pattern, e.g. `missing-env-var`. */
  id: string;
  category: string;
  title: string;
  explanation: string;
  doNext: string[];
  /** What the line names: the variable, path, host or image. */
  subject?: string;
  /** 1-based line number in the text. */
  line: number;
  /** The line, trimmed. */
  text: string;
  weight: number;
}

/** The verdict on a log text: the decisive line and its category. */
export interface LogDiagnosis {
  /** The category of the decisive line, `not-enough-evidence` when nothing matched. */
  category: string;
  decisive?: LogSignal;
  /** Every matching line, strongest first. */
  signals: LogSignal[];
}

const MAX_LINE = 2000;
const HEAD_LINES = 300;
const TAIL_LINES = 5000;
const GENERIC_WEIGHT = 50;

// Leading timestamps and kubectl/stern prefixes hide `^panic:`-style anchors.
const PREFIXES = [
  /^\d{4}-\d\d-\d\d[T ][\d:.,]+(?:Z|[+-]\d\d:?\d\d)?\s+(?:stdout|stderr)?\s*(?:[FP]\s+)?/,
  /^\[pod\/[^\]]+\]\s*/,
];

/** Strips timestamps and `[pod/name/container]` prefixes so anchored patterns can match. */
export function stripLogPrefix(line: string): string {
  let out = line.replace(/\r$/, '').replace(/\x1b\[[0-9;]*m/g, '');
  for (const re of PREFIXES) out = out.replace(re, '');
  return out.trim();
}

function matchLine(body: string, before: string[], p: LogPattern): RegExpExecArray | undefined {
  const m = p.re.exec(body);
  if (!m) return undefined;
  if (p.accept && !p.accept(body, m)) return undefined;
  if (p.after && !before.some((b) => p.after?.test(b))) return undefined;
  return m;
}

// Patterns that say only that the program stopped ("panic:", an uncaught exception, a fatal
// line): when the same line, or the lines right after a panic, name a specific cause, that cause
// is the decisive line, with the wrapper's strength ("panic: dial tcp ...: connection refused"
// is a dependency, not a bug).
const WRAPPERS = new Set([
  'program-panic',
  'uncaught-exception',
  'fatal-log-line',
  'error-log-line',
]);
const SPECIFIC_WEIGHT = 60;

function signalOf(p: LogPattern, m: RegExpExecArray, body: string, line: number): LogSignal {
  const subject = m.slice(1).find((g) => g !== undefined && g !== '');
  return {
    id: p.id,
    category: p.category,
    title: p.title(subject, body),
    explanation: p.explanation,
    doNext: p.doNext,
    subject,
    line,
    text: body.length > 300 ? `${body.slice(0, 300)}…` : body,
    weight: p.weight,
  };
}

function bestForLine(body: string, before: string[], line: number): LogSignal | undefined {
  let best: LogSignal | undefined;
  let specific: LogSignal | undefined;
  for (const p of LOG_PATTERNS) {
    const wrapper = WRAPPERS.has(p.id);
    if ((best?.weight ?? -1) >= p.weight && (wrapper || (specific?.weight ?? -1) >= p.weight))
      continue;
    const m = matchLine(body, before, p);
    if (!m) continue;
    const signal = signalOf(p, m, body, line);
    if (!best || signal.weight > best.weight) best = signal;
    if (!wrapper && (!specific || signal.weight > specific.weight)) specific = signal;
  }
  if (best && specific && WRAPPERS.has(best.id) && specific.weight >= SPECIFIC_WEIGHT)
    return { ...specific, weight: Math.max(specific.weight, best.weight) };
  return best;
}

// A panic's message often sits on the next line (Rust's "panicked at file:line:" then the
// message): a specific cause there takes the panic's strength.
function promoteAfterPanic(signals: LogSignal[]): void {
  const byLine = new Map(signals.map((s) => [s.line, s]));
  for (const s of signals) {
    if (s.id !== 'program-panic') continue;
    for (let next = s.line + 1; next <= s.line + 2; next++) {
      const cause = byLine.get(next);
      if (cause && !WRAPPERS.has(cause.id) && cause.weight >= SPECIFIC_WEIGHT) {
        cause.weight = Math.max(cause.weight, s.weight + 1);
        break;
      }
    }
  }
}

function lineNumbersToScan(count: number): number[] {
  if (count <= HEAD_LINES + TAIL_LINES) return [...Array(count).keys()];
  const head = [...Array(HEAD_LINES).keys()];
  const tail = [...Array(TAIL_LINES).keys()].map((i) => count - TAIL_LINES + i);
  return [...head, ...tail];
}

// Short texts (event messages, waiting and terminated messages) come back on every board
// computation for every failing pod: their signals are remembered, frozen, for the next caller.
// Logs are longer and read once per page; bounded by clearing when full.
const SHORT_TEXT = 2_000;
const remembered = new Map<string, readonly LogSignal[]>();

/** Every line of the text that matches a failure pattern, strongest first. */
export function scanLogText(text: string): LogSignal[] {
  if (text.length > SHORT_TEXT) return scanLines(text);
  let signals = remembered.get(text);
  if (!signals) {
    if (remembered.size >= 10_000) remembered.clear();
    signals = Object.freeze(scanLines(text).map((s) => Object.freeze(s)));
    remembered.set(text, signals);
  }
  return [...signals];
}

function scanLines(text: string): LogSignal[] {
  const lines = text.split('\n');
  const signals: LogSignal[] = [];
  for (const i of lineNumbersToScan(lines.length)) {
    const body = stripLogPrefix((lines[i] ?? '').slice(0, MAX_LINE));
    if (!body) continue;
    const before = lines.slice(Math.max(0, i - 3), i);
    const signal = bestForLine(body, before, i + 1);
    if (signal) signals.push(signal);
  }
  promoteAfterPanic(signals);
  return signals.sort(compareSignals);
}

/** Strongest first; among equals, the first specific line or the last generic one. */
export function compareSignals(a: LogSignal, b: LogSignal): number {
  if (a.weight !== b.weight) return b.weight - a.weight;
  return a.weight < GENERIC_WEIGHT ? b.line - a.line : a.line - b.line;
}

/** Finds the decisive line of an arbitrary log text and its category. */
export function diagnoseLogText(text: string): LogDiagnosis {
  const signals = scanLogText(text);
  const causes = signals.filter((s) => s.category !== 'init-container');
  const decisive = causes[0] ?? signals[0];
  if (!decisive) return { category: 'not-enough-evidence', signals };
  const blockedByInit = signals.some((s) => s.id === 'init-container-blocking');
  const startFailure =
    decisive.category === 'image-pull' || decisive.category === 'create-config-error';
  const category = blockedByInit && !startFailure ? 'init-container' : decisive.category;
  return { category, decisive, signals };
}
