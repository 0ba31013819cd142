/** Small helpers for answering HTTP requests the way the API server does. */
import type { ServerResponse } from 'node:http';
import { ApiError } from './status';

/** Writes a JSON body with the given status code. */
export function sendJson(
  res: ServerResponse,
  code: number,
  body: unknown,
  extra: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(code, {
    'Content-Type': 'application/json',
    'Cache-Control': 'no-cache, private',
    'Content-Length': Buffer.byteLength(text),
    ...extra,
  });
  res.end(text);
}

/** Writes an ApiError as a Status object; anything else becomes a 500 InternalError. */
export function sendError(res: ServerResponse, err: unknown): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  const apiErr =
    err instanceof ApiError
      ? err
      : new ApiError(500, 'InternalError', `Internal error occurred: ${(err as Error).message}`);
  const retryAfter = apiErr.details?.retryAfterSeconds;
  sendJson(
    res,
    apiErr.code,
    apiErr.toStatus(),
    retryAfter === undefined ? {} : { 'Retry-After': String(retryAfter) },
  );
}

/** True when the Accept header asks for a server-side Table (kubectl get). */
export function wantsTable(accept: string | undefined): boolean {
  return !!accept && /as=Table/.test(accept) && /g=meta\.k8s\.io/.test(accept);
}

/** Parses a non-negative integer query parameter or throws 400. */
export function intParam(q: URLSearchParams, name: string): number | undefined {
  const v = q.get(name);
  if (v === null || v === '') return undefined;
  if (!/^-?\d+$/.test(v)) throw new ApiError(400, 'BadRequest', `invalid ${name}: "${v}"`);
  return Number(v);
}

/** Parses a boolean query parameter ("true", "1"). */
export function boolParam(q: URLSearchParams, name: string): boolean {
  const v = q.get(name);
  return v === 'true' || v === '1';
}
