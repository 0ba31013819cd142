// Memory usage against the limit over time, with the OOM kills marked: what an OOM-killed
// container's page needs to show whether the limit was too low, the app leaked, or the node ran
// out. Usage is metrics.k8s.io's working set as Podtrail recorded it (one sample per ~20 s while
// the pod crash-loops); a cluster without metrics-server says so instead of drawing nothing.
import { formatBytes, type ContainerTimeline, type NodeMemory } from '@/lib/diagnosis';
import { formatClock, formatHourMinute } from '@/components/format/time';
import { Panel } from '@/components/ui/panel';
import { memoryWindow, type MemoryWindow } from './memory-window';

const H = 200;
const Y0 = 18;
const Y1 = H - 28;

/** One drawing of the window, `W` units wide (1100 on desktops, 360 on phones: 12-unit text stays legible). */
function Chart({ w, W, className }: { w: MemoryWindow; W: number; className: string }) {
  const X0 = W > 600 ? 64 : 44;
  const X1 = W - 12;
  const x = (at: number) => X0 + ((at - w.from) / Math.max(1, w.to - w.from)) * (X1 - X0);
  const y = (bytes: number) => Y1 - (bytes / w.top) * (Y1 - Y0);
  const path = w.samples
    .map((s, i) => `${i === 0 ? 'M' : 'L'}${x(s.at).toFixed(1)},${y(s.bytes).toFixed(1)}`)
    .join(' ');
  return (
    <svg
      viewBox={`0 0 ${W} ${H}`}
      className={`h-auto w-full ${className}`}
      role="img"
      aria-label={`Memory usage from ${formatClock(w.from)} to ${formatClock(w.to)}: peak ${formatBytes(w.peak)}, ${w.kills.length} OOM kill(s)`}
      data-testid="memory-chart"
    >
      {w.ticks.map((t) => (
        <g key={t}>
          <line x1={X0} x2={X1} y1={y(t)} y2={y(t)} stroke="#e2e8f0" />
          <text x={X0 - 6} y={y(t) + 4} textAnchor="end" fontSize={12} fill="#475569">
            {formatBytes(t)}
          </text>
        </g>
      ))}
      <text x={X0} y={H - 8} fontSize={12} fill="#475569">
        {formatHourMinute(w.from)}
      </text>
      <text x={X1} y={H - 8} fontSize={12} fill="#475569" textAnchor="end">
        {formatHourMinute(w.to)} UTC
      </text>
      {w.ceiling && (
        <g data-testid="memory-ceiling">
          <line
            x1={X0}
            x2={X1}
            y1={y(w.ceiling.bytes)}
            y2={y(w.ceiling.bytes)}
            stroke="#b91c1c"
            strokeWidth={2}
            strokeDasharray={w.ceiling.kind === 'limit' ? undefined : '6 4'}
          />
          <text x={X0 + 4} y={y(w.ceiling.bytes) - 5} fontSize={12} fontWeight={700} fill="#b91c1c">
            {w.ceiling.label}
          </text>
        </g>
      )}
      <path d={path} fill="none" stroke="#1d4ed8" strokeWidth={2} />
      {w.samples.map((s) => (
        <circle key={s.at} cx={x(s.at)} cy={y(s.bytes)} r={1.8} fill="#1d4ed8">
          <title>{`${formatClock(s.at)}: ${formatBytes(s.bytes)}`}</title>
        </circle>
      ))}
      {w.nodeOoms.map((at) => (
        <g key={`node-${at}`} data-testid="node-oom-mark" data-at={at}>
          <line x1={x(at)} x2={x(at)} y1={Y0} y2={Y1} stroke="#c2410c" strokeDasharray="1 3" />
          <title>{`node reported a system OOM at ${formatClock(at)} (SystemOOM)`}</title>
        </g>
      ))}
      {w.kills.map((k) => (
        <g key={k.runId} data-testid="oom-kill-mark" data-at={k.at}>
          <line x1={x(k.at)} x2={x(k.at)} y1={Y0} y2={Y1} stroke="#b91c1c" strokeDasharray="3 3" />
          <text x={x(k.at)} y={Y0 - 3} textAnchor="middle" fontSize={12} fill="#b91c1c">
            ✖
          </text>
          <title>{`run ${k.runId} OOM-killed at ${formatClock(k.at)} (exit 137, OOMKilled)`}</title>
        </g>
      ))}
    </svg>
  );
}

/** The memory panel of an OOM-killed container: usage over time vs its limit, kills marked. */
export function MemoryOverTime({
  container: c,
  now,
  node,
}: {
  container: ContainerTimeline;
  now: number;
  node?: NodeMemory;
}) {
  const w = memoryWindow(c, now, node);
  return (
    <Panel
      headingId="memory-heading"
      heading={<>Memory over time — container {c.name}</>}
      testId="memory-over-time"
    >
      <p className="text-sm break-words" data-testid="memory-summary">
        {w.summary}
      </p>
      {c.memory.metrics === 'absent' && (
        <p className="text-sm font-semibold text-amber-900" data-testid="metrics-absent">
          metrics.k8s.io not served by this cluster: no usage to draw (install metrics-server to see
          usage over time).
        </p>
      )}
      {w.samples.length > 1 && (
        <>
          <Chart w={w} W={1100} className="hidden md:block" />
          <Chart w={w} W={360} className="md:hidden" />
        </>
      )}
      {w.kills.length > 0 && (
        <p className="text-sm text-slate-700">
          OOM kills:{' '}
          {w.kills.map((k, i) => (
            <span key={k.runId}>
              {i > 0 ? ', ' : ''}
              <time dateTime={new Date(k.at).toISOString()}>{formatClock(k.at)}</time> ({k.runId})
            </span>
          ))}
        </p>
      )}
    </Panel>
  );
}
