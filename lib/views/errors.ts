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

/** The namespace or resource may not be read with Podtrail's credentials (route → 403). */
export class ForbiddenError extends Error {
  readonly status = 403;
  constructor(message: string) {
    super(message);
    this.name = 'ForbiddenError';
  }
}

/** The cluster cannot be read right now, so absence proves nothing (route → 503). */
export class UnavailableError extends Error {
  readonly status = 503;
  constructor(message: string) {
    super(message);
    this.name = 'UnavailableError';
  }
}

/** The cluster's API server did not answer in time (route → 504). */
export class UpstreamTimeoutError extends Error {
  readonly status = 504;
  constructor(message: string) {
    super(message);
    this.name = 'UpstreamTimeoutError';
  }
}
