// Alertmanager alerts on a container's timeline: a tinted span from "fired" to "resolved" (or to
// now while it fires) behind the runs, and the same facts as a list in words.
import type { AlertMark } from '@/lib/views/types';
import { formatClock } from '@/components/format/time';
import { H, LANE } from './chart-layout';
import type { TimeScale } from './timeline-scale';

/** The alerts that belong on one container's timeline (those naming no container belong on all). */
export function alertsForContainer(alerts: AlertMark[] | undefined, container: string) {
  return (alerts ?? []).filter((a) => !a.container || a.container === container);
}

/** "alert KubePodCrashLooping fired 01:12:05 UTC, resolved 01:40:00 UTC" (or "still firing"). */
export function alertText(a: AlertMark): string {
  const end = a.endsAt !== undefined ? `resolved ${formatClock(a.endsAt)}` : 'still firing';
  return `alert ${a.alertname} fired ${formatClock(a.startsAt)}, ${end}`;
}

/** Every time an alert adds to the axis. */
export function alertTimes(alerts: AlertMark[]): number[] {
  return alerts.flatMap((a) => (a.endsAt !== undefined ? [a.startsAt, a.endsAt] : [a.startsAt]));
}

/** The SVG spans (drawn first, so runs and labels stay on top). */
/** An edge of an alert's span: red where it fired, dashed green where it was resolved. */
function SpanEdge({ x, resolved = false }: { x: number; resolved?: boolean }) {
  return (
    <line
      x1={x}
      x2={x}
      y1={LANE.marks - 12}
      y2={H - 14}
      stroke={resolved ? '#15803d' : '#be123c'}
      strokeWidth={2}
      strokeDasharray={resolved ? '4 3' : undefined}
    />
  );
}

export function AlertSpans({ alerts, s, now }: { alerts: AlertMark[]; s: TimeScale; now: number }) {
  return (
    <g data-testid="timeline-alerts">
      {alerts.map((a) => {
        const x1 = s.x(a.startsAt);
        const x2 = Math.max(x1 + 2, s.x(a.endsAt ?? now));
        return (
          <g key={`${a.fingerprint}-${a.startsAt}`} data-alert={a.alertname}>
            <title>{`${alertText(a)}${a.summary ? ` — ${a.summary}` : ''}`}</title>
            <rect
              x={x1}
              y={LANE.marks - 12}
              width={x2 - x1}
              height={H - LANE.marks - 2}
              fill="#e11d48"
              fillOpacity={0.1}
            />
            <SpanEdge x={x1} />
            {a.endsAt !== undefined && <SpanEdge x={x2} resolved />}
            <text x={x1 + 4} y={LANE.marks} fontSize={12} fontWeight={700} fill="#9f1239">
              alert {a.alertname}
            </text>
          </g>
        );
      })}
    </g>
  );
}

/** The alerts in words, under the chart (and on phones, where the chart is hidden). */
export function AlertList({ alerts }: { alerts: AlertMark[] }) {
  if (alerts.length === 0) return null;
  return (
    <ul className="flex flex-col gap-1 text-sm" aria-label="Alerts" data-testid="alert-list">
      {alerts.map((a) => (
        <li
          key={`${a.fingerprint}-${a.startsAt}`}
          className="rounded border-l-4 border-rose-700 bg-rose-50 px-2 py-1 text-rose-950"
        >
          <span className="font-semibold">{alertText(a)}</span>
          {a.severity ? ` · severity ${a.severity}` : ''}
          {a.summary ? ` — ${a.summary}` : ''}
        </li>
      ))}
    </ul>
  );
}
