'use client';

import { Check, ClipboardCopy, Download, Printer } from 'lucide-react';
import { useState } from 'react';

const button =
  'inline-flex min-h-11 items-center gap-1.5 rounded-md border border-slate-300 bg-white px-3 text-sm font-medium hover:bg-slate-100 disabled:opacity-60';

/** Download PNG (modern-screenshot renders the report node), Copy Markdown, Print. */
export function ReportActions({
  targetId,
  fileName,
  markdown,
}: {
  targetId: string;
  fileName: string;
  markdown: string;
}) {
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  async function downloadPng() {
    const node = document.getElementById(targetId);
    if (!node) return;
    setBusy(true);
    setStatus('Rendering PNG…');
    try {
      const { domToPng } = await import('modern-screenshot');
      const dataUrl = await domToPng(node, { scale: 1, backgroundColor: '#ffffff' });
      const a = document.createElement('a');
      a.href = dataUrl;
      a.download = `${fileName}.png`;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setStatus('PNG downloaded');
    } catch (err) {
      setStatus(`PNG failed: ${err instanceof Error ? err.message : String(err)}`);
    } finally {
      setBusy(false);
    }
  }
  async function copyMarkdown() {
    try {
      await navigator.clipboard.writeText(markdown);
      setStatus('Markdown copied');
    } catch {
      setStatus('Clipboard unavailable — use “Download Markdown”');
    }
  }
  function downloadMarkdown() {
    const url = URL.createObjectURL(new Blob([markdown], { type: 'text/markdown' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `${fileName}.md`;
    a.click();
    URL.revokeObjectURL(url);
  }
  return (
    <div className="no-print flex flex-wrap items-center gap-2">
      <button type="button" className={button} onClick={downloadPng} disabled={busy}>
        <Download aria-hidden className="size-4" /> Download PNG
      </button>
      <button type="button" className={button} onClick={copyMarkdown}>
        {status === 'Markdown copied' ? (
          <Check aria-hidden className="size-4" />
        ) : (
          <ClipboardCopy aria-hidden className="size-4" />
        )}
        Copy Markdown
      </button>
      <button type="button" className={button} onClick={downloadMarkdown}>
        <Download aria-hidden className="size-4" /> Download Markdown
      </button>
      <button type="button" className={button} onClick={() => window.print()}>
        <Printer aria-hidden className="size-4" /> Print
      </button>
      <span
        role="status"
        aria-live="polite"
        className="text-sm text-slate-700"
        data-testid="report-status"
      >
        {status}
      </span>
    </div>
  );
}
