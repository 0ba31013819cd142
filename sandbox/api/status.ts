/**
 * metav1.Status errors with the API server's real reasons and messages
 * (k8s.io/apimachinery/pkg/api/errors: NewNotFound, NewForbidden, NewBadRequest, NewGone...).
 */

/** Details of a Status (name/kind of the object concerned). */
export interface StatusDetails {
  name?: string;
  group?: string;
  kind?: string;
  retryAfterSeconds?: number;
  causes?: { reason: string; message: string; field?: string }[];
}

/** An error the API server answers as a Status object with an HTTP code. */
export class ApiError extends Error {
  constructor(
    readonly code: number,
    readonly reason: string,
    message: string,
    readonly details?: StatusDetails,
  ) {
    super(message);
  }

  /** The metav1.Status body. */
  toStatus(): Record<string, unknown> {
    return {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: this.message,
      reason: this.reason,
      ...(this.details ? { details: this.details } : {}),
      code: this.code,
    };
  }
}

/** 404 `pods "x" not found` (errors.NewNotFound). */
export function notFound(group: string, plural: string, name: string): ApiError {
  const qualified = group ? `${plural}.${group}` : plural;
  return new ApiError(404, 'NotFound', `${qualified} "${name}" not found`, {
    name,
    ...(group ? { group } : {}),
    kind: plural,
  });
}

/** 400 BadRequest with a message. */
export function badRequest(message: string): ApiError {
  return new ApiError(400, 'BadRequest', message);
}

/** 401 Unauthorized, as the authentication filter answers. */
export function unauthorized(): ApiError {
  return new ApiError(401, 'Unauthorized', 'Unauthorized');
}

/** What a request asks to do, in the authorizer's terms (its request attributes). */
export interface RequestAttributes {
  verb: string;
  group: string;
  resource: string;
  subresource?: string;
  name?: string;
  namespace?: string;
}

/** 403 as the RBAC authorizer words it (errors.NewForbidden + authorizer reason). */
export function forbidden(options: RequestAttributes & { user: string }): ApiError {
  const { user, verb, group, resource, subresource, name, namespace } = options;
  const full = subresource ? `${resource}/${subresource}` : resource;
  const qualified = group ? `${resource}.${group}` : resource;
  const what = name ? `${qualified} "${name}"` : qualified;
  const scope = namespace ? `in the namespace "${namespace}"` : 'at the cluster scope';
  return new ApiError(
    403,
    'Forbidden',
    `${what} is forbidden: User "${user}" cannot ${verb} resource "${full}" in API group "${group}" ${scope}`,
    { ...(name ? { name } : {}), ...(group ? { group } : {}), kind: resource },
  );
}

/**
 * 504 for a list from a resourceVersion the server has not reached (it was restarted from an
 * older state) after waiting 3 s for it, as k8s.io/apiserver's storage.NewTooLargeResourceVersionError
 * words it: a NewTimeoutError ("Timeout: ...", retryAfterSeconds 1, header Retry-After: 1) with
 * the cause ResourceVersionTooLarge. Checked against kube-apiserver 1.37 by the contract suite.
 */
export function tooLargeResourceVersion(requested: number, current: number): ApiError {
  return new ApiError(
    504,
    'Timeout',
    `Timeout: Too large resource version: ${requested}, current: ${current}`,
    {
      causes: [{ reason: 'ResourceVersionTooLarge', message: 'Too large resource version' }],
      retryAfterSeconds: 1,
    },
  );
}

/** 410 Expired for a resourceVersion older than the retained history. */
export function expired(message: string): ApiError {
  return new ApiError(410, 'Expired', message);
}

/** The continue-token 410 message of the storage layer (storage.NewTooLargeResourceVersionError sibling). */
export const CONTINUE_EXPIRED_MESSAGE =
  'The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter, or use the continue token in this response to retrieve the remainder of the results. Continuing with the provided token results in an inconsistent list - objects that were created, modified, or deleted between the time the first chunk was returned and now may show up in the list.';
