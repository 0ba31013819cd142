// Who is looking, for per-user cluster access (PODTRAIL_IMPERSONATE=1): the signed-in user and
// groups, taken again from the request's own session cookie or trusted proxy headers (never from
// a header proxy.ts or a client could have set). Undefined when impersonation is off.
import { sessionOf } from '@/lib/auth';
import type { Viewer } from '@/lib/views';
import { authSettings } from './guard';

/** The viewer of a request (route handlers pass `request.headers`, pages `await headers()`). */
export function viewerOf(headers: Pick<Headers, 'get'>): Viewer {
  const settings = authSettings();
  if (!settings.impersonate) return undefined;
  const session = sessionOf(headers, settings, Date.now());
  // proxy.ts lets no one without a session this far; should it happen, RBAC gives them nothing.
  if (!session) return { user: 'system:anonymous', groups: ['system:unauthenticated'] };
  // A kiosk link names no person: its RBAC is the group podtrail:kiosk's.
  if (session.scope === 'kiosk') return { user: 'podtrail:kiosk', groups: ['podtrail:kiosk'] };
  return { user: session.user, groups: session.groups };
}
