import type { ContainerTimeline, TimelineEvent } from '@/lib/diagnosis';
import { EXIT_FILL, EXIT_WORD, exitKind } from '@/components/format/exit-style';
import { runAnchor } from '@/components/format/names';
import { formatDateTime, formatDuration } from '@/components/format/time';
import { RESET_WORDS, gapText } from './chart-layout';
import { NextRetryCountdown } from './next-retry-countdown';
import { buildTimelineItems, type TimelineItem } from './timeline-items';

function Item({
  item,
  generatedAt,
  podUid,
}: {
  item: TimelineItem;
  generatedAt: number;
  podUid?: string;
}) {
  switch (item.kind) {
    case 'next':
      return (
        <li className="rounded border border-dashed border-green-700 bg-green-50 p-2">
          <NextRetryCountdown
            earliest={item.next.earliest}
            latest={item.next.latest}
            backoffMs={item.next.backoffMs}
            generatedAt={generatedAt}
          />
        </li>
      );
    case 'run': {
      const run = item.run;
      const kind = exitKind(run);
      const ran =
        run.startedAt !== undefined && run.finishedAt !== undefined
          ? `, ran ${formatDuration(run.finishedAt - run.startedAt)}`
          : '';
      return (
        <li
          id={runAnchor(run.id)}
          data-run={run.id}
          className="flex scroll-mt-4 gap-2 rounded p-1 target:bg-yellow-100 target:ring-2 target:ring-blue-700"
        >
          <span
            aria-hidden
            className="mt-1 h-4 w-3 shrink-0 rounded-sm"
            style={{ background: EXIT_FILL[kind] }}
          />
          <span className="min-w-0 break-words">
            {podUid && run.podUid && run.podUid !== podUid && (
              <span className="text-slate-600" data-testid="replaced-pod-run">
                replaced pod {run.podName ?? run.podUid.slice(0, 8)}{' '}
              </span>
            )}
            <strong>#{run.restartCount ?? run.id}</strong>{' '}
            {run.state === 'running' ? (
              <>running since {run.startedAt ? formatDateTime(run.startedAt) : '?'}</>
            ) : (
              <>
                {EXIT_WORD[kind]}
                {run.exitCode !== undefined && (
                  <span title="lastState.terminated.exitCode">, exit code {run.exitCode}</span>
                )}
                {run.exitMeaning && <span className="text-slate-600"> ({run.exitMeaning})</span>}
                {run.finishedAt !== undefined && (
                  <span title="lastState.terminated.finishedAt">
                    {' '}
                    at {formatDateTime(run.finishedAt)}
                  </span>
                )}
                {ran}
              </>
            )}
            {run.source === 'history' && <span className="text-slate-500"> · recorded</span>}
          </span>
        </li>
      );
    }
    case 'gap': {
      const gap = item.gap;
      return (
        <li className="ml-5 border-l-2 border-slate-300 pl-3 text-sm text-slate-700">
          {gap.to === undefined ? 'waiting now' : `waited ${gapText(gap)}`}{' '}
          {gap.expectedMs > 0 && (
            <span className="text-slate-500">
              (kubelet schedule {formatDuration(gap.expectedMs)})
            </span>
          )}
          {gap.reset && (
            <strong className="block text-rose-800" data-testid="backoff-reset">
              ↺ {RESET_WORDS[gap.reset]}
            </strong>
          )}
          {gap.resetEvidence && (
            <span className="block break-words text-slate-600" data-testid="reset-evidence">
              evidence: {gap.resetEvidence}
            </span>
          )}
        </li>
      );
    }
    case 'unobserved':
      return (
        <li
          className="rounded border border-slate-500 p-2 text-sm italic"
          style={{
            backgroundImage: 'repeating-linear-gradient(45deg, #e2e8f0 0 4px, transparent 4px 8px)',
          }}
        >
          <strong>
            {item.unobserved.count} restart{item.unobserved.count === 1 ? '' : 's'} not observed
          </strong>{' '}
          — {item.unobserved.reason}
        </li>
      );
    case 'event':
      return (
        <li className="flex gap-2 text-sm">
          <span
            aria-hidden
            className={item.event.type === 'Warning' ? 'text-amber-700' : 'text-slate-500'}
          >
            ▲
          </span>
          <span className="min-w-0 break-words">
            <strong title="reason">{item.event.reason}</strong>
            {item.event.count > 1 && <span title="count"> ×{item.event.count}</span>}{' '}
            <span className="text-slate-600" title="lastTimestamp">
              {item.event.timeUnknown ? 'time unknown' : formatDateTime(item.event.lastAt)}
            </span>
            : {item.event.message}
          </span>
        </li>
      );
  }
}

/** The timeline as a list, newest first: the phone layout, and the run table on desktop. */
export function VerticalTimeline({
  container,
  events,
  generatedAt,
  podUid,
}: {
  container: ContainerTimeline;
  events: TimelineEvent[];
  generatedAt: number;
  /** This pod's UID: runs of the pods it replaced are labelled with their pod. */
  podUid?: string;
}) {
  const items = buildTimelineItems(container, events);
  return (
    <ol
      className="space-y-1.5"
      aria-label={`Timeline of ${container.name}, newest first`}
      data-testid="vertical-timeline"
    >
      {items.map((item, i) => (
        <Item
          key={`${item.kind}-${item.at}-${i}`}
          item={item}
          generatedAt={generatedAt}
          podUid={podUid}
        />
      ))}
    </ol>
  );
}
