// GET .../pods/[pod]/log?container&previous: one container log, capped.
import { NextResponse } from 'next/server';
import { checkNamespaceAccess, getPodLog } from '@/lib/views';
import { viewerOf } from '@/app/api/_lib/viewer';
import { errorResponse, parseOr400, searchParamsOf } from '@/app/api/_lib/respond';
import { logQuerySchema, podParamsSchema } from '@/app/api/_lib/schemas';

export const dynamic = 'force-dynamic';

/** The current or previous log of a container. */
export async function GET(
  request: Request,
  context: { params: Promise<{ cluster: string; namespace: string; pod: string }> },
) {
  const params = parseOr400(podParamsSchema, await context.params);
  if ('response' in params) return params.response;
  const query = parseOr400(logQuerySchema, searchParamsOf(request));
  if ('response' in query) return query.response;
  const { cluster, namespace, pod } = params.data;
  try {
    const viewer = viewerOf(request.headers);
    await checkNamespaceAccess(viewer, { cluster, namespace });
    return NextResponse.json(
      await getPodLog({ cluster, namespace, name: pod, ...query.data, viewer }),
    );
  } catch (error) {
    return errorResponse(error);
  }
}
