// GET /api/clusters: every cluster and the health of its watches.
import { NextResponse } from 'next/server';
import { listClusterHealth } from '@/lib/views';
import { errorResponse } from '../_lib/respond';

export const dynamic = 'force-dynamic';

/** Clusters with their watch health. */
export async function GET() {
  try {
    return NextResponse.json({ clusters: await listClusterHealth() });
  } catch (error) {
    return errorResponse(error);
  }
}
