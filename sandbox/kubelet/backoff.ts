/**
 * The kubelet's crash-loop back-off: client-go util/flowcontrol/backoff.go as the kubelet builds
 * it (pkg/kubelet/kubelet.go newCrashLoopBackOff): initial 10s, ×2, capped at 300s
 * (v1beta1.MaxContainerBackOff), no jitter, and since 1.32 a flat 600s HasExpiredFunc.
 * KEP-4603's reduced curve is initial 1s / max 60s.
 */

/** The constants of one kubelet's back-off curve. */
export interface BackoffConfig {
  /** First delay (kubelet initialCrashLoopBackOff = 10s; KEP-4603 reduced: 1s). */
  initialMs: number;
  /** Cap (MaxCrashLoopBackOff = 300s; KEP-4603 reduced: 60s; or maxContainerRestartPeriod). */
  maxMs: number;
  /** An entry idle longer than this starts over (kubelet HasExpiredFunc: 600s). */
  resetMs: number;
}

/** The default kubelet 1.32 curve. */
export const DEFAULT_BACKOFF: BackoffConfig = {
  initialMs: 10_000,
  maxMs: 300_000,
  resetMs: 600_000,
};

/** KEP-4603 ReduceDefaultCrashLoopBackOffDecay: 1s initial, 60s max. */
export const REDUCED_BACKOFF: BackoffConfig = { initialMs: 1_000, maxMs: 60_000, resetMs: 600_000 };

interface Entry {
  backoff: number;
  lastUpdate: number;
}

/** flowcontrol.Backoff keyed by GetStableKey(pod, container). */
export class Backoff {
  private readonly entries = new Map<string, Entry>();
  private readonly config: BackoffConfig;

  constructor(config: Partial<BackoffConfig> = {}) {
    const merged = { ...DEFAULT_BACKOFF, ...config };
    // newCrashLoopBackOff: "if boMax < boInitial { boInitial = boMax }".
    this.config = { ...merged, initialMs: Math.min(merged.initialMs, merged.maxMs) };
  }

  /** The delay currently being waited for `key` (0 when unknown), as Backoff.Get. */
  get(key: string): number {
    return this.entries.get(key)?.backoff ?? 0;
  }

  /** Backoff.Next: starts or doubles the entry, measured against `eventTime` (finishedAt). */
  next(key: string, eventTime: number, now: number): void {
    const entry = this.entries.get(key);
    if (!entry || this.hasExpired(eventTime, entry.lastUpdate)) {
      this.entries.set(key, { backoff: this.config.initialMs, lastUpdate: now });
    } else {
      entry.backoff = Math.min(entry.backoff * 2, this.config.maxMs);
      entry.lastUpdate = now;
    }
  }

  /** Backoff.IsInBackOffSince: true while now - eventTime is shorter than the current delay. */
  isInBackOffSince(key: string, eventTime: number, now: number): boolean {
    const entry = this.entries.get(key);
    if (!entry) return false;
    if (this.hasExpired(eventTime, entry.lastUpdate)) return false;
    return now - eventTime < entry.backoff;
  }

  /** Backoff.IsInBackOffSinceUpdate: measured from the last Next() (image pull back-off). */
  isInBackOffSinceUpdate(key: string, eventTime: number): boolean {
    const entry = this.entries.get(key);
    if (!entry) return false;
    if (this.hasExpired(eventTime, entry.lastUpdate)) return false;
    return eventTime - entry.lastUpdate < entry.backoff;
  }

  /** Backoff.GC: drops entries idle longer than the reset threshold. */
  gc(now: number): void {
    for (const [key, entry] of this.entries) {
      if (this.hasExpired(now, entry.lastUpdate)) this.entries.delete(key);
    }
  }

  /** Forgets everything, as a kubelet restart does (the map lives in memory only). */
  reset(): void {
    this.entries.clear();
  }

  private hasExpired(eventTime: number, lastUpdate: number): boolean {
    return eventTime - lastUpdate > this.config.resetMs;
  }
}

/** GetStableKey (pkg/kubelet/kuberuntime/helpers.go): name_ns_uid_container_hash(name,image). */
export function stableKey(
  pod: { name: string; namespace: string; uid: string },
  container: { name: string; image: string },
): string {
  return `${pod.name}_${pod.namespace}_${pod.uid}_${container.name}_${container.image}`;
}
