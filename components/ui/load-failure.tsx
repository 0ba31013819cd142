import type { ReactElement } from 'react';
import { AppShell } from './app-shell';
import { ErrorPanel } from './state-panels';

/**
 * A view, or why it could not be loaded. Pages show the message themselves: Next.js hides thrown
 * messages in production, and "cluster unreachable" is exactly what the reader needs to see.
 */
export type Loaded<T> = { ok: true; view: T } | { ok: false; message: string };

/** The page body when a view could not be loaded (cluster down, forbidden, timeout). */
export function LoadFailure({
  what,
  cluster,
  message,
}: {
  what: string;
  cluster: string;
  message: string;
}) {
  return (
    <AppShell>
      <ErrorPanel title={`Could not load ${what} from cluster ${cluster}`} message={message} />
    </AppShell>
  );
}

/** The loaded view, or the page that says why `what` could not be loaded from `cluster`. */
export function viewOrFailure<T>(
  loaded: Loaded<T>,
  what: string,
  cluster: string,
): { view: T } | { failure: ReactElement } {
  if (loaded.ok) return { view: loaded.view };
  return { failure: <LoadFailure what={what} cluster={cluster} message={loaded.message} /> };
}
