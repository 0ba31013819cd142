import Link from 'next/link';
import type { ReactNode } from 'react';

/** Navigation chrome for desk pages (the kiosk and the reports have none). */
export function AppShell({ children }: { children: ReactNode }) {
  return (
    <>
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-white focus:p-2"
      >
        Skip to content
      </a>
      <header className="no-print border-b border-slate-300 bg-slate-900 text-white">
        <nav
          aria-label="Main"
          className="mx-auto flex max-w-6xl items-center gap-4 px-3 py-2 sm:px-6"
        >
          <Link href="/" className="text-lg font-bold tracking-tight">
            Podtrail
          </Link>
          <Link
            href="/"
            className="inline-flex min-h-11 items-center text-sm underline-offset-2 hover:underline"
          >
            Board
          </Link>
          <Link
            href="/import"
            className="inline-flex min-h-11 items-center text-sm underline-offset-2 hover:underline"
          >
            Import
          </Link>
          <Link
            href="/?kiosk=1"
            className="ml-auto inline-flex min-h-11 items-center text-sm underline-offset-2 hover:underline"
          >
            Wall screen
          </Link>
        </nav>
      </header>
      <main id="main" tabIndex={-1} className="outline-none">
        {children}
      </main>
    </>
  );
}
