/**
 * The two targets of the contract suite: the in-memory sandbox, and a real kube-apiserver (the
 * `real` project's control plane, the simulator playing the same scenarios on it). Both are
 * reached over HTTP(S) with a bearer token, both take the same control verbs over HTTP.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startSandbox } from '../sandbox';
import { compactEtcd } from './apiserver';
import { rawRequest, realEnv, type Answer } from './real-env';

export interface Target {
  name: 'sandbox' | 'kube-apiserver';
  url: string;
  kubeconfig: string;
  adminToken: string;
  restrictedToken: string;
  /** An API request with the admin token unless `token` says otherwise. */
  get(
    apiPath: string,
    opts?: { token?: string; accept?: string; method?: string; body?: unknown },
  ): Promise<Answer>;
  /** A sandbox control verb (crash, delete-pod, ...), then waits for it to show on the server. */
  control(verb: string, params?: Record<string, string>): Promise<Answer>;
  /** Makes every older resourceVersion answer 410 (sandbox: compact; real: etcd compaction). */
  compact(): Promise<void>;
  stop(): Promise<void>;
}

const ADMIN = 'contract-admin-token';
const RESTRICTED = 'contract-restricted-token';

export async function sandboxTarget(): Promise<Target> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'podtrail-contract-'));
  const sb = await startSandbox({
    port: 0,
    token: ADMIN,
    restrictedToken: RESTRICTED,
    kubeconfigPath: path.join(dir, 'kubeconfig'),
  });
  const target: Target = {
    name: 'sandbox',
    url: sb.url,
    kubeconfig: sb.kubeconfigPath!,
    adminToken: ADMIN,
    restrictedToken: RESTRICTED,
    get: (apiPath, opts = {}) => rawRequest(sb.url + apiPath, { token: ADMIN, ...opts }),
    control: (verb, params = {}) =>
      rawRequest(`${sb.url}/sandbox/control/${verb}?${new URLSearchParams(params)}`, {
        method: 'POST',
      }),
    compact: async () => {
      await target.control('compact');
    },
    stop: async () => {
      await sb.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return target;
}

export function realTarget(): Target {
  const env = realEnv();
  return {
    name: 'kube-apiserver',
    url: env.url,
    kubeconfig: env.kubeconfig,
    adminToken: env.adminToken,
    restrictedToken: env.restrictedToken,
    get: (apiPath, opts = {}) =>
      rawRequest(env.url + apiPath, { token: env.adminToken, ca: env.caCert, ...opts }),
    control: async (verb, params = {}) => {
      const res = await rawRequest(
        `${env.controlUrl}/sandbox/control/${verb}?${new URLSearchParams(params)}`,
        { method: 'POST' },
      );
      await rawRequest(`${env.controlUrl}/sandbox/control/synced`, { method: 'POST' });
      return res;
    },
    compact: async () => {
      await compactEtcd(env.etcdUrl);
    },
    stop: async () => undefined,
  };
}
