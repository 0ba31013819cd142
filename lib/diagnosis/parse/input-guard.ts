// The gate in front of the parsers: what is not kubectl output or a log (binary bytes, an image,
// an archive, random characters) is refused with a message that says what was expected, and
// every line is bounded so that one 4 MiB line costs no more than a normal log. Lines that are
// not text inside an otherwise readable paste are skipped with a warning naming them.

/** What the offline diagnosis reads, said the same way by the CLI, the API and /import. */
export const EXPECTED_INPUT =
  'Expected text that kubectl printed about a pod — `kubectl get pod -o yaml|json`, `kubectl describe pod`, `kubectl get events`, `kubectl get pods` — or the container’s log (`kubectl logs --previous`).';

/** Input that is not kubectl output or a log at all; nothing was diagnosed. */
export class RefusedInputError extends Error {
  readonly reason: string;
  readonly file?: string;

  constructor(reason: string, file?: string) {
    super(`${file ? `${file}: ` : ''}${reason} ${EXPECTED_INPUT}`);
    this.name = 'RefusedInputError';
    this.reason = reason;
    this.file = file;
  }
}

/** Longest line read in full; the rest of a longer line is cut (a minified bundle, a dump). */
export const MAX_LINE_CHARS = 16_384;

// File signatures as they read once decoded as UTF-8 (invalid bytes become U+FFFD).
const SIGNATURES: Array<[RegExp, string]> = [
  [/^\uFFFDPNG\r?\n/, 'a PNG image'],
  [/^(?:\uFFFD){3}[\s\S]{0,8}(?:JFIF|Exif)/, 'a JPEG image'],
  [/^GIF8[79]a/, 'a GIF image'],
  [/^RIFF[\s\S]{4}WEBP/, 'a WebP image'],
  [/^%PDF-/, 'a PDF document'],
  [/^PK\x03\x04/, 'a ZIP archive (or an office document)'],
  [/^\x1f\uFFFD/, 'a gzip-compressed file'],
  [/^\x7fELF/, 'an executable (ELF)'],
  [/^BZh\d/, 'a bzip2-compressed file'],
  [/^\uFFFD7zXZ/, 'an xz-compressed file'],
];

