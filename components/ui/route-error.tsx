'use client';

import { ErrorPanel } from './state-panels';

/** The body of every error.tsx: the message and a retry. */
export function RouteError({
  what,
  error,
  reset,
}: {
  what: string;
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <ErrorPanel
      title={`Could not load ${what}`}
      message={error.message || 'Unknown error'}
      digest={error.digest}
    >
      <button
        type="button"
        onClick={reset}
        className="inline-flex min-h-11 items-center rounded-md bg-slate-900 px-4 text-sm font-semibold text-white"
      >
        Try again
      </button>
    </ErrorPanel>
  );
}
