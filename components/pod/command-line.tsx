import type { KubectlCommand } from '@/lib/diagnosis';
import { CopyButton } from '@/components/ui/copy-button';
import { Breakable } from '@/components/ui/breakable';

/** A kubectl command as text with a thumb-sized copy button; wraps at its joints on phones, never scrolls. */
export function CommandLine({ command }: { command: KubectlCommand }) {
  return (
    <div className="flex items-start gap-2">
      <div className="min-w-0 flex-1">
        <div className="text-xs text-slate-600">{command.label}</div>
        <code className="block font-mono text-sm break-words whitespace-pre-wrap text-slate-900">
          <span aria-hidden className="text-slate-500 select-none">
            ${' '}
          </span>
          <Breakable text={command.command} />
        </code>
      </div>
      <CopyButton text={command.command} label="Copy" />
    </div>
  );
}
