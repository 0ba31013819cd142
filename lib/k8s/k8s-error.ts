// One error type for everything the Kubernetes API answers with a failure. Built from the API's
// `Status` object (https://kubernetes.io/docs/reference/kubernetes-api/common-definitions/status/)
// when the body holds one, else from the HTTP status alone.

/** Where the failed request was aimed, for the message a person reads. */
export interface K8sErrorScope {
  cluster?: string;
  namespace?: string;
  resource?: string;
}

const brand = Symbol.for('podtrail.K8sError');

/** A failure answered by (or on the way to) a Kubernetes API server. */
export class K8sError extends Error {
  readonly [brand] = true;
  readonly status: number;
  readonly reason: string;
  /** The Status's details.causes[].reason (e.g. ResourceVersionTooLarge). */
  readonly causes: string[];
  readonly cluster?: string;
  readonly namespace?: string;
  readonly resource?: string;

  constructor(
    options: { status: number; reason: string; message: string; causes?: string[] } & K8sErrorScope,
  ) {
    super(options.message);
    this.causes = options.causes ?? [];
    this.name = 'K8sError';
    this.status = options.status;
    this.reason = options.reason;
    this.cluster = options.cluster;
    this.namespace = options.namespace;
    this.resource = options.resource;
  }

  /**
   * True for any K8sError, also one built by another copy of this module (a production build can
   * bundle lib/k8s twice, and then `instanceof` is false).
   */
  static is(error: unknown): error is K8sError {
    return typeof error === 'object' && error !== null && brand in error;
  }

  /**
   * The API server is behind the resourceVersion asked for: it was restarted from an older state
   * (a restored etcd, a rebuilt control plane) or is another cluster. A real API server answers a
   * list from such a version, after waiting 3 s, with 504 Timeout "Too large resource version"
   * and the cause ResourceVersionTooLarge (k8s.io/apiserver storage.NewTooLargeResourceVersionError);
   * a watch from it stays silent (contract/contract.real.test.ts).
   */
  get isTooLargeResourceVersion(): boolean {
    return (
      this.causes.includes('ResourceVersionTooLarge') ||
      /too large resource version/i.test(this.message)
    );
  }

  /**
   * The resourceVersion cannot be resumed from: list again (410 Gone, too large, or a watch that
   * sent nothing — not even a bookmark — for longer than the server's bookmark interval, which is
   * how a real API server answers a watch from a resourceVersion it has not reached).
   */
  get needsRelist(): boolean {
    return this.isGone || this.isTooLargeResourceVersion || this.reason === 'WatchSilent';
  }

  /** True for 410 Gone / reason Expired: the resourceVersion is too old, relist. */
  get isGone(): boolean {
    return this.status === 410 || this.reason === 'Expired' || this.reason === 'Gone';
  }

  get isForbidden(): boolean {
    return this.status === 403;
  }

  get isNotFound(): boolean {
    return this.status === 404;
  }
}

const reasonByStatus: Record<number, string> = {
  400: 'BadRequest',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'NotFound',
  409: 'Conflict',
  410: 'Expired',
  429: 'TooManyRequests',
  500: 'InternalError',
  503: 'ServiceUnavailable',
  504: 'Timeout',
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** Builds a K8sError from a `Status` object (a response body or a watch ERROR event). */
export function k8sErrorFromStatus(
  body: unknown,
  httpStatus: number | undefined,
  scope: K8sErrorScope,
): K8sError {
  const status = isRecord(body) ? body : {};
  const code = typeof status.code === 'number' ? status.code : (httpStatus ?? 500);
  const reason =
    typeof status.reason === 'string' && status.reason !== ''
      ? status.reason
      : (reasonByStatus[code] ?? 'Unknown');
  const text =
    typeof status.message === 'string' && status.message !== ''
      ? status.message
      : `${code} ${reason}`;
  const details = isRecord(status.details) ? status.details : {};
  const causes = (Array.isArray(details.causes) ? details.causes : []).flatMap((c: unknown) =>
    isRecord(c) && typeof c.reason === 'string' ? [c.reason] : [],
  );
  return new K8sError({ status: code, reason, message: text, causes, ...scope });
}

const networkWords: Record<string, string> = {
  ECONNREFUSED: 'connection refused (is the API server running?)',
  ECONNRESET: 'connection reset',
  EPIPE: 'connection closed',
  ETIMEDOUT: 'connection timed out',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ENOTFOUND: 'host name not found',
  EAI_AGAIN: 'host name lookup failed',
  CERT_HAS_EXPIRED: 'TLS certificate expired',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'TLS certificate not trusted',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'TLS certificate not trusted',
};

/**
 * Wraps a network failure (refused, reset, timeout) as a K8sError with status 0. The message names
 * what happened, never the URL (node-fetch puts the full request URL in its messages).
 */
export function k8sErrorFromNetwork(error: unknown, scope: K8sErrorScope): K8sError {
  if (K8sError.is(error)) return error;
  const code =
    typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  const name = error instanceof Error ? error.name : '';
  const what =
    networkWords[code] ??
    (name === 'AbortError' ? 'request aborted' : code ? `network error ${code}` : 'network error');
  return new K8sError({
    status: 0,
    reason: 'NetworkError',
    message: `cannot reach the API server: ${what}`,
    ...scope,
  });
}

/** The API server did not answer in time (a hung server keeps its connections open). */
export function k8sTimeout(seconds: number, scope: K8sErrorScope): K8sError {
  return new K8sError({
    status: 0,
    reason: 'Timeout',
    message: `the API server did not answer within ${seconds} s`,
    ...scope,
  });
}
