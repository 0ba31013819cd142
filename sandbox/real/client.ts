/**
 * A minimal client for a real API server named by a kubeconfig context: TLS, client certificates,
 * tokens and exec plugins as @kubernetes/client-node applies them; raw JSON requests.
 */
import https from 'node:https';
import { KubeConfig } from '@kubernetes/client-node';
import { httpRequest } from './http-request';

/** A response of the real API server. */
export interface RealResponse {
  status: number;
  body: string;
  json<T = Record<string, unknown>>(): T;
}

/** Raw requests to one context of a kubeconfig. */
export class RealClient {
  private constructor(
    readonly server: string,
    readonly context: string,
    private readonly kc: KubeConfig,
    private readonly agent: https.Agent,
  ) {}

  /**
   * Loads `kubeconfigPath` and uses exactly `context` (never the current context: pointing the
   * simulator at a cluster must be deliberate).
   */
  static async connect(kubeconfigPath: string, context: string | undefined): Promise<RealClient> {
    const kc = new KubeConfig();
    kc.loadFromFile(kubeconfigPath);
    const names = kc.getContexts().map((c) => c.name);
    if (!context)
      throw new Error(
        `--context is required with --apiserver: name the context to write to explicitly (contexts in ${kubeconfigPath}: ${names.join(', ') || 'none'})`,
      );
    if (!names.includes(context))
      throw new Error(
        `context "${context}" is not in ${kubeconfigPath} (contexts: ${names.join(', ') || 'none'}); refusing to use any other`,
      );
    kc.setCurrentContext(context);
    const cluster = kc.getCurrentCluster();
    if (!cluster) throw new Error(`context "${context}" names no cluster`);
    const opts: https.RequestOptions = {};
    await kc.applyToHTTPSOptions(opts);
    const agent = new https.Agent({
      keepAlive: true,
      maxSockets: 8,
      ca: opts.ca,
      cert: opts.cert,
      key: opts.key,
      rejectUnauthorized: opts.rejectUnauthorized,
    });
    return new RealClient(cluster.server.replace(/\/$/, ''), context, kc, agent);
  }

  /** One request; `body` objects are sent as JSON (`contentType` for patches). */
  async request(
    method: string,
    apiPath: string,
    body?: unknown,
    contentType = 'application/json',
  ): Promise<RealResponse> {
    // Headers are re-applied per request: exec plugins and token files may rotate credentials.
    const opts: https.RequestOptions = {};
    await this.kc.applyToHTTPSOptions(opts);
    const headers: Record<string, string> = {
      ...((opts.headers as Record<string, string> | undefined) ?? {}),
      accept: 'application/json',
      'user-agent': 'podtrail-sandbox-simulator',
    };
    const payload = body === undefined ? undefined : JSON.stringify(body);
    if (payload !== undefined) headers['content-type'] = contentType;
    const answer = await httpRequest(this.server + apiPath, {
      method,
      headers,
      body: payload,
      agent: this.agent,
    });
    return {
      status: answer.status,
      body: answer.text,
      json: <T>() => JSON.parse(answer.text) as T,
    };
  }

  close(): void {
    this.agent.destroy();
  }
}
