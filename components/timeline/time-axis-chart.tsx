// The desktop timeline of one container: a horizontal time axis in plain SVG (no charting kit:
// five lanes of rects, lines and text are simpler to read and to export than a kit's abstractions).
import type { ContainerTimeline, TimelineEvent } from '@/lib/diagnosis';
import { EXIT_FILL, EXIT_WORD, exitKind, runLabel } from '@/components/format/exit-style';
import { runAnchor } from '@/components/format/names';
import { formatClock, formatDuration, formatHourMinute } from '@/components/format/time';
import { buildScale, timelineTimes, type TimeScale } from './timeline-scale';
import type { Placement } from './label-layout';
import { H, LANE, RESET_WORDS, W, X0, X1, gapText } from './chart-layout';
import {
  layoutChartLabels,
  nextTryText,
  resetAt,
  runsByEnd,
  type ChartLabels,
} from './chart-labels';
import { Events, ImageChanges, Unobserved } from './timeline-marks';
import type { AlertMark } from '@/lib/views/types';
import { AlertSpans, alertTimes } from './alert-marks';

/** HH:MM, or HH:MM:SS when ticks are less than a minute apart (else labels repeat). */
function tickLabel(t: number, s: TimeScale): string {
  const step = (s.ticks[1] ?? t + 60_000) - (s.ticks[0] ?? t);
  return step < 60_000 ? formatClock(t).replace(' UTC', '') : formatHourMinute(t);
}

function Axis({ s }: { s: TimeScale }) {
  return (
    <g aria-hidden>
      {s.ticks.map((t) => (
        <g key={t}>
          <line x1={s.x(t)} x2={s.x(t)} y1={LANE.axis + 4} y2={H - 4} stroke="#e2e8f0" />
          <text x={s.x(t)} y={LANE.axis} textAnchor="middle" fontSize={12} fill="#475569">
            {tickLabel(t, s)}
          </text>
        </g>
      ))}
    </g>
  );
}

function LaneLabels() {
  const rows: Array<[string, number]> = [
    ['time (UTC)', LANE.axis],
    ['runs', LANE.runs + LANE.runsH / 2 + 4],
    ['exit code', LANE.exit],
    ['back-off', LANE.backoff],
    ['events', LANE.events + 4],
  ];
  return (
    <g aria-hidden>
      {rows.map(([label, y]) => (
        <text key={label} x={8} y={y} fontSize={12} fill="#334155" fontWeight={600}>
          {label}
        </text>
      ))}
    </g>
  );
}

function ResetMark({
  c,
  s,
  gap,
  place,
}: {
  c: ContainerTimeline;
  s: TimeScale;
  gap: ContainerTimeline['gaps'][number];
  place?: Placement;
}) {
  const x = s.x(resetAt(c, gap));
  return (
    <g data-testid="chart-reset">
      <line
        x1={x}
        x2={x}
        y1={LANE.marks + 4}
        y2={LANE.backoff + 6}
        stroke="#be123c"
        strokeWidth={2}
        strokeDasharray="4 3"
      />
      {place && gap.reset && (
        <text
          x={place.x}
          y={LANE.marks}
          textAnchor={place.anchor}
          fontSize={12}
          fontWeight={700}
          fill="#be123c"
        >
          ↺ {RESET_WORDS[gap.reset]}
        </text>
      )}
    </g>
  );
}

interface LaneProps {
  c: ContainerTimeline;
  s: TimeScale;
  now: number;
  labels: ChartLabels;
}

function Runs({ c, s, now, labels, ownUid }: LaneProps & { ownUid?: string }) {
  const runs = runsByEnd(c, now);
  return (
    <g>
      {runs.map((run) => {
        const shown = labels.exit.has(`run:${run.id}`);
        const end = run.finishedAt ?? now;
        const start = run.startedAt ?? end - 1000;
        const x = s.x(start);
        const w = Math.max(3, s.x(end) - x);
        const kind = exitKind(run);
        // Runs of a pod this one replaced: drawn fainter, named in the tooltip.
        const other = run.podName !== undefined && run.podUid !== ownUid;
        const tip = `${other ? `replaced pod ${run.podName} ` : ''}${run.id}: ${EXIT_WORD[kind]}${run.exitCode !== undefined ? `, exitCode ${run.exitCode}` : ''}${run.reason ? ` (reason ${run.reason})` : ''}${run.exitMeaning ? ` — ${run.exitMeaning}` : ''}, finishedAt ${run.finishedAt ? formatClock(run.finishedAt) : 'still running'}`;
        return (
          <a
            key={run.id}
            href={`#${runAnchor(run.id)}`}
            aria-label={shown ? `${runLabel(run)} — ${tip}` : tip}
          >
            <title>{tip}</title>
            <rect
              x={x}
              y={LANE.runs}
              width={w}
              height={LANE.runsH}
              rx={2}
              fill={EXIT_FILL[kind]}
              opacity={other ? 0.5 : 1}
            />
            {shown && (
              <text
                x={x + w / 2}
                y={LANE.exit}
                textAnchor="middle"
                fontSize={12}
                fontWeight={kind === 'oom' ? 700 : 400}
                fill={kind === 'oom' ? '#991b1b' : '#0f172a'}
              >
                {runLabel(run)}
              </text>
            )}
          </a>
        );
      })}
    </g>
  );
}

