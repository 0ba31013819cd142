// What every detector reads: the input, the built timelines and events, and helpers to aim
// kubectl commands at the pod. Detectors are pure functions DetectorContext → Finding[].
import type { CommandTarget } from '../commands';
import type { ContainerRef } from '../timeline';
import type {
  ContainerRun,
  ContainerTimeline,
  DiagnosisInput,
  Finding,
  TimelineEvent,
} from '../types';

/** The inputs a detector reads, computed once per diagnosis. */
export interface DetectorContext {
  input: DiagnosisInput;
  namespace: string;
  podName: string;
  /** restartPolicy of the pod; `Always` when the spec does not say (the API default). */
  restartPolicy: string;
  refs: ContainerRef[];
  containers: ContainerTimeline[];
  /** Every event of the pod, container-placed or not. */
  events: TimelineEvent[];
  podEvents: TimelineEvent[];
}

/** A detector: looks at the context and returns zero or more findings. */
export type Detector = (ctx: DetectorContext) => Finding[];

/** A detector that judges each container on its own: the findings of every container, in order. */
export function perContainer(
  forContainer: (ctx: DetectorContext, c: ContainerTimeline) => Finding[],
): Detector {
  return (ctx) => ctx.containers.flatMap((c) => forContainer(ctx, c));
}

/** Where kubectl commands for a container should point. */
export function targetOf(ctx: DetectorContext, container?: string): CommandTarget {
  return { namespace: ctx.namespace, pod: ctx.podName, container, cluster: ctx.input.cluster };
}

/** The newest terminated run of a container (the one `kubectl logs --previous` shows). */
export function lastTerminated(timeline: ContainerTimeline): ContainerRun | undefined {
  const own = timeline.runs.filter((r) => r.state === 'terminated');
  return own[own.length - 1];
}

/** The `status.containerStatuses[name]` path prefix of a container, for evidence. */
export function statusPath(timeline: Pick<ContainerTimeline, 'name' | 'init'>): string {
  return `status.${timeline.init ? 'initContainerStatuses' : 'containerStatuses'}[${timeline.name}]`;
}

/** Events of the pod for a container, plus container-less ones when the pod has one container. */
export function eventsFor(ctx: DetectorContext, container: string): TimelineEvent[] {
  const single = ctx.containers.length <= 1;
  return ctx.events.filter(
    (e) => e.container === container || (single && !e.container && !e.about),
  );
}
