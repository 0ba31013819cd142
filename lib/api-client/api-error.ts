// The browser's error for a failed call to Podtrail's own API, and the retry rule.

/** A non-2xx answer from /api/*, with the server's actionable message. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly line?: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** The named retry rule: never retry 400/401/403/404 (retrying cannot help); else up to 3 times. */
export function retryUnlessClientError(failureCount: number, error: Error): boolean {
  if (error instanceof ApiError && [400, 401, 403, 404].includes(error.status)) return false;
  return failureCount < 3;
}
