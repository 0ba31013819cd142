// The shape of a log-line pattern: a regular expression for one class of failure message (not for
// one product's wording), the finding id and category it points to, and how strongly it names the
// cause (weight 0–100). The highest weight found in a log is its decisive line.

/** One class of failure line. */
export interface LogPattern {
  /** Finding id, e.g. `missing-env-var`. */
  id: string;
  category: string;
  /** How directly a match names the cause (90+: unambiguous; ~35: a generic error line). */
  weight: number;
  re: RegExp;
  /** Title in plain words; `subject` is the first capture group when present, `line` the match. */
  title: (subject: string | undefined, line: string) => string;
  explanation: string;
  doNext: string[];
  /** Returns false to reject a match (e.g. a "permission denied" that is really an exec failure). */
  accept?: (line: string, match: RegExpExecArray) => boolean;
  /** When set, one of the three lines before must match (e.g. `Last State: Terminated`). */
  after?: RegExp;
}

/** Builds a pattern (keeps the catalogue files terse). */
export function pattern(p: LogPattern): LogPattern {
  return p;
}

/** Quotes a subject for titles: `AWS_KEY` → "`AWS_KEY`". */
export function q(subject: string | undefined): string {
  return subject ? `\`${subject}\`` : '';
}

/**
 * A case-insensitive regex source for plain words, for patterns that must keep a case-sensitive
 * part (an UPPER_SNAKE variable name): ci('not set') → `[nN][oO][tT] [sS][eE][tT]`.
 */
export function ci(words: string): string {
  return words.replace(/[a-z]/gi, (c) => `[${c.toLowerCase()}${c.toUpperCase()}]`);
}

/** Longest message a title quotes whole; a longer one (a JSON blob, a stack on one line) ends at a word. */
const TITLE_MESSAGE_MAX = 200;

/**
 * A log message for a title: whole when it is a sentence's length (the cause title must never end
 * mid-word, e.g. "… already exists" cut to "alr…"); an overlong one ends at the last whole word
 * before TITLE_MESSAGE_MAX with "…". The full line is always in the finding's evidence.
 */
export function titleText(message: string): string {
  const text = message.trim().replace(/\s+/g, ' ');
  if (text.length <= TITLE_MESSAGE_MAX) return text;
  const cut = text.slice(0, TITLE_MESSAGE_MAX + 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > TITLE_MESSAGE_MAX / 2 ? cut.slice(0, space) : cut.slice(0, TITLE_MESSAGE_MAX)).replace(/[\s,;:]+$/, '')}…`;
}
