// GET /api/clusters/[cluster]/namespaces/[namespace]/workloads/[kind]/[name]: rollout history.
import { NextResponse } from 'next/server';
import { checkNamespaceAccess, getWorkloadView } from '@/lib/views';
import { viewerOf } from '@/app/api/_lib/viewer';
import { errorResponse, parseOr400 } from '@/app/api/_lib/respond';
import { workloadParamsSchema } from '@/app/api/_lib/schemas';

export const dynamic = 'force-dynamic';

/** One workload's view. */
export async function GET(
  request: Request,
  context: { params: Promise<{ cluster: string; namespace: string; kind: string; name: string }> },
) {
  const parsed = parseOr400(workloadParamsSchema, await context.params);
  if ('response' in parsed) return parsed.response;
  try {
    await checkNamespaceAccess(viewerOf(request.headers), parsed.data);
    return NextResponse.json(await getWorkloadView(parsed.data));
  } catch (error) {
    return errorResponse(error);
  }
}
