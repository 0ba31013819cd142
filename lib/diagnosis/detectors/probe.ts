// Liveness/startup probes that kill the container: Unhealthy events ("Liveness probe failed:
// ...", prober.go) before Killing ("Container x failed liveness probe, will be restarted",
// kuberuntime_manager.go computePodActions). Without a startupProbe a slow starter is killed
// before it ever answers: initialDelaySeconds + periodSeconds × failureThreshold is its budget.
import { standardCommands } from '../commands';
import { DONT_DELETE_POD, DONT_ROLLBACK_BLIND, makeFinding } from '../finding';
import type {
  ContainerSpecLike,
  ContainerTimeline,
  Evidence,
  Finding,
  ProbeLike,
  TimelineEvent,
} from '../types';
import { type DetectorContext, eventsFor, lastTerminated, targetOf } from './context';
import type { QuietCheck } from './plain-pod';

const KILLING_PROBE = /failed (liveness|startup) probe/i;
const NOT_ANSWERING =
  /connection refused|timeout|timed out|deadline exceeded|no route|EOF|connection reset|request canceled/i;

// A liveness or startup probe failure (a readiness failure never kills), and the kill it causes.
function isKillingProbeFailure(e: TimelineEvent): boolean {
  return e.reason === 'Unhealthy' && /^(Liveness|Startup) probe/i.test(e.message);
}

function isProbeKill(e: TimelineEvent): boolean {
  return e.reason === 'Killing' && KILLING_PROBE.test(e.message);
}

/** Quiet without a liveness/startup probe failure or a probe kill among the pod's events. */
export const probeQuiet: QuietCheck = (p) =>
  !p.events.some((e) => isKillingProbeFailure(e) || isProbeKill(e));

function probeBudgetSeconds(p: ProbeLike | undefined): number | undefined {
  if (!p) return undefined;
  return (p.initialDelaySeconds ?? 0) + (p.periodSeconds ?? 10) * (p.failureThreshold ?? 3);
}

function describeProbe(p: ProbeLike | undefined): string {
  if (!p) return '';
  const target = p.httpGet
    ? `GET ${p.httpGet.path ?? '/'} on port ${p.httpGet.port}`
    : p.tcpSocket
      ? `TCP port ${p.tcpSocket.port}`
      : 'exec';
  return `${target}, initialDelaySeconds ${p.initialDelaySeconds ?? 0}, periodSeconds ${p.periodSeconds ?? 10}, timeoutSeconds ${p.timeoutSeconds ?? 1}, failureThreshold ${p.failureThreshold ?? 3}`;
}

// Paths of readiness and dependency checks (Spring Boot's /actuator/health/readiness, /ready,
// /readyz, /health/db ...): answering them is not what liveness asks.
const READINESS_PATH =
  /\/(?:ready|readiness|readyz)\b|\/health\/(?:db|database|deps|dependencies|all|ready)\b|\/(?:dependencies|deps)\b/i;

/** The liveness path when it checks readiness or dependencies rather than the process itself. */
export function checksReadiness(spec: ContainerSpecLike | undefined): string | undefined {
  const path = spec?.livenessProbe?.httpGet?.path;
  if (!path) return undefined;
  const same = spec?.readinessProbe?.httpGet?.path === path && path !== '/';
  return same || READINESS_PATH.test(path) ? path : undefined;
}

function kind(ctx: { spec?: ContainerSpecLike; failures: TimelineEvent[] }): {
  id: string;
  title: string;
  why: string;
} {
  const startup = ctx.failures.some((e) => /^Startup/i.test(e.message));
  const text = ctx.failures.map((e) => e.message).join('\n');
  if (/statuscode: 404|status code 404|404 Not Found/i.test(text)) {
    return {
      id: 'probe-wrong-endpoint',
      title: `The ${startup ? 'startup' : 'liveness'} probe asks for a path the app does not serve (404)`,
      why: 'The app answers, but with 404: the probe path is wrong for this app/version, so the kubelet kills a healthy container.',
    };
  }
  const readinessPath = checksReadiness(ctx.spec);
  if (!startup && readinessPath) {
    return {
      id: 'liveness-checks-readiness',
      title: `The liveness probe checks \`${readinessPath}\`, a readiness or dependency endpoint: the kubelet restarts a process that is alive`,
      why: 'A liveness probe should only ask “is this process stuck?”. This one asks a readiness or dependency check, which fails whenever the app is busy or something it uses is slow, so the kubelet kills a live process — and the restart makes the overload or the outage worse.',
    };
  }
  if (!startup && ctx.spec?.livenessProbe && !ctx.spec.startupProbe && NOT_ANSWERING.test(text)) {
    const budget = probeBudgetSeconds(ctx.spec.livenessProbe);
    return {
      id: 'liveness-kills-slow-starter',
      title: 'The liveness probe kills the app before it finishes starting',
      why: `The app does not answer the liveness probe yet (connection refused/timeout), and there is no startupProbe, so after ${budget ?? '?'} s the kubelet kills it and the next start begins from zero again.`,
    };
  }
  return {
    id: startup ? 'startup-probe-failing' : 'liveness-probe-failing',
    title: `The ${startup ? 'startup' : 'liveness'} probe keeps failing and the kubelet restarts the container`,
    why: 'The probe fails failureThreshold times in a row, so the kubelet kills and restarts the container: the app is hung or overloaded, or the probe is too strict (timeout) for it.',
  };
}

