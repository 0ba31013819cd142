// GET /go?cluster=&namespace=&pod=&container= (also deployment, statefulset, daemonset, job_name
// and their exported_ forms): the stable link Alertmanager templates build from alert labels.
// 307 to the pod page, or to the workload page when the pod is gone; else 404 with what history
// knows (HTML for people, JSON for `Accept: application/json`).
import { NextResponse } from 'next/server';
import { BadInputError, goForViewer, resolveGoLink } from '@/lib/views';
import { podPath, workloadPath } from '@/components/format/names';
import { errorResponse, searchParamsOf } from '../api/_lib/respond';
import { viewerOf } from '../api/_lib/viewer';
import { notFoundHtml } from './not-found-html';

export const dynamic = 'force-dynamic';

function wantsJson(request: Request): boolean {
  const accept = request.headers.get('accept') ?? '';
  return accept.includes('application/json') && !accept.includes('text/html');
}

/**
 * A relative redirect: behind a proxy or a Service, request.url names the host Next.js listens
 * on (localhost), not the one the person clicked; browsers resolve the path against the latter.
 */
function redirectTo(path: string): NextResponse {
  return new NextResponse(null, { status: 307, headers: { location: path } });
}

/** Redirects to the page the alert is about. */
export async function GET(request: Request): Promise<NextResponse> {
  const query = searchParamsOf(request);
  try {
    const to = await goForViewer(await resolveGoLink(query), viewerOf(request.headers));
    if (to.to === 'pod') {
      const container = to.container ? `?container=${encodeURIComponent(to.container)}` : '';
      return redirectTo(`${podPath(to.cluster, to.namespace, to.pod)}${container}`);
    }
    if (to.to === 'workload')
      return redirectTo(workloadPath(to.cluster, to.namespace, to.kind, to.name));
    if (wantsJson(request)) return NextResponse.json({ error: to.message, ...to }, { status: 404 });
    return new NextResponse(notFoundHtml(to), {
      status: 404,
      headers: { 'content-type': 'text/html; charset=utf-8' },
    });
  } catch (error) {
    if (error instanceof BadInputError && !wantsJson(request))
      return new NextResponse(notFoundHtml({ message: error.message, pods: [], alerts: [] }), {
        status: 400,
        headers: { 'content-type': 'text/html; charset=utf-8' },
      });
    return errorResponse(error);
  }
}
