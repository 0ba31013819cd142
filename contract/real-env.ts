/**
 * What the `real` vitest project's global setup provides: a real kube-apiserver with the
 * simulator playing every scenario on it, and ways to reach both.
 */
import http from 'node:http';
import https from 'node:https';
import { inject } from 'vitest';

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
  opts: {
    method?: string;
    token?: string;
    accept?: string;
    body?: unknown;
    contentType?: string;
    ca?: string;
  } = {},
): Promise<Answer> {
  const headers: Record<string, string> = { accept: opts.accept ?? 'application/json' };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  const payload =
    opts.body === undefined
      ? undefined
      : typeof opts.body === 'string'
        ? opts.body
        : JSON.stringify(opts.body);
  if (payload !== undefined) headers['content-type'] = opts.contentType ?? 'application/json';
  const request = url.startsWith('https:') ? https.request : http.request;
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: opts.method ?? 'GET', headers, ca: opts.ca, rejectUnauthorized: !!opts.ca },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            text,
            json: () => JSON.parse(text),
          });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.setTimeout(30_000, () => req.destroy(new Error(`${url}: timed out`)));
    req.end(payload);
  });
}
