import { WifiOff } from 'lucide-react';
import { formatClock, formatRelative } from '@/components/format/time';

/** Full-width and loud: the data on screen may be old. */
export function StaleBanner({
  since,
  now,
  what,
  kiosk = false,
}: {
  /** The last moment the data was known good. */
  since?: number;
  now: number;
  what: string;
  kiosk?: boolean;
}) {
  return (
    <div
      role="alert"
      data-testid="stale-banner"
      className={`flex w-full items-center gap-3 bg-red-700 font-bold text-white ${kiosk ? 'px-8 py-6 text-[40px] leading-tight' : 'px-4 py-3 text-lg'}`}
    >
      <WifiOff aria-hidden className={kiosk ? 'size-12 shrink-0' : 'size-6 shrink-0'} />
      <span suppressHydrationWarning>
        {what} lost{since !== undefined ? ` ${formatRelative(Math.min(since, now), now)}` : ''} —
        data may be stale
        {since !== undefined && (
          <span className="font-normal"> (last update {formatClock(since)})</span>
        )}
      </span>
    </div>
  );
}
