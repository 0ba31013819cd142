// The one error type the parsers throw: the input is clearly of a known kind (a Pod JSON, a
// describe, an events table) but broken, so guessing would hide the problem.

/** Input of a recognised kind that cannot be read; `line` is 1-based within `file` (or the text). */
export class ParseError extends Error {
  readonly line: number;
  readonly kind: string;
  readonly reason: string;
  readonly file?: string;

  constructor(reason: string, options: { line: number; kind: string; file?: string }) {
    super(`${options.file ? `${options.file}:` : 'line '}${options.line}: ${reason}`);
    this.name = 'ParseError';
    this.reason = reason;
    this.line = options.line;
    this.kind = options.kind;
    this.file = options.file;
  }

  /** The same error placed in a file, its line moved by `offset` (the paste began further down). */
  within(file: string, offset: number): ParseError {
    return new ParseError(this.reason, { line: this.line + offset, kind: this.kind, file });
  }
}
