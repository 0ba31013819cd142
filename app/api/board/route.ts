// GET /api/board?cluster&namespace&severity: unhealthy workloads, worst first.
import { NextResponse } from 'next/server';
import { boardForViewer, checkBoardAccess, getBoardView } from '@/lib/views';
import { viewerOf } from '../_lib/viewer';
import { errorResponse, parseOr400, searchParamsOf } from '../_lib/respond';
import { boardQuerySchema } from '../_lib/schemas';

export const dynamic = 'force-dynamic';

/** The board view. */
export async function GET(request: Request) {
  const parsed = parseOr400(boardQuerySchema, searchParamsOf(request));
  if ('response' in parsed) return parsed.response;
  try {
    const viewer = viewerOf(request.headers);
    await checkBoardAccess(viewer, parsed.data);
    return NextResponse.json(await boardForViewer(await getBoardView(parsed.data), viewer));
  } catch (error) {
    return errorResponse(error);
  }
}