function doNextFor(id: string): string {
  if (id === 'liveness-kills-slow-starter')
    return 'Add a startupProbe (same endpoint, failureThreshold × periodSeconds ≥ the worst start time) or raise initialDelaySeconds.';
  if (id === 'liveness-checks-readiness')
    return 'Point the liveness probe at an endpoint that only checks the process (e.g. /livez or /actuator/health/liveness) and keep the dependency check on the readiness probe, which takes the pod out of the Service without restarting it.';
  return 'Check the probe endpoint by hand (kubectl port-forward, then curl it) and compare path, port and timeoutSeconds with what the app serves.';
}

function forContainer(ctx: DetectorContext, c: ContainerTimeline): Finding[] {
  const evs = eventsFor(ctx, c.name);
  const failures = evs.filter(isKillingProbeFailure);
  const kills = evs.filter(isProbeKill);
  if (failures.length === 0 && kills.length === 0) return [];
  const last = lastTerminated(c);
  // With the container's state unknown (a pasted event list), failureThreshold (default 3)
  // failures in a row are themselves a kill (pkg/kubelet/prober/worker.go).
  const failed = failures.reduce((n, e) => n + e.count, 0);
  const restarted =
    kills.length > 0 ||
    c.restartCount > 0 ||
    !!last ||
    ctx.containers.length === 0 ||
    (c.state === 'Unknown' && failed >= 3);
  if (!restarted) return [];
  const spec = ctx.refs.find((r) => r.name === c.name)?.spec;
  const k = kind({ spec, failures });
  const evidence: Evidence[] = [...failures, ...kills].slice(-4).map((e) => ({
    kind: 'event',
    text: `${e.reason}: ${e.message}${e.count > 1 ? ` (×${e.count})` : ''}`,
    container: c.name,
    at: e.lastAt || undefined,
  }));
  const probe =
    spec?.startupProbe && k.id.startsWith('startup') ? spec.startupProbe : spec?.livenessProbe;
  if (probe)
    evidence.push({
      kind: 'spec',
      text: describeProbe(probe),
      path: `spec.containers[${c.name}].${k.id.startsWith('startup') ? 'startupProbe' : 'livenessProbe'}`,
      container: c.name,
    });
  return [
    makeFinding({
      ...k,
      category: 'probe-failure',
      severity: 'critical',
      explanation: `${k.why}${last?.exitCode === 137 || last?.exitCode === 143 ? ` The last run ended with ${last.exitCode} (${last.exitCode === 137 ? 'SIGKILL' : 'SIGTERM'}) — the kubelet stopping it, not a crash.` : ''}`,
      container: c.name || undefined,
      evidence,
      doNext: [doNextFor(k.id)],
      dont: [
        DONT_DELETE_POD,
        DONT_ROLLBACK_BLIND,
        "Don't read the app log for a crash: the kubelet killed it; the log just stops.",
      ],
      commands: standardCommands(targetOf(ctx, c.name || undefined)),
      priority: 82,
    }),
  ];
}

/** Detects liveness/startup probes killing containers, including slow starters without a startupProbe. */
export function detectProbeFailure(ctx: DetectorContext): Finding[] {
  if (ctx.containers.length === 0) {
    return forContainer(ctx, {
      name: '',
      init: false,
      restartCount: 0,
      state: 'Unknown',
      runs: [],
      gaps: [],
      unobserved: [],
      memory: {},
      events: [],
    });
  }
  return ctx.containers.flatMap((c) => forContainer(ctx, c));
}
