/**
 * Liveness and readiness probes (pkg/kubelet/prober): first run after initialDelaySeconds, then
 * every periodSeconds; failureThreshold consecutive failures of a liveness probe kill the container.
 */
import type { SimClock } from '../sim/clock';
import type { ContainerRt } from './runtime-types';
import type { Instance } from './pod-status';
import type { PodRuntime } from './pod-runtime';
import type { Probe } from './pod-types';

/** Callbacks the prober needs from the kubelet. */
export interface ProbeHooks {
  onLivenessFailure: () => void;
  onReadinessChange: () => void;
  event: (type: 'Normal' | 'Warning', reason: string, message: string) => void;
  failureText: (probe: Probe) => string;
}

/** The output a failing probe reports (prober.go: "<Type> probe failed: <output>"). */
export function probeFailureText(probe: Probe, podIP: string): string {
  if (probe.httpGet) {
    const port = probe.httpGet.port;
    const scheme = (probe.httpGet.scheme ?? 'HTTP').toLowerCase();
    return `Get "${scheme}://${podIP}:${port}${probe.httpGet.path ?? '/'}": dial tcp ${podIP}:${port}: connect: connection refused`;
  }
  if (probe.tcpSocket)
    return `dial tcp ${podIP}:${probe.tcpSocket.port}: connect: connection refused`;
  return 'command terminated with non-zero exit code: exit status 1';
}

/** Starts the probe loops of a freshly started container instance. */
export function schedulePod(
  clock: SimClock,
  _p: PodRuntime,
  c: ContainerRt,
  inst: Instance,
  hooks: ProbeHooks,
): void {
  // An app that is about to exit on its own never answers its probes unless its plan says so.
  const healthyAt = inst.startedAt + (inst.plan.healthyAfterMs ?? (inst.plan.exit ? Infinity : 0));
  const loop = (probe: Probe, kind: 'Liveness' | 'Readiness') => {
    const period = (probe.periodSeconds ?? 10) * 1000;
    const threshold = probe.failureThreshold ?? 3;
    let failures = 0;
    const run = () => {
      if (inst.finishedAt !== undefined || c.killing) return;
      const ok = clock.now() >= healthyAt;
      if (kind === 'Readiness') {
        if (ok !== c.ready) {
          c.ready = ok;
          hooks.onReadinessChange();
        }
        if (!ok)
          hooks.event(
            'Warning',
            'Unhealthy',
            `Readiness probe failed: ${hooks.failureText(probe)}`,
          );
      } else if (ok) {
        failures = 0;
      } else {
        failures++;
        hooks.event('Warning', 'Unhealthy', `Liveness probe failed: ${hooks.failureText(probe)}`);
        if (failures >= threshold) {
          hooks.onLivenessFailure();
          return;
        }
      }
      // Health only ever goes from failing to passing in a run plan, so once a probe passes its
      // later results are known: stop probing (saves thousands of timers over a 2-day history).
      if (ok) return;
      c.timers.push(clock.after(period, run));
    };
    c.timers.push(clock.after((probe.initialDelaySeconds ?? 0) * 1000 + 200, run));
  };
  if (c.spec.livenessProbe) loop(c.spec.livenessProbe, 'Liveness');
  if (c.spec.readinessProbe) loop(c.spec.readinessProbe, 'Readiness');
}
