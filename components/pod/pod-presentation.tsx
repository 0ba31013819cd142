import Link from 'next/link';
import type { ReactNode } from 'react';
import type { PodDiagnosis } from '@/lib/diagnosis';
import type { AlertMark, LogView } from '@/lib/views/types';
import { LogViewer } from '@/components/log/log-viewer';
import { TimeAxisChart } from '@/components/timeline/time-axis-chart';
import { ContainerFacts } from '@/components/timeline/container-facts';
import { MemoryOverTime } from '@/components/timeline/memory-chart';
import { VerticalTimeline } from '@/components/timeline/vertical-timeline';
import { TimelineLegend } from '@/components/timeline/timeline-legend';
import { AlertList, alertsForContainer } from '@/components/timeline/alert-marks';
import { NextRetryCountdown } from '@/components/timeline/next-retry-countdown';
import { formatClock } from '@/components/format/time';
import { causeAndTrap } from '@/lib/diagnosis';
import { CauseBlock } from './cause-block';
import { FindingsList } from './findings-list';
import { NodeMemoryPanel } from './node-memory-panel';
import { PodHeader } from './pod-header';
import { eventsFor, lastTerminatedRun, logHighlights, pickContainer } from './pod-selection';

export interface PodPresentationProps {
  diagnosis: PodDiagnosis;
  logs: LogView[];
  container?: string;
  /** The page path, for links to another container (`?container=`); omitted on import. */
  basePath?: string;
  reportHref?: string;
  source: string;
  /** Why there is no previous log when none was given (live: not fetched; import: not pasted). */
  noLogReason?: string;
  /** A banner above everything (stale connection, pod gone, imported). */
  notice?: ReactNode;
  /** Alertmanager alerts about the pod (live pages only). */
  alerts?: AlertMark[];
}

/**
 * The pod page body, shared by the live page and the import page. Order: cause, timeline, log
 * (the three facts the anti-primer says people skip), then every finding. On phones the vertical
 * timeline comes right after the cause; on desktops it moves to the end as the run list.
 */
export function PodPresentation(props: PodPresentationProps) {
  const { diagnosis: d, logs } = props;
  const c = pickContainer(d, props.container);
  const events = c ? eventsFor(d, c) : d.podEvents;
  const previous = c && logs.find((l) => l.container === c.name && l.kind === 'previous');
  const current = c && logs.find((l) => l.container === c.name && l.kind === 'current');
  const lastRun = c && lastTerminatedRun(c);
  const { cause, trap } = causeAndTrap(d.findings);
  const alerts = c ? alertsForContainer(props.alerts, c.name) : (props.alerts ?? []);
  return (
    <div className="mx-auto flex max-w-6xl flex-col gap-6 px-3 py-4 sm:px-6">
      {props.notice}
      <PodHeader
        pod={d.pod}
        generatedAt={d.generatedAt}
        reportHref={props.reportHref}
        source={props.source}
      />
      <div className="flex flex-col gap-6">
        <div className="order-1">
          <CauseBlock finding={cause} trap={trap} status={d.pod.status} />
        </div>
        {d.containers.length > 1 && props.basePath && (
          <nav aria-label="Containers" className="order-1 flex flex-wrap gap-2">
            {d.containers.map((x) => (
              <Link
                key={x.name}
                href={`${props.basePath}?container=${encodeURIComponent(x.name)}`}
                aria-current={x.name === c?.name ? 'page' : undefined}
                className="inline-flex min-h-11 items-center rounded-md border border-slate-300 px-3 text-sm aria-[current=page]:bg-slate-900 aria-[current=page]:text-white"
              >
                {x.init ? 'init: ' : ''}
                {x.name} · {x.state} · {x.restartCount}↻
              </Link>
            ))}
          </nav>
        )}
        {c && (
          <section aria-labelledby="timeline-heading" className="order-2 flex flex-col gap-3">
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <h2 id="timeline-heading" className="text-lg font-semibold">
                Timeline — container {c.name}
              </h2>
              {c.nextRetry && (
                <span className="hidden md:inline">
                  <NextRetryCountdown
                    earliest={c.nextRetry.earliest}
                    latest={c.nextRetry.latest}
                    backoffMs={c.nextRetry.backoffMs}
                    generatedAt={d.generatedAt}
                  />
                </span>
              )}
            </div>
            <div className="hidden md:block">
              <TimeAxisChart
                container={c}
                events={events}
                now={d.generatedAt}
                podUid={d.pod.uid}
                alerts={alerts}
              />
              <TimelineLegend />
            </div>
            <AlertList alerts={alerts} />
            <ContainerFacts container={c} />
            {c.runs.some((r) => r.reason === 'OOMKilled') && (
              <MemoryOverTime container={c} now={d.generatedAt} node={d.node} />
            )}
            {d.node && <NodeMemoryPanel node={d.node} now={d.generatedAt} />}
          </section>
        )}
        {c && (
          <section aria-labelledby="runs-heading" className="order-3 md:order-6">
            <h2 id="runs-heading" className="text-lg font-semibold">
              Runs and events — newest first
            </h2>
            <VerticalTimeline
              container={c}
              events={events}
              generatedAt={d.generatedAt}
              podUid={d.pod.uid}
            />
          </section>
        )}
        {c && (
          <div className="order-4 flex min-w-0 flex-col gap-4">
            <LogViewer
              log={
                previous ?? {
                  container: c.name,
                  kind: 'previous',
                  truncated: false,
                  error: props.noLogReason ?? 'no previous log was fetched',
                }
              }
              title={`Previous log${lastRun ? ` (run #${lastRun.restartCount ?? lastRun.id}, exited ${lastRun.exitCode ?? '?'}${lastRun.finishedAt ? ` at ${formatClock(lastRun.finishedAt)}` : ''})` : ''}`}
              highlights={logHighlights(d, c.name, 'previous')}
            />
            {current?.text && (
              <LogViewer
                log={current}
                title="Current log"
                highlights={logHighlights(d, c.name, 'current')}
              />
            )}
          </div>
        )}
        <div className="order-5">
          <FindingsList findings={d.findings} cause={cause} />
          {d.missing.length > 0 && (
            <p className="mt-3 text-sm text-slate-600">
              Not available (would have helped): {d.missing.join('; ')}.
            </p>
          )}
        </div>
      </div>
    </div>
  );
}
