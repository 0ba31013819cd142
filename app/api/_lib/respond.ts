// Shared by the route handlers: JSON answers with real statuses and actionable messages.
import { NextResponse } from 'next/server';
import type { z } from 'zod';
import { K8sError } from '@/lib/k8s';
import { BadInputError, ForbiddenError, NotFoundError, UnavailableError } from '@/lib/views';

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
  if (error instanceof BadInputError) return jsonError(400, error.message, { line: error.line });
  if (error instanceof K8sError) {
    const where = [
      error.cluster && `cluster ${error.cluster}`,
      error.namespace && `namespace ${error.namespace}`,
    ]
      .filter(Boolean)
      .join(', ');
    const message = `The Kubernetes API answered ${error.status} ${error.reason}${where ? ` (${where})` : ''}: ${error.message}`;
    if (error.status === 403 || error.status === 404) return jsonError(error.status, message);
    return jsonError(502, message);
  }
  console.error('podtrail: request failed', error);
  return jsonError(500, error instanceof Error ? error.message : 'internal error');
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
