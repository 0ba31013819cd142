// The pod and workload routes' one rule for "not found": a 404 from lib/views (or the cluster)
// answers Next.js' not-found page with a real HTTP 404; any other failure is the page's to explain.
import { notFound } from 'next/navigation';
import type { Loaded } from '@/components/ui/load-failure';

function isNotFound(error: unknown): boolean {
  return (
    typeof error === 'object' && error !== null && (error as { status?: unknown }).status === 404
  );
}

/** The view `load` gives; on a 404 the not-found page, on another failure its message. */
export async function loadOrNotFound<T>(load: () => Promise<T>): Promise<Loaded<T>> {
  try {
    return { ok: true, view: await load() };
  } catch (error) {
    if (isNotFound(error)) notFound();
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Answers a real HTTP 404 when `check` finds nothing. For layouts: the check runs outside the
 * page's loading boundary, before anything is streamed (a notFound() inside the streamed page
 * comes after the 200 status has been sent). Other failures are left to the page.
 */
export async function notFoundBeforeStreaming(check: () => Promise<unknown>): Promise<void> {
  try {
    await check();
  } catch (error) {
    if (isNotFound(error)) notFound();
  }
}
