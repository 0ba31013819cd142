/**
 * The simulated nodes' kubelet endpoint over HTTPS (self-signed, made with the openssl CLI):
 * `GET /containerLogs/{namespace}/{pod}/{container}` with the kubelet's query parameters
 * (previous, tailLines, limitBytes, timestamps, sinceSeconds, sinceTime, follow), which is what
 * kube-apiserver's pods/log proxies to. Errors are the kubelet's: status 400, the message as
 * plain text (the API server turns it into its Status).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { serveLogs } from '../api/logs-handler';
import { ApiError } from '../api/status';
import type { Cluster } from '../cluster/cluster';

/** A self-signed certificate for 127.0.0.1/localhost (PEM). */
export function selfSignedCert(commonName: string): { cert: string; key: string } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'podtrail-kubelet-cert-'));
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '30',
        '-subj',
        `/CN=${commonName}`,
        '-addext',
        'subjectAltName=IP:127.0.0.1,DNS:localhost',
        '-keyout',
        path.join(dir, 'key.pem'),
        '-out',
        path.join(dir, 'cert.pem'),
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    return {
      cert: readFileSync(path.join(dir, 'cert.pem'), 'utf8'),
      key: readFileSync(path.join(dir, 'key.pem'), 'utf8'),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A running kubelet endpoint shared by every simulated node. */
export interface KubeletServer {
  port: number;
  cert: string;
  requests: number;
  stop(): Promise<void>;
}

export async function startKubeletServer(cluster: Cluster): Promise<KubeletServer> {
  const tls = selfSignedCert('sandbox-kubelet');
  const state = { requests: 0 };
  const server: Server = createServer(tls, (req, res) => {
    state.requests++;
    const url = new URL(req.url ?? '/', 'https://127.0.0.1');
    const m = /^\/containerLogs\/([^/]+)\/([^/]+)\/([^/]+)\/?$/.exec(url.pathname);
    if (req.method !== 'GET' || !m) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('404 page not found\n');
      return;
    }
    const [ns, pod, container] = [m[1], m[2], m[3]].map((s) => decodeURIComponent(s ?? ''));
    const q = url.searchParams;
    q.set('container', container ?? '');
    try {
      serveLogs(
        req,
        res,
        { store: cluster.store, kubelet: cluster.kubelet, now: () => cluster.clock.now() },
        ns ?? '',
        pod ?? '',
        q,
      );
    } catch (err) {
      const code = err instanceof ApiError ? err.code : 500;
      // The kubelet answers a missing pod with 404 "pod not found"-like text, the rest as 400.
      res.writeHead(code, { 'content-type': 'text/plain; charset=utf-8' });
      res.end((err as Error).message);
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    cert: tls.cert,
    get requests() {
      return state.requests;
    },
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
