// GET /api/clusters/[cluster]/namespaces/[namespace]/pods/[pod]: timeline, findings, logs.
import { NextResponse } from 'next/server';
import { checkNamespaceAccess, getPodView } from '@/lib/views';
import { viewerOf } from '@/app/api/_lib/viewer';
import { errorResponse, parseOr400 } from '@/app/api/_lib/respond';
import { podParamsSchema } from '@/app/api/_lib/schemas';

export const dynamic = 'force-dynamic';

/** One pod's view (from history when the pod is gone). */
export async function GET(
  request: Request,
  context: { params: Promise<{ cluster: string; namespace: string; pod: string }> },
) {
  const parsed = parseOr400(podParamsSchema, await context.params);
  if ('response' in parsed) return parsed.response;
  const { cluster, namespace, pod } = parsed.data;
  try {
    await checkNamespaceAccess(viewerOf(request.headers), { cluster, namespace });
    return NextResponse.json(await getPodView({ cluster, namespace, name: pod }));
  } catch (error) {
    return errorResponse(error);
  }
}
