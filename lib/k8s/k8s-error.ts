// One error type for everything the Kubernetes API answers with a failure. Built from the API's
// `Status` object (https://kubernetes.io/docs/reference/kubernetes-api/common-definitions/status/)
// when the body holds one, else from the HTTP status alone.

/** Where the failed request was aimed, for the message a person reads. */
export interface K8sErrorScope {
  cluster?: string;
  namespace?: string;
  resource?: string;
}

/** A failure answered by (or on the way to) a Kubernetes API server. */
export class K8sError extends Error {
  readonly status: number;
  readonly reason: string;
  readonly cluster?: string;
  readonly namespace?: string;
  readonly resource?: string;

  constructor(options: { status: number; reason: string; message: string } & K8sErrorScope) {
    super(options.message);
    this.name = 'K8sError';
    this.status = options.status;
    this.reason = options.reason;
    this.cluster = options.cluster;
    this.namespace = options.namespace;
    this.resource = options.resource;
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
  return new K8sError({ status: code, reason, message: text, ...scope });
}

/** Wraps a network failure (refused, reset, timeout) as a K8sError with status 0. */
export function k8sErrorFromNetwork(error: unknown, scope: K8sErrorScope): K8sError {
  if (error instanceof K8sError) return error;
  const text = error instanceof Error ? error.message : String(error);
  return new K8sError({ status: 0, reason: 'NetworkError', message: text, ...scope });
}
