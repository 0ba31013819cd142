import { memo } from 'react';
import type { BoardRow } from '@/lib/views/types';

/**
 * The wall screen's lower half: crashes per workload over the last hour, in five-minute bars, so
 * the room sees at a glance what is getting worse, what is steady and what has stopped.
 */
export const KioskRestarts = memo(function KioskRestarts({ rows }: { rows: BoardRow[] }) {
  const shown = rows
    .filter((r) => r.restartsLastHour?.some((n) => n > 0))
    .sort(
      (a, b) =>
        (b.restartsLastHour ?? []).reduce((s, n) => s + n, 0) -
        (a.restartsLastHour ?? []).reduce((s, n) => s + n, 0),
    )
    .slice(0, 6);
  const max = Math.max(1, ...shown.flatMap((r) => r.restartsLastHour ?? []));
  return (
    <section
      aria-labelledby="kiosk-restarts-heading"
      className="border-t-2 border-slate-600 px-3 py-4 sm:px-8"
      data-testid="kiosk-restarts"
    >
      <h2
        id="kiosk-restarts-heading"
        className="text-[20px] font-bold text-slate-100 sm:text-[28px]"
      >
        Crashes in the last hour, per workload{' '}
        <span className="text-[16px] font-normal text-slate-300 sm:text-[22px]">
          (5-minute bars, oldest left)
        </span>
      </h2>
      {shown.length === 0 ? (
        <p className="mt-2 text-[26px] text-green-400">No crash in the last hour.</p>
      ) : (
        <ul className="mt-3 grid grid-cols-1 gap-x-12 gap-y-3 lg:grid-cols-2">
          {shown.map((row) => {
            const buckets = row.restartsLastHour ?? [];
            const total = buckets.reduce((s, n) => s + n, 0);
            return (
              <li
                key={row.key}
                className="grid grid-cols-[minmax(0,1fr)_7rem_3.5rem] items-end gap-3 text-[18px] sm:grid-cols-[minmax(0,1fr)_14rem_4.5rem] sm:gap-4 sm:text-[26px]"
                data-restarts-hour={total}
              >
                <span className="truncate text-slate-100">
                  {row.namespace} / {row.name}
                </span>
                <span
                  className="flex h-12 items-end gap-1"
                  role="img"
                  aria-label={`${total} crashes in the last hour: ${buckets.join(', ')} per 5 minutes`}
                >
                  {buckets.map((n, i) => (
                    <span
                      key={i}
                      className={`w-full rounded-sm ${n > 0 ? 'bg-amber-400' : 'bg-slate-700'}`}
                      style={{ height: `${Math.max(8, (n / max) * 100)}%` }}
                    />
                  ))}
                </span>
                <span className="text-right font-mono text-white tabular-nums">{total}↻</span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
});
