/**
 * One HTTP(S) request with its whole answer read as text: the raw requests the simulator
 * (RealClient) and the contract suite (contract/real-env.ts, contract/apiserver.ts) send to real
 * servers, where a client library would hide the status codes and headers under test.
 */
import http from 'node:http';
import https from 'node:https';

/** A whole answer. */
export interface HttpAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
}

/** What to send, and how to trust the server (an agent, or a CA and whether to check at all). */
export interface HttpRequestOptions {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  agent?: http.Agent;
  ca?: string;
  rejectUnauthorized?: boolean;
}

/** Gives up after this long without an answer (a hung server fails the test, not the run). */
const timeoutMs = 30_000;

/** Sends one request to `url` (http: or https:) and resolves with the whole answer. */
export function httpRequest(url: string, options: HttpRequestOptions = {}): Promise<HttpAnswer> {
  const { method = 'GET', headers, body, agent, ca, rejectUnauthorized } = options;
  const send = url.startsWith('https:') ? https.request : http.request;
  return new Promise((resolve, reject) => {
    const req = send(url, { method, headers, agent, ca, rejectUnauthorized }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          text: Buffer.concat(chunks).toString('utf8'),
        }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`${method} ${url}: timed out`)));
    req.end(body);
  });
}

/** What apiRequest sends: `body` objects go as JSON (`contentType` for patches). */
export interface ApiRequestOptions {
  method?: string;
  token?: string;
  accept?: string;
  body?: unknown;
  contentType?: string;
  ca?: string;
  rejectUnauthorized?: boolean;
}

/** A request to a Kubernetes-style API: a bearer token, JSON accepted, objects sent as JSON. */
export function apiRequest(url: string, opts: ApiRequestOptions = {}): Promise<HttpAnswer> {
  const headers: Record<string, string> = { accept: opts.accept ?? 'application/json' };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  const { body } = opts;
  const payload = body === undefined || typeof body === 'string' ? body : JSON.stringify(body);
  if (payload !== undefined) headers['content-type'] = opts.contentType ?? 'application/json';
  const { method, ca, rejectUnauthorized } = opts;
  return httpRequest(url, { method, headers, body: payload, ca, rejectUnauthorized });
}
