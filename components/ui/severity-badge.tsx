import { CircleX, Info, TriangleAlert } from 'lucide-react';
import type { Severity } from '@/lib/diagnosis';
import { SEVERITY_CLASS } from '@/components/format/exit-style';

const ICON = { critical: CircleX, warning: TriangleAlert, info: Info } as const;

/** Severity as icon + word (never colour alone). */
export function SeverityBadge({
  severity,
  compact = false,
}: {
  severity: Severity;
  compact?: boolean;
}) {
  const Icon = ICON[severity];
  return (
    <span
      className={`inline-flex shrink-0 items-center gap-1 rounded px-1.5 py-0.5 text-xs font-semibold uppercase tracking-wide ${SEVERITY_CLASS[severity]}`}
    >
      <Icon aria-hidden className="size-3.5" />
      <span className={compact ? 'sr-only' : ''}>{severity}</span>
    </span>
  );
}

/** Just the icon, labelled for screen readers. */
export function SeverityIcon({
  severity,
  className = 'size-5',
}: {
  severity: Severity;
  className?: string;
}) {
  const Icon = ICON[severity];
  const colour =
    severity === 'critical'
      ? 'text-red-700'
      : severity === 'warning'
        ? 'text-amber-600'
        : 'text-sky-700';
  return <Icon role="img" aria-label={severity} className={`${className} ${colour} shrink-0`} />;
}
