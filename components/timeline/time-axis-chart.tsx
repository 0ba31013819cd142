// The desktop timeline of one container: a horizontal time axis in plain SVG (no charting kit:
// five lanes of rects, lines and text are simpler to read and to export than a kit's abstractions).
import type { ContainerTimeline, TimelineEvent } from '@/lib/diagnosis';
import { EXIT_FILL, EXIT_WORD, exitKind, runLabel } from '@/components/format/exit-style';
import { runAnchor } from '@/components/format/names';
import { formatClock, formatDuration, formatHourMinute } from '@/components/format/time';
import { buildScale, spacedLabels, timelineTimes, type TimeScale } from './timeline-scale';
import { H, LANE, RESET_WORDS, W, X0, X1, gapText } from './chart-layout';
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

function Runs({ c, s, now }: { c: ContainerTimeline; s: TimeScale; now: number }) {
  const runs = [...c.runs].sort((a, b) => (a.finishedAt ?? now) - (b.finishedAt ?? now));
  const ends = runs.map((r) => s.x(r.finishedAt ?? now));
  const labelled = spacedLabels(ends, 26);
  return (
    <g>
      {runs.map((run, i) => {
        const end = run.finishedAt ?? now;
        const start = run.startedAt ?? end - 1000;
        const x = s.x(start);
        const w = Math.max(3, s.x(end) - x);
        const kind = exitKind(run);
        const tip = `${run.id}: ${EXIT_WORD[kind]}${run.exitCode !== undefined ? `, exitCode ${run.exitCode}` : ''}${run.reason ? ` (reason ${run.reason})` : ''}${run.exitMeaning ? ` — ${run.exitMeaning}` : ''}, finishedAt ${run.finishedAt ? formatClock(run.finishedAt) : 'still running'}`;
        return (
          <a
            key={run.id}
            href={`#${runAnchor(run.id)}`}
            aria-label={labelled.has(i) ? `${runLabel(run)} — ${tip}` : tip}
          >
            <title>{tip}</title>
            <rect x={x} y={LANE.runs} width={w} height={LANE.runsH} rx={2} fill={EXIT_FILL[kind]} />
            {labelled.has(i) && (
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

function Gaps({ c, s, now }: { c: ContainerTimeline; s: TimeScale; now: number }) {
  const gaps = [...c.gaps].sort((a, b) => a.from - b.from);
  const mids = gaps.map((g) => (s.x(g.from) + s.x(g.to ?? now)) / 2);
  const labelled = spacedLabels(mids, 64);
  return (
    <g>
      {gaps.map((gap, i) => {
        const x1 = s.x(gap.from);
        const x2 = s.x(gap.to ?? now);
        const text = gapText(gap);
        return (
          <g key={`${gap.afterRunId}-${gap.from}`}>
            <title>{`back-off after ${gap.afterRunId}: observed ${gap.observedMs !== undefined ? formatDuration(gap.observedMs) : 'not yet'}, kubelet schedule ${formatDuration(gap.expectedMs)}${gap.reset ? ` — ${RESET_WORDS[gap.reset]}` : ''}`}</title>
            <line
              x1={x1}
              x2={x2}
              y1={LANE.backoff - 14}
              y2={LANE.backoff - 14}
              stroke="#94a3b8"
              strokeWidth={2}
            />
            {(labelled.has(i) || gap.reset) && gap.to !== undefined && (
              <text x={mids[i]} y={LANE.backoff} textAnchor="middle" fontSize={11} fill="#334155">
                {text}
              </text>
            )}
            {gap.reset && (
              <g>
                <line
                  x1={x2}
                  x2={x2}
                  y1={LANE.marks + 4}
                  y2={LANE.backoff + 6}
                  stroke="#be123c"
                  strokeWidth={2}
                  strokeDasharray="4 3"
                />
                <text x={x2 + 4} y={LANE.marks} fontSize={12} fontWeight={700} fill="#be123c">
                  ↺ {RESET_WORDS[gap.reset]}
                </text>
              </g>
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
  alerts = [],
}: {
  container: ContainerTimeline;
  events: TimelineEvent[];
  now: number;
  /** Alertmanager alerts for this container (alertsForContainer), drawn as tinted spans. */
  alerts?: AlertMark[];
}) {
  const s = buildScale([...timelineTimes(container, events, now), ...alertTimes(alerts)], X0, X1);
  const hatchId = `hatch-${container.name.replace(/[^A-Za-z0-9_-]/g, '-')}`;
  const next = container.nextRetry;
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
      <Unobserved c={container} s={s} id={hatchId} />
      <Gaps c={container} s={s} now={now} />
      <Runs c={container} s={s} now={now} />
      <ImageChanges c={container} s={s} now={now} />
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
          <text
            x={Math.min(s.x(next.latest), X1)}
            y={LANE.backoff}
            textAnchor="end"
            fontSize={12}
            fontWeight={700}
            fill="#14532d"
          >
            next try ~{formatHourMinute(next.earliest)}
          </text>
        </g>
      )}
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
      <Events events={events} s={s} />
    </svg>
  );
}
