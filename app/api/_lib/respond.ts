// Shared by the route handlers: JSON answers with real statuses and actionable messages.
import { NextResponse } from 'next/server';
import type { z } from 'zod';
import { K8sError } from '@/lib/k8s';
import {
  BadInputError,
  ForbiddenError,
  NotFoundError,
  UnavailableError,
  UpstreamTimeoutError,
} from '@/lib/views';

/** A JSON error answer. */
export function jsonError(
  status: number,
  error: string,
  extra: Record<string, unknown> = {},
  headers?: Record<string, string>,
) {
  return NextResponse.json({ error, ...extra }, { status, headers });
}

/** Maps a thrown error to the HTTP answer a person can act on. */
export function errorResponse(error: unknown): NextResponse {
  if (error instanceof NotFoundError) return jsonError(404, error.message);
  if (error instanceof ForbiddenError) return jsonError(403, error.message);
  if (error instanceof UnavailableError) return jsonError(503, error.message);
  if (error instanceof UpstreamTimeoutError) return jsonError(504, error.message);
  if (error instanceof BadInputError) return jsonError(400, error.message, { line: error.line });
  // Not instanceof: a production build may hold two copies of lib/k8s.
  if (K8sError.is(error)) return upstreamError(error);
  console.error('podtrail: request failed', error);
  return jsonError(500, 'Podtrail failed to answer this request; the server log has the details.');
}

/**
 * A failure of the cluster's API server, as the status a person (or a proxy) can act on: 503 when
 * it cannot be reached, 504 when it did not answer in time, 502 for any other failure of it;
 * 403/404 as they are. The message names the cluster, never the server's address.
 */
function upstreamError(error: K8sError): NextResponse {
  const where = [
    error.cluster && `cluster "${error.cluster}"`,
    error.namespace && `namespace ${error.namespace}`,
  ]
    .filter(Boolean)
    .join(', ');
  const of = where ? ` (${where})` : '';
  if (error.status === 403 || error.status === 404) {
    return jsonError(
      error.status,
      `The Kubernetes API answered ${error.status}${of}: ${error.message}`,
    );
  }
  if (error.status === 0 && error.reason === 'Timeout') {
    return jsonError(
      504,
      `The Kubernetes API server${of} did not answer in time: ${error.message}. It may be overloaded or hung; try again in a moment.`,
    );
  }
  if (error.status === 0) {
    return jsonError(
      503,
      `The Kubernetes API server${of} cannot be reached: ${error.message}. Check that it is running and reachable from Podtrail; Podtrail keeps retrying.`,
    );
  }
  return jsonError(
    502,
    `The Kubernetes API server${of} failed: ${error.status} ${error.reason}: ${error.message}`,
  );
}

/** Parses input with a zod schema; returns the data or a 400 answer naming the bad field. */
export function parseOr400<T>(
  schema: z.ZodType<T>,
  input: unknown,
): { data: T } | { response: NextResponse } {
  const parsed = schema.safeParse(input);
  if (parsed.success) return { data: parsed.data };
  const issue = parsed.error.issues[0];
  const field = issue?.path.join('.') || 'input';
  return { response: jsonError(400, `Invalid ${field}: ${issue?.message ?? 'bad value'}`) };
}

/** The query string of a request as a plain object. */
export function searchParamsOf(request: Request): Record<string, string> {
  return Object.fromEntries(new URL(request.url).searchParams.entries());
}
