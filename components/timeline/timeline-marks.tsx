// The secondary marks of the timeline SVG: restarts nobody saw, events, image changes.
import type { ContainerTimeline, TimelineEvent } from '@/lib/diagnosis';
import { formatClock } from '@/components/format/time';
import { LANE } from './chart-layout';
import { imageChanges, unobservedText, type ChartLabels } from './chart-labels';
import { spacedLabels, type TimeScale } from './timeline-scale';

/** Hatched blocks: restarts counted by restartCount but never seen. */
export function Unobserved({
  c,
  s,
  id,
  labels,
}: {
  c: ContainerTimeline;
  s: TimeScale;
  id: string;
  labels: ChartLabels;
}) {
  return (
    <g>
      {c.unobserved.map((u, i) => {
        const from = u.from ?? s.from;
        const to = u.to ?? from;
        const x = s.x(from);
        const w = Math.max(24, s.x(to) - x);
        const text = `${u.count} restart${u.count === 1 ? '' : 's'} not observed`;
        return (
          <g key={i}>
            <title>{`${text}: ${u.reason}`}</title>
            <rect
              x={x}
              y={LANE.runs}
              width={w}
              height={LANE.runsH}
              fill={`url(#${id})`}
              stroke="#475569"
            />
            {labels.exit.has(`unobserved:${i}`) && (
              <text x={x + 2} y={LANE.exit} fontSize={11} fill="#334155" fontStyle="italic">
                {unobservedText(u.count)}
              </text>
            )}
          </g>
        );
      })}
    </g>
  );
}

/** Events as triangles with reason×count. */
export function Events({ events, s }: { events: TimelineEvent[]; s: TimeScale }) {
  const sorted = events
    .filter((e) => !e.timeUnknown && e.lastAt > 0)
    .sort((a, b) => a.lastAt - b.lastAt);
  const labelled = spacedLabels(
    sorted.map((e) => s.x(e.lastAt)),
    90,
  );
  return (
    <g>
      {sorted.map((e, i) => {
        const x = s.x(e.lastAt);
        const warn = e.type === 'Warning';
        const label = `${e.reason}${e.count > 1 ? `×${e.count}` : ''}`;
        return (
          <g key={`${e.reason}-${e.firstAt}-${i}`}>
            <title>{`${e.type} ${e.reason} ×${e.count} (count), lastTimestamp ${formatClock(e.lastAt)}: ${e.message}`}</title>
            <path
              d={`M${x - 6},${LANE.events + 6} L${x},${LANE.events - 6} L${x + 6},${LANE.events + 6} Z`}
              fill={warn ? '#b45309' : '#64748b'}
            />
            {labelled.has(i) && (
              <text
                x={x}
                y={LANE.eventsLabel}
                textAnchor="middle"
                fontSize={11}
                fill={warn ? '#78350f' : '#334155'}
              >
                {label}
              </text>
            )}
          </g>
        );
      })}
    </g>
  );
}

/** A mark where the running image (imageID) changed from the run before: a new digest. */
export function ImageChanges({
  c,
  s,
  now,
  labels,
}: {
  c: ContainerTimeline;
  s: TimeScale;
  now: number;
  labels: ChartLabels;
}) {
  const marks = imageChanges(c, now).map((m) => ({ ...m, x: s.x(m.at) }));
  return (
    <g>
      {marks.map(({ run, prev, x }) => (
        <g key={run.id}>
          <title>{`imageID changed: ${prev.imageID} → ${run.imageID}`}</title>
          <path d={`M${x},${LANE.marks - 8} l5,5 l-5,5 l-5,-5 Z`} fill="#0e7490" />
          {labels.marks.has(`image:${run.id}`) && (
            <text x={x + 7} y={LANE.marks} fontSize={11} fill="#0e7490" fontWeight={700}>
              image changed
            </text>
          )}
        </g>
      ))}
    </g>
  );
}
