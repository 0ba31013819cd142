import Link from 'next/link';
import { FileText } from 'lucide-react';
import { CopyLinkButton } from './copy-link-button';

/** The header buttons of a pod or workload page: its printable report (when it has one) and the link. */
export function PageActions({ reportHref }: { reportHref?: string }) {
  return (
    <div className="no-print flex gap-2">
      {reportHref && (
        <Link
          href={reportHref}
          className="inline-flex min-h-11 items-center gap-1.5 rounded-md border border-slate-300 bg-white px-3 text-sm font-medium hover:bg-slate-100"
        >
          <FileText aria-hidden className="size-4" /> Report
        </Link>
      )}
      <CopyLinkButton />
    </div>
  );
}
