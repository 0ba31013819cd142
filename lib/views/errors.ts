// Errors the views throw that route handlers map to HTTP statuses.

/** The thing asked for does not exist (route → 404). */
export class NotFoundError extends Error {
  readonly status = 404;
  constructor(message: string) {
    super(message);
    this.name = 'NotFoundError';
  }
}

/** The request cannot be served as asked (route → 400), e.g. an upload the parser rejects. */
export class BadInputError extends Error {
  readonly status = 400;
  constructor(
    message: string,
    readonly line?: number,
  ) {
    super(message);
    this.name = 'BadInputError';
  }
}
