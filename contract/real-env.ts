/**
 * What the `real` vitest project's global setup provides: a real kube-apiserver with the
 * simulator playing every scenario on it, and ways to reach both.
 */
import { inject } from 'vitest';
import { apiRequest, type ApiRequestOptions } from '../sandbox/real/http-request';

export interface RealEnv {
  /** Admin kubeconfig, context `real`. */
  kubeconfig: string;
  /** Kubeconfig of `podtrail-restricted` (authenticated, no RBAC bindings). */
  restrictedKubeconfig: string;
  url: string;
  caCert: string;
  adminToken: string;
  restrictedToken: string;
  etcdUrl: string;
  /** The simulator's control API (sandbox/real/control-server.ts). */
  controlUrl: string;
  scenarios: string[];
}

declare module 'vitest' {
  export interface ProvidedContext {
    real: RealEnv;
  }
}

export function realEnv(): RealEnv {
  return inject('real');
}

/** A raw HTTP answer. */
export interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json<T = any>(): T; // eslint-disable-line @typescript-eslint/no-explicit-any -- Kubernetes JSON
}

/** One request with a bearer token (TLS verified against `ca` when given). */
export function rawRequest(
  url: string,
  opts: Omit<ApiRequestOptions, 'rejectUnauthorized'> = {},
): Promise<Answer> {
  return apiRequest(url, { ...opts, rejectUnauthorized: !!opts.ca }).then((answer) => ({
    ...answer,
    json: () => JSON.parse(answer.text),
  }));
}
