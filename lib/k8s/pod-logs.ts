// Container logs fetched on demand, capped in lines and bytes, kept for a few seconds only (so
// ten viewers opening one pod cost one request, and nothing is kept for long).
import { K8sError } from './k8s-error';
import type { Scheduler } from './scheduler';
import type { Impersonation, Transport } from './transport';

/** Which log to fetch. */
export interface PodLogRequest {
  namespace: string;
  pod: string;
  container: string;
  previous: boolean;
  /** Last N lines; leave out to read from the start (the head of a log). */
  tailLines?: number;
  limitBytes?: number;
}

/** A fetched log, or why there is none. */
export interface PodLog {
  text?: string;
  truncated: boolean;
  /** The API's message when it has no log (e.g. no previous terminated container). */
  error?: string;
  status?: number;
}

/** Log limits (PODTRAIL_LOG_MAX_BYTES, PODTRAIL_LOG_TAIL_LINES). */
export interface LogLimits {
  maxBytes: number;
  tailLines: number;
  cacheMs: number;
}

/** Reads the log limits from the environment. */
export function logLimitsFromEnv(env: Record<string, string | undefined> = process.env): LogLimits {
  return {
    maxBytes: Number(env.PODTRAIL_LOG_MAX_BYTES) || 256 * 1024,
    tailLines: Number(env.PODTRAIL_LOG_TAIL_LINES) || 500,
    cacheMs: 5_000,
  };
}

/** Fetches logs of one cluster with a short-lived cache. */
export class PodLogReader {
  private readonly cache = new Map<string, { at: number; log: Promise<PodLog> }>();

  constructor(
    private readonly options: {
      transport: Transport;
      cluster: string;
      scheduler: Scheduler;
      limits?: LogLimits;
    },
  ) {}

  /**
   * Fetches one log (never throws for the API's "no log" answers; they come back as error).
   * `fresh` skips the short-lived cache: with a 1 s back-off (KEP-4603) a container's next run can
   * end within the cache's lifetime, and `previous` then names a newer run.
   * `as` reads it as that user (impersonated): their RBAC decides, and their answer is their own.
   */
  read(
    request: PodLogRequest,
    options: { fresh?: boolean; as?: Impersonation } = {},
  ): Promise<PodLog> {
    const limits = this.options.limits ?? logLimitsFromEnv();
    if (options.fresh) return this.fetch(request, limits, options.as);
    const now = this.options.scheduler.now();
    for (const [key, entry] of this.cache)
      if (now - entry.at > limits.cacheMs) this.cache.delete(key);
    const key = JSON.stringify([request, options.as ?? null]);
    const hit = this.cache.get(key);
    if (hit) return hit.log;
    const log = this.fetch(request, limits, options.as);
    this.cache.set(key, { at: now, log });
    return log;
  }

  private async fetch(
    request: PodLogRequest,
    limits: LogLimits,
    as: Impersonation | undefined,
  ): Promise<PodLog> {
    const limitBytes = Math.min(request.limitBytes ?? limits.maxBytes, limits.maxBytes);
    const path = `/api/v1/namespaces/${encodeURIComponent(request.namespace)}/pods/${encodeURIComponent(request.pod)}/log`;
    try {
      const text = await this.options.transport.getText(path, {
        query: {
          container: request.container,
          previous: request.previous,
          tailLines: request.tailLines,
          limitBytes,
        },
        accept: 'text/plain, */*',
        impersonate: as,
        // A hung API server must not hold a page: the page says the log could not be read.
        timeoutMs: 8_000,
        scope: { namespace: request.namespace, resource: 'pods/log' },
      });
      return { text, truncated: Buffer.byteLength(text) >= limitBytes };
    } catch (error) {
      if (K8sError.is(error) && error.status >= 400 && error.status < 500) {
        return { truncated: false, error: error.message, status: error.status };
      }
      throw error;
    }
  }
}

/** The first `maxLines` lines / `maxBytes` bytes of a log. */
export function headOfLog(text: string, maxLines = 40, maxBytes = 4096): string {
  return text.split('\n').slice(0, maxLines).join('\n').slice(0, maxBytes);
}