// C0 controls other than tab, newline, carriage return and ESC (ANSI colours are stripped
// first), DEL, and the replacement character of undecodable bytes.
const NOT_TEXT = /[\x00-\x08\x0b\x0c\x0e-\x1a\x1c-\x1f\x7f\uFFFD]/g;
const ANSI = /\x1b\[[0-9;?]*[A-Za-z]/g;

function notTextShare(line: string): number {
  const body = line.replace(ANSI, '');
  if (body.length === 0) return 0;
  return (body.match(NOT_TEXT)?.length ?? 0) / body.length;
}

/** True for a line that is mostly bytes no log or kubectl output holds. */
export function isBinaryLine(line: string): boolean {
  return line.includes('\x00') || notTextShare(line) > 0.1;
}

/** The kind of binary file the text starts with, if it starts with a known signature. */
export function binarySignature(text: string): string | undefined {
  const head = text.slice(0, 64);
  return SIGNATURES.find(([re]) => re.test(head))?.[1];
}

/** The result of screening one file: its text with long and binary lines dealt with. */
export interface ScreenedText {
  text: string;
  warnings: string[];
}

function isWholeJson(text: string): boolean {
  const t = text.trim();
  if (!/^[[{]/.test(t)) return false;
  try {
    JSON.parse(t);
    return true;
  } catch {
    return false;
  }
}

function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

/**
 * Screens a file before parsing: refuses binary files (RefusedInputError), blanks the lines that
 * are not text and cuts lines longer than MAX_LINE_CHARS, saying which in the warnings. A file
 * that is one JSON document keeps its long lines (`kubectl get -o json | jq -c` prints one).
 */
export function screenText(text: string, file?: string): ScreenedText {
  const signature = binarySignature(text);
  if (signature) throw new RefusedInputError(`This is ${signature}, not text.`, file);
  const lines = text.split('\n');
  const warnings: string[] = [];
  const binary: number[] = [];
  let binaryChars = 0;
  const wholeJson = lines.some((l) => l.length > MAX_LINE_CHARS) && isWholeJson(text);
  const out = lines.map((line, i) => {
    const head = line.length > MAX_LINE_CHARS && !wholeJson ? line.slice(0, MAX_LINE_CHARS) : line;
    if (isBinaryLine(head)) {
      binary.push(i + 1);
      binaryChars += head.length;
      return '';
    }
    if (head.length < line.length) {
      warnings.push(
        `line ${i + 1}: ${formatCount(line.length)} characters long; read the first ${formatCount(MAX_LINE_CHARS)}`,
      );
    }
    return head;
  });
  const contentLines = lines.filter((l) => l.trim() !== '').length;
  const total = Math.min(text.length, lines.length * MAX_LINE_CHARS);
  if (binary.length > 0 && (binary.length * 2 > contentLines || binaryChars * 2 > total)) {
    throw new RefusedInputError(
      `This is binary data, not text (${formatCount(binary.length)} of ${formatCount(contentLines)} lines hold bytes that no log or kubectl output has).`,
      file,
    );
  }
  if (binary.length > 0) warnings.push(`skipped ${describeLines(binary)}: binary bytes, not text`);
  return { text: out.join('\n'), warnings };
}

/** "line 4", "lines 4, 9 and 12", "lines 4, 9, 12 and 37 more". */
export function describeLines(lines: number[]): string {
  if (lines.length === 1) return `line ${lines[0]}`;
  const shown = lines.slice(0, 5);
  const more = lines.length - shown.length;
  if (more > 0) return `lines ${shown.join(', ')} and ${formatCount(more)} more`;
  return `lines ${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}

// What makes a line a log line rather than prose or random characters: a time, a level, a
// key=value or JSON record, a stack frame, a path, a program or shell prefix, a number with a
// unit or a port, a URL.
const LOG_SHAPES: RegExp[] = [
  /\b\d{4}[-/]\d\d[-/]\d\d\b|\b\d\d:\d\d:\d\d\b/,
  /\b(?:INFO|WARN(?:ING)?|ERROR|DEBUG|TRACE|FATAL|NOTICE|CRIT(?:ICAL)?|SEVERE|PANIC|EMERG)\b|^[IWEF]\d{4}\s|\blevel=/,
  /\b[\w.-]+=[^\s=]+.*\b[\w.-]+=\S/,
  /^\s*\{.*"(?:msg|message|level|lvl|severity|time|ts|timestamp|log|error|err|caller|logger)"\s*:/,
  /^\s+at\s+\S+[.(]|^\s*File "[^"]+", line \d+|^goroutine \d+|^Traceback|^\s*\S+\.(?:go|rs|py|rb|js|ts|java|php|cs):\d+/,
  /(?:^|[\s"'=(:])\/[\w.-]+\/[\w.-]+/,
  /^\s*[\w./-]+(?:\[\d+\])?:\s+\S|^\s*\[[^\]]+\]\s*\S|^\s*[+$#>]\s+\S/,
  /\b\d+(?:\.\d+)?\s?(?:ms|s|KiB|MiB|GiB|Ki|Mi|Gi|KB|MB|GB|%)\b|:\d{2,5}\b|\bport \d+/i,
  /\b[a-z][\w+.-]*:\/\/\S+/,
  /\b[A-Z][A-Za-z]+(?:Error|Exception)\b|\berrno\b|\bE[A-Z]{3,}\b/,
  /\b(?:[Ee]rrors?|[Ff]ailed|[Ff]ailure|[Ff]atal|[Ww]arning|[Dd]enied|[Rr]efused|[Uu]nable|[Cc]annot|[Ee]xception|[Pp]anic|[Uu]sage)\b|\bnot found\b/,
  /^\s*[A-Z][A-Z0-9_]*=|^\s*-{3,}\s*$|^\s*\*\s+\S/,
];

/** True for a line with the shape of a log line or of program output. */
export function hasLogShape(line: string): boolean {
  return LOG_SHAPES.some((re) => re.test(line));
}

/**
 * True when text read as a log plausibly is one: at least one line in five (and at least one
 * line) has the shape of log output. Prose and random characters have none.
 */
export function looksLikeLog(text: string): boolean {
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  if (lines.length === 0) return false;
  const shaped = lines.filter((l) => hasLogShape(l.slice(0, 2000))).length;
  return shaped >= Math.max(1, Math.ceil(lines.length / 5));
}

/** True when the whole text is one JSON value that is not a JSON log record. */
export function isForeignJson(text: string): boolean {
  const t = text.trim();
  if (!/^[[{"\d-]|^(?:true|false|null)$/.test(t)) return false;
  let value: unknown;
  try {
    value = JSON.parse(t);
  } catch {
    return false;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return true;
  return !/^\s*\{.*"(?:msg|message|level|lvl|severity|time|ts|timestamp|log|error|err)"\s*:/s.test(
    t,
  );
}
