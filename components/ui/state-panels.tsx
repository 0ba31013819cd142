import Link from 'next/link';
import type { ReactNode } from 'react';

/** What is happening while a page loads: which data, from where, and that nothing shown is stale. */
export function LoadingPanel({ what, from }: { what: string; from: string }) {
  return (
    <div
      role="status"
      aria-live="polite"
      className="mx-auto flex max-w-6xl flex-col gap-3 px-3 py-8 sm:px-6"
    >
      <p className="flex items-center gap-3 text-lg font-semibold">
        <span
          aria-hidden
          className="inline-block size-4 animate-spin rounded-full border-2 border-slate-400 border-t-slate-900"
        />
        Loading {what}…
      </p>
      <p className="text-slate-700">
        Reading {from}. Nothing on this screen is old data: it appears once it has arrived.
      </p>
      <div aria-hidden className="mt-2 space-y-3">
        <div className="h-28 animate-pulse rounded-lg bg-slate-200" />
        <div className="h-40 animate-pulse rounded-lg bg-slate-100" />
      </div>
    </div>
  );
}

/** A failure: what failed, the server's message, and what is (not) known. */
export function ErrorPanel({
  title,
  message,
  digest,
  children,
}: {
  title: string;
  message: string;
  digest?: string;
  children?: ReactNode;
}) {
  return (
    <div role="alert" className="mx-auto flex max-w-3xl flex-col gap-3 px-3 py-8 sm:px-6">
      <h1 className="text-2xl font-bold text-red-800">{title}</h1>
      <p className="rounded border border-red-300 bg-red-50 p-3 font-mono text-sm break-words">
        {message}
      </p>
      {digest && (
        <p className="text-xs text-slate-600">
          Server error digest {digest} (search the server log for it).
        </p>
      )}
      <p className="text-slate-700">
        No data is shown rather than old data. Other open Podtrail tabs keep following the cluster
        and say when they are stale.
      </p>
      <div className="flex flex-wrap gap-2">
        {children}
        <Link
          href="/"
          className="inline-flex min-h-11 items-center rounded-md border border-slate-300 px-3 text-sm font-medium"
        >
          Back to the board
        </Link>
      </div>
    </div>
  );
}
