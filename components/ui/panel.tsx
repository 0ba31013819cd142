import type { ReactNode } from 'react';

/** A bordered section of a page with its own heading (what the section is named by). */
export function Panel({
  headingId,
  heading,
  testId,
  className = '',
  children,
}: {
  headingId: string;
  heading: ReactNode;
  testId: string;
  /** Added to the section's classes (e.g. a text size for the whole panel). */
  className?: string;
  children: ReactNode;
}) {
  return (
    <section
      aria-labelledby={headingId}
      className={`flex flex-col gap-2 rounded-lg border border-slate-300 p-3 ${className}`}
      data-testid={testId}
    >
      <h3 id={headingId} className="text-base font-semibold">
        {heading}
      </h3>
      {children}
    </section>
  );
}
