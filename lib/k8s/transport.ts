// HTTP to one cluster through client-node's KubeConfig (so exec plugins, client certificates,
// tokens and CAs work exactly as in kubectl), with node-fetch as client-node itself uses.
import packageJson from '../../package.json';
import type { KubeConfig } from '@kubernetes/client-node';
import fetch, { type RequestInit, type Response } from 'node-fetch';
import {
  k8sErrorFromNetwork,
  k8sErrorFromStatus,
  k8sTimeout,
  type K8sErrorScope,
} from './k8s-error';

/** Who is asking, as the API server's audit log and request counters see it (kubectl style). */
const userAgent = `podtrail/v${packageJson.version} (${process.platform}/${process.arch}) node/${process.versions.node}`;

/** Query parameters of an API request; undefined values are left out. */
export type Query = Record<string, string | number | boolean | undefined>;

/**
 * Whom a request is made for: sent as Impersonate-User and one Impersonate-Group header per group
 * (https://kubernetes.io/docs/reference/access-authn-authz/authentication/#user-impersonation);
 * the API server then authorizes the request as that user. Only per-user reads set it: the shared
 * watches always run as Podtrail's own identity.
 */
export interface Impersonation {
  user: string;
  groups: string[];
}

/** Options of one request. */
export interface RequestOptions {
  impersonate?: Impersonation;
  query?: Query;
  accept?: string;
  signal?: AbortSignal;
  timeoutMs?: number;
  scope?: K8sErrorScope;
}

/** Sends authenticated requests to one cluster's API server. */
export class Transport {
  constructor(
    private readonly kubeConfig: KubeConfig,
    private readonly cluster: string,
  ) {}

  /** The API server's base URL. */
  get server(): string {
    return this.kubeConfig.getCurrentCluster()?.server ?? '';
  }

  /** GET a path; throws K8sError on any non-2xx answer or network failure. */
  get(path: string, options: RequestOptions = {}): Promise<Response> {
    return this.request('GET', path, options);
  }

  /**
   * POST or PUT a JSON object and parse the answer. Podtrail writes only its own recorder Lease
   * (leader election); every other call is a read.
   */
  async sendJson<T>(
    method: 'POST' | 'PUT',
    path: string,
    body: unknown,
    options: RequestOptions = {},
  ): Promise<T> {
    const response = await this.request(method, path, options, JSON.stringify(body));
    return JSON.parse(await response.text()) as T;
  }

  private async request(
    method: string,
    path: string,
    options: RequestOptions,
    body?: string,
  ): Promise<Response> {
    const scope = { cluster: this.cluster, ...options.scope };
    const url = new URL(this.server.replace(/\/$/, '') + path);
    for (const [key, value] of Object.entries(options.query ?? {})) {
      if (value !== undefined) url.searchParams.set(key, String(value));
    }
    const init: RequestInit = await this.kubeConfig.applyToFetchOptions({});
    const headers = new Headers(init.headers as HeadersInit | undefined);
    headers.set('Accept', options.accept ?? 'application/json');
    headers.set('User-Agent', userAgent);
    if (body !== undefined) headers.set('Content-Type', 'application/json');
    // Impersonating: pairs, not an object, so each group is its own Impersonate-Group line.
    const pairs = [...headers.entries()];
    if (options.impersonate) {
      pairs.push(['Impersonate-User', options.impersonate.user]);
      for (const group of options.impersonate.groups) pairs.push(['Impersonate-Group', group]);
    }
    const sent = options.impersonate ? pairs : Object.fromEntries(pairs);
    const timeout = options.timeoutMs ? AbortSignal.timeout(options.timeoutMs) : undefined;
    const signals = [options.signal, timeout].filter((s): s is AbortSignal => s !== undefined);
    let response: Response;
    try {
      response = await fetch(url.toString(), {
        ...init,
        method,
        body,
        headers: sent,
        signal: signals.length > 0 ? AbortSignal.any(signals) : undefined,
      } as RequestInit);
    } catch (error) {
      if (timeout?.aborted) throw k8sTimeout(Math.round((options.timeoutMs ?? 0) / 1000), scope);
      throw k8sErrorFromNetwork(error, scope);
    }
    if (!response.ok) throw k8sErrorFromStatus(await readBody(response), response.status, scope);
    return response;
  }

  /** GET a path and parse its JSON body (the timeout covers the body too). */
  async getJson<T>(path: string, options: RequestOptions = {}): Promise<T> {
    return JSON.parse(await this.getText(path, options)) as T;
  }

  /** GET a path and read its body as text (the timeout covers the body too). */
  async getText(path: string, options: RequestOptions = {}): Promise<string> {
    const response = await this.get(path, options);
    try {
      return await response.text();
    } catch (error) {
      const scope = { cluster: this.cluster, ...options.scope };
      if (options.timeoutMs && error instanceof Error && error.name === 'AbortError')
        throw k8sTimeout(Math.round(options.timeoutMs / 1000), scope);
      throw error;
    }
  }
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text().catch(() => '');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return { message: text.slice(0, 500) || undefined };
  }
}
