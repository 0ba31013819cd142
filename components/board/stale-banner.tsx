import { Lock, WifiOff } from 'lucide-react';
import { formatClock, formatRelative } from '@/components/format/time';
import type { Freshness, NoAccess } from '@/components/ui/freshness';

/** Full-width and loud: the data on screen may be old. */
export function StaleBanner({
  since,
  lastContactAt,
  now,
  what,
  kiosk = false,
}: {
  /** When the outage began (not the last message: the duration must not reset). */
  since: number;
  /** The last answer from the cluster, if known. */
  lastContactAt?: number;
  now: number;
  what: string;
  kiosk?: boolean;
}) {
  return (
    <div
      role="alert"
      data-testid="stale-banner"
      data-since={since}
      className={`flex w-full items-center gap-3 bg-red-700 font-bold text-white ${kiosk ? 'px-8 py-6 text-[40px] leading-tight' : 'px-4 py-3 text-lg'}`}
    >
      <WifiOff aria-hidden className={kiosk ? 'size-12 shrink-0' : 'size-6 shrink-0'} />
      <span suppressHydrationWarning>
        {what} lost {formatRelative(Math.min(since, now), now)} — data may be stale
        {lastContactAt !== undefined && (
          <span className="font-normal"> (last contact {formatClock(lastContactAt)})</span>
        )}
      </span>
    </div>
  );
}

/** Namespaces Podtrail may not read: their rows and pages show data from before, not live. */
export function NoAccessNotice({ marks, kiosk = false }: { marks: NoAccess[]; kiosk?: boolean }) {
  if (marks.length === 0) return null;
  return (
    <div
      role="status"
      data-testid="no-access"
      className={`flex w-full items-start gap-3 bg-amber-100 font-semibold text-amber-950 ${kiosk ? 'px-8 py-4 text-[32px]' : 'rounded border border-amber-600 px-4 py-2'}`}
    >
      <Lock aria-hidden className={kiosk ? 'size-10 shrink-0' : 'mt-1 size-5 shrink-0'} />
      <ul>
        {marks.map((m) => (
          <li key={`${m.cluster}/${m.namespace}`} suppressHydrationWarning>
            No access to namespace {m.namespace}
            {m.since !== undefined && ` since ${formatClock(m.since)}`} — what is shown for it is
            from before, not live
            {!kiosk && <span className="font-normal"> ({m.message})</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The mark on one row or page of a namespace Podtrail may not read. */
export function NoAccessTag({
  since,
  kiosk = false,
  card = false,
}: {
  since?: number;
  /** On the wall screen: large. */
  kiosk?: boolean;
  /** On its own line of a phone card: no left margin, readable size. */
  card?: boolean;
}) {
  const size = kiosk ? 'mr-3 align-middle text-[24px]' : card ? 'text-sm' : 'ml-2 text-xs';
  return (
    <span
      data-testid="no-access-tag"
      suppressHydrationWarning
      className={`inline-flex items-center gap-1 rounded bg-amber-200 px-1 font-semibold whitespace-nowrap text-amber-950 ${size}`}
    >
      <Lock aria-hidden className={kiosk ? 'size-6' : card ? 'size-4' : 'size-3'} />
      no access{since !== undefined ? ` since ${formatClock(since)}` : ''}
    </span>
  );
}

/** Row key `cluster/namespace` → since when it may not be read. */
export type NoAccessMap = Record<string, { since?: number }>;

/** The marks by `cluster/namespace`, for rows. */
export function noAccessMap(marks: NoAccess[]): NoAccessMap {
  return Object.fromEntries(marks.map((m) => [`${m.cluster}/${m.namespace}`, { since: m.since }]));
}

/** A page's notices about its data: the outage banner when it may be old, then `noAccess`. */
export function FreshnessNotices({
  fresh,
  noAccess,
  now,
  kiosk = false,
}: {
  fresh: Freshness;
  /** The namespaces of what the page shows that Podtrail may not read. */
  noAccess: NoAccess[];
  now: number;
  kiosk?: boolean;
}) {
  return (
    <>
      {fresh.outage && (
        <StaleBanner
          kiosk={kiosk}
          since={fresh.outage.since}
          lastContactAt={fresh.updatedAt}
          now={now}
          what={fresh.outage.what}
        />
      )}
      <NoAccessNotice kiosk={kiosk} marks={noAccess} />
    </>
  );
}
