// The kubelet's crash-loop back-off curve. Constants from pkg/kubelet/kubelet.go
// (initialCrashLoopBackOff = 10s, MaxCrashLoopBackOff = 300s; KEP-4603's
// ReduceDefaultCrashLoopBackOffDecay: 1s / 60s) and client-go util/flowcontrol/backoff.go
// (×2 per crash, no jitter, entry expires after 600s without an update — the kubelet's
// HasExpiredFunc since 1.32, 2 × max before). The first crash of a fresh entry is restarted at once
// (k/k #133472), so the k-th crash since the curve started waits 0, initial, 2·initial, ...
import type { BackoffParams } from './types';

/** The default kubelet curve: 10 s doubling to 300 s, reset after 600 s without a crash. */
export const DEFAULT_BACKOFF: BackoffParams = {
  initialMs: 10_000,
  maxMs: 300_000,
  resetMs: 600_000,
};

/** KEP-4603's reduced curve (feature gate ReduceDefaultCrashLoopBackOffDecay): 1 s to 60 s. */
export const REDUCED_BACKOFF: BackoffParams = { initialMs: 1000, maxMs: 60_000, resetMs: 600_000 };

/**
 * How late after the back-off expires the kubelet may start the container: ≤1.34 the pod worker
 * requeues after wait.Jitter(10s, 0.5) (≤15 s); 1.35+ (k/k #133066) after up to 50 % of a wait
 * clamped to the 1 m resync (≤30 s). pkg/kubelet/pod_workers.go completeWork.
 */
export const RETRY_SLACK_MS = 30_000;

/** Fills in missing back-off parameters with the kubelet defaults (initial is capped at max). */
export function resolveBackoffParams(params?: Partial<BackoffParams>): BackoffParams {
  const maxMs = params?.maxMs ?? DEFAULT_BACKOFF.maxMs;
  const initialMs = Math.min(params?.initialMs ?? DEFAULT_BACKOFF.initialMs, maxMs);
  return { initialMs, maxMs, resetMs: params?.resetMs ?? DEFAULT_BACKOFF.resetMs };
}

/**
 * The kubelet's wait after the `crashNumber`-th crash since the curve (re)started (1-based):
 * 0 for the first, then initial × 2^(n-2) capped at max.
 */
export function expectedBackoffMs(crashNumber: number, params?: Partial<BackoffParams>): number {
  const p = resolveBackoffParams(params);
  if (crashNumber <= 1) return 0;
  const exponent = Math.min(crashNumber - 2, 40);
  return Math.min(p.initialMs * 2 ** exponent, p.maxMs);
}

/** The window in which the kubelet will try again: from expiry to expiry plus its sync slack. */
export function nextRetryWindow(
  finishedAt: number | undefined,
  backoffMs: number,
  now: number,
): { backoffMs: number; earliest: number; latest: number } {
  // Without finishedAt we only know the wait started at or before now.
  const earliest = (finishedAt ?? now) + backoffMs;
  return { backoffMs, earliest, latest: earliest + RETRY_SLACK_MS };
}
