import { formatClock, formatDateTime, formatIso, formatRelative } from '@/components/format/time';

/**
 * An absolute UTC time; the relative form, when asked for, sits beside it (never alone).
 * `now` is the time the data was generated, so server and browser render the same text.
 */
export function Timestamp({
  at,
  now,
  withDate = true,
  className = '',
}: {
  at: number;
  now?: number;
  withDate?: boolean;
  className?: string;
}) {
  return (
    <span className={className}>
      <time dateTime={formatIso(at)} title={formatDateTime(at)}>
        {withDate ? formatDateTime(at) : formatClock(at)}
      </time>
      {now !== undefined && <span className="text-slate-500"> ({formatRelative(at, now)})</span>}
    </span>
  );
}