function Gaps({ c, s, now, labels }: LaneProps) {
  const gaps = [...c.gaps].sort((a, b) => a.from - b.from);
  return (
    <g>
      {gaps.map((gap) => {
        const x1 = s.x(gap.from);
        const x2 = s.x(gap.to ?? now);
        const mid = (x1 + x2) / 2;
        const text = gapText(gap);
        const key = `${gap.afterRunId}-${gap.from}`;
        return (
          <g key={key}>
            <title>{`back-off after ${gap.afterRunId}: observed ${gap.observedMs !== undefined ? formatDuration(gap.observedMs) : 'not yet'}, kubelet schedule ${formatDuration(gap.expectedMs)}${gap.reset ? ` — ${RESET_WORDS[gap.reset]}` : ''}${gap.resetEvidence ? ` (${gap.resetEvidence})` : ''}`}</title>
            <line
              x1={x1}
              x2={x2}
              y1={LANE.backoff - 14}
              y2={LANE.backoff - 14}
              stroke="#94a3b8"
              strokeWidth={2}
            />
            {labels.backoff.has(`gap:${key}`) && (
              <text x={mid} y={LANE.backoff} textAnchor="middle" fontSize={11} fill="#334155">
                {text}
              </text>
            )}
            {gap.reset && (
              <ResetMark c={c} s={s} gap={gap} place={labels.marks.get(`reset:${key}`)} />
            )}
          </g>
        );
      })}
    </g>
  );
}

/** The SVG time axis: runs coloured and labelled by exit, back-off gaps, resets, events, next try. */
export function TimeAxisChart({
  container,
  events,
  now,
  postmortem = false,
  podUid,
  alerts = [],
}: {
  /** This pod's UID, to tell its runs from those of the pods it replaced. */
  podUid?: string;
  container: ContainerTimeline;
  events: TimelineEvent[];
  now: number;
  /** A postmortem draws what happened: no "now" line and no forecast of the next try. */
  postmortem?: boolean;
  /** Alertmanager alerts for this container (alertsForContainer), drawn as tinted spans. */
  alerts?: AlertMark[];
}) {
  const c = postmortem ? { ...container, nextRetry: undefined } : container;
  const times = [...timelineTimes(c, events, now), ...alertTimes(alerts)];
  const s = buildScale(
    postmortem && times.length > 1 ? times.filter((t) => t !== now) : times,
    X0,
    X1,
  );
  const hatchId = `hatch-${container.name.replace(/[^A-Za-z0-9_-]/g, '-')}`;
  const next = c.nextRetry;
  const labels = layoutChartLabels(c, s, now);
  return (
    <svg
      viewBox={`0 0 ${W} ${H}`}
      className="h-auto w-full"
      role="group"
      aria-label={`Timeline of container ${container.name}: ${container.runs.length} runs seen, restartCount ${container.restartCount}`}
      data-testid="timeline-svg"
    >
      <defs>
        <pattern
          id={hatchId}
          width={6}
          height={6}
          patternUnits="userSpaceOnUse"
          patternTransform="rotate(45)"
        >
          <rect width={6} height={6} fill="#f1f5f9" />
          <line x1={0} y1={0} x2={0} y2={6} stroke="#64748b" strokeWidth={2} />
        </pattern>
      </defs>
      <AlertSpans alerts={alerts} s={s} now={now} />
      <Axis s={s} />
      <LaneLabels />
      <Unobserved c={c} s={s} id={hatchId} labels={labels} />
      <Gaps c={c} s={s} now={now} labels={labels} />
      <Runs c={c} s={s} now={now} labels={labels} ownUid={podUid} />
      <ImageChanges c={c} s={s} now={now} labels={labels} />
      {next && (
        <g>
          <title>{`next try between ${formatClock(next.earliest)} and ${formatClock(next.latest)} (back-off ${formatDuration(next.backoffMs)})`}</title>
          <rect
            x={s.x(next.earliest)}
            y={LANE.runs}
            width={Math.max(4, s.x(next.latest) - s.x(next.earliest))}
            height={LANE.runsH}
            fill="#dcfce7"
            stroke="#15803d"
            strokeDasharray="3 2"
          />
          {labels.backoff.has('next') && (
            <text
              x={Math.min(s.x(next.latest), X1)}
              y={LANE.backoff}
              textAnchor="end"
              fontSize={12}
              fontWeight={700}
              fill="#14532d"
            >
              {nextTryText(next.earliest)}
            </text>
          )}
        </g>
      )}
      {!postmortem && (
        <>
          <line
            x1={s.x(now)}
            x2={s.x(now)}
            y1={LANE.axis + 4}
            y2={H - 4}
            stroke="#0f172a"
            strokeDasharray="2 2"
          />
          <text x={s.x(now)} y={H - 2} textAnchor="middle" fontSize={11} fill="#0f172a">
            now
          </text>
        </>
      )}
      <Events events={events} s={s} />
    </svg>
  );
}
