// GET /api/board?cluster&namespace&severity: unhealthy workloads, worst first.
import { NextResponse } from 'next/server';
import { getBoardView } from '@/lib/views';
import { errorResponse, parseOr400, searchParamsOf } from '../_lib/respond';
import { boardQuerySchema } from '../_lib/schemas';

export const dynamic = 'force-dynamic';

/** The board view. */
export async function GET(request: Request) {
  const parsed = parseOr400(boardQuerySchema, searchParamsOf(request));
  if ('response' in parsed) return parsed.response;
  try {
    return NextResponse.json(await getBoardView(parsed.data));
  } catch (error) {
    return errorResponse(error);
  }
}
