/**
 * A real Kubernetes control plane for tests: etcd + kube-apiserver (1.37, built from Go modules by
 * scripts/build-peers.sh) on free localhost ports, static bearer tokens, RBAC authorisation, and
 * what the controller-manager would have created (each system namespace's `default`
 * ServiceAccount). No controller-manager, scheduler or kubelet runs: the sandbox's simulator plays
 * those (`npm run sandbox -- --apiserver KUBECONFIG --context real`).
 *
 *   const cp = await startRealApiServer({ kubeconfigPath: '/tmp/kc' });
 *   cp.url; cp.adminToken; cp.restrictedToken; cp.etcdUrl; await cp.compactEtcd(); await cp.stop();
 *
 * For fault tests: `cp.apiserverPid()` (SIGSTOP/SIGCONT it), `cp.restartApiServer()` (same etcd),
 * `cp.replaceCluster()` (a fresh etcd: another cluster at the same address, same certificate and
 * tokens).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';
import { apiRequest } from '../sandbox/real/http-request';
import { buildPeers, peerPath } from './peers';

/** The Kubernetes minor every peer here is pinned to (contract/kube/go.mod). */
export const KUBERNETES_VERSION = 'v1.37.2';
/** Context (and cluster and user) name in the kubeconfig this writes. */
export const REAL_CONTEXT = 'real';
/** The user behind `restrictedToken`: authenticated, bound to nothing (RBAC answers 403). */
export const RESTRICTED_USER = 'podtrail-restricted';

export interface RealApiServerOptions {
  /** Write a kubeconfig here (context `real`, admin token, the serving certificate as CA). */
  kubeconfigPath?: string;
  /** Run scripts/build-peers.sh for etcd and kube-apiserver first (default false: they must exist). */
  build?: boolean;
  /** Extra kube-apiserver flags (e.g. `--watch-cache=false`). */
  extraArgs?: string[];
  /** Where the servers' own logs go (default: kept in memory, shown when start-up fails). */
  logFile?: string;
}

export interface RealApiServer {
  /** `https://127.0.0.1:PORT` */
  url: string;
  port: number;
  /** Serving certificate(s) of kube-apiserver (PEM), usable as the kubeconfig's CA. */
  caCert: string;
  /** Bearer token of `admin` (group system:masters). */
  adminToken: string;
  /** Bearer token of `podtrail-restricted` (no RBAC bindings: 403 everywhere but discovery). */
  restrictedToken: string;
  /** etcd's client URL (`http://127.0.0.1:PORT`, v3 JSON gateway under /v3/). */
  etcdUrl: string;
  kubeconfigPath?: string;
  /** Writes a kubeconfig (context `real`) for a token to a file and returns the path. */
  writeKubeconfig(file: string, token?: string): string;
  /** An authenticated request to kube-apiserver (admin token unless one is given). */
  request(
    method: string,
    apiPath: string,
    body?: unknown,
    opts?: { token?: string; contentType?: string; accept?: string },
  ): Promise<{ status: number; body: string; json: () => unknown }>;
  /** Compacts etcd's history up to its current revision (older resourceVersions then get 410). */
  compactEtcd(): Promise<string>;
  /** The running kube-apiserver's process id (it changes with a restart). */
  apiserverPid(): number;
  /** Stops kube-apiserver and starts it again on the same port, certificate, tokens and etcd. */
  restartApiServer(): Promise<void>;
  /**
   * Stops kube-apiserver and etcd and starts a fresh pair (empty etcd: a new kube-system UID, a
   * lower resourceVersion) on the same port, with the same certificate and tokens — another
   * cluster answering at the same address. `etcdUrl` changes.
   */
  replaceCluster(): Promise<void>;
  stop(): Promise<void>;
}

const SYSTEM_NAMESPACES = ['default', 'kube-system', 'kube-public', 'kube-node-lease'];

/** A free TCP port on 127.0.0.1 (bind port 0, read it back, release it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** Keeps the last `max` characters a stream wrote. */
function tail(max = 16_384): { push(s: string): void; text(): string } {
  let buf = '';
  return {
    push(s) {
      buf = (buf + s).slice(-max);
    },
    text: () => buf,
  };
}

function token(): string {
  return randomBytes(24).toString('hex');
}

async function httpJson(url: string, body: unknown): Promise<unknown> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`etcd ${url}: ${res.status} ${text}`);
  return JSON.parse(text) as unknown;
}

interface Child {
  proc: ChildProcess;
  log: ReturnType<typeof tail>;
  exited: Promise<number | null>;
}

function startChild(name: string, file: string, args: string[], logFile?: string): Child {
  const proc = spawn(file, args, {
    // stdin stays open as a lifeline: the child stops itself when it closes (we died).
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, PODTRAIL_EXIT_ON_STDIN_EOF: '1' },
  });
  const log = tail();
  const onData = (c: Buffer) => {
    const s = c.toString('utf8');
    log.push(s);
    if (logFile) writeFileSync(logFile, `[${name}] ${s}`, { flag: 'a' });
  };
  proc.stdout?.on('data', onData);
  proc.stderr?.on('data', onData);
  const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
  return { proc, log, exited };
}

async function stopChild(child: Child, graceMs = 10_000): Promise<void> {
  if (child.proc.exitCode !== null || child.proc.signalCode !== null) return;
  child.proc.kill('SIGTERM');
  const timer = setTimeout(() => child.proc.kill('SIGKILL'), graceMs);
  await child.exited;
  clearTimeout(timer);
}

// Children still running when this process exits are killed (and temp dirs removed) synchronously.
const live = new Set<{ children: Child[]; dir: string }>();
let exitHookInstalled = false;
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const cp of live) {
      for (const c of cp.children) if (c.proc.exitCode === null) c.proc.kill('SIGKILL');
      rmSync(cp.dir, { recursive: true, force: true });
    }
  });
}

export async function startRealApiServer(opts: RealApiServerOptions = {}): Promise<RealApiServer> {
  if (opts.build) buildPeers(['etcd', 'kube-apiserver']);
  const etcdBin = peerPath('etcd');
  const apiserverBin = peerPath('kube-apiserver');

  const dir = mkdtempSync(path.join(os.tmpdir(), 'podtrail-apiserver-'));
  const entry = { children: [] as Child[], dir };
  live.add(entry);
  installExitHook();
  const cleanup = async () => {
    for (const c of [...entry.children].reverse()) await stopChild(c);
    rmSync(dir, { recursive: true, force: true });
    live.delete(entry);
  };
  const stopOne = async (child: Child) => {
    await stopChild(child);
    entry.children = entry.children.filter((c) => c !== child);
  };

  try {
    // Credentials: a service-account signing key pair and a static token file.
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    writeFileSync(path.join(dir, 'sa.key'), privateKey.export({ type: 'pkcs8', format: 'pem' }), {
      mode: 0o600,
    });
    writeFileSync(path.join(dir, 'sa.pub'), publicKey.export({ type: 'spki', format: 'pem' }));
    const adminToken = token();
    const restrictedToken = token();
    writeFileSync(
      path.join(dir, 'tokens.csv'),
      `${adminToken},admin,admin-uid,"system:masters"\n${restrictedToken},${RESTRICTED_USER},restricted-uid\n`,
      { mode: 0o600 },
    );

    let etcdRun = 0;
    const etcd = await startEtcd(etcdBin, path.join(dir, `etcd-${etcdRun}`), opts.logFile);
    entry.children.push(etcd.child);
    let etcdChild = etcd.child;
    let etcdUrl = etcd.url;

    const port = await freePort();
    const url = `https://127.0.0.1:${port}`;
    const request: RealApiServer['request'] = async (method, apiPath, body, o = {}) => {
      const token = o.token ?? adminToken;
      const answer = await apiRequest(url + apiPath, {
        ...o,
        method,
        token,
        body,
        rejectUnauthorized: false,
      });
      return { status: answer.status, body: answer.text, json: () => JSON.parse(answer.text) };
    };

    const startApiServer = async (): Promise<Child> => {
      const child = startChild(
        'kube-apiserver',
        apiserverBin,
        [
          `--etcd-servers=${etcdUrl}`,
          '--bind-address=127.0.0.1',
          '--advertise-address=127.0.0.1',
          // 1.37 refuses a loopback advertise address with the lease endpoint reconciler; with no
          // reconciler the `kubernetes` Service simply has no Endpoints (nothing here dials it).
          '--endpoint-reconciler-type=none',
          `--secure-port=${port}`,
          // Kept across restarts: the same serving certificate, so clients' kubeconfigs still fit.
          `--cert-dir=${path.join(dir, 'certs')}`,
          '--service-account-issuer=https://kubernetes.default.svc',
          `--service-account-key-file=${path.join(dir, 'sa.pub')}`,
          `--service-account-signing-key-file=${path.join(dir, 'sa.key')}`,
          `--token-auth-file=${path.join(dir, 'tokens.csv')}`,
          '--authorization-mode=RBAC',
          '--service-cluster-ip-range=10.0.0.0/24',
          // As kubeadm configures it: reach kubelets by the node's InternalIP.
          '--kubelet-preferred-address-types=InternalIP,ExternalIP,Hostname',
          ...(opts.extraArgs ?? []),
        ],
        opts.logFile,
      );
      entry.children.push(child);
      await untilReady(child, request);
      // What the controller-manager would do: each namespace's `default` ServiceAccount.
      for (const ns of SYSTEM_NAMESPACES) await ensureServiceAccount(request, ns);
      return child;
    };
    let apiserver = await startApiServer();

    const caCert = readFileSync(path.join(dir, 'certs', 'apiserver.crt'), 'utf8');
    const writeKubeconfig = (file: string, tok = adminToken) =>
      writeRealKubeconfig(file, url, caCert, tok);
    if (opts.kubeconfigPath) writeKubeconfig(opts.kubeconfigPath);

    const server: RealApiServer = {
      url,
      port,
      caCert,
      adminToken,
      restrictedToken,
      etcdUrl,
      kubeconfigPath: opts.kubeconfigPath,
      writeKubeconfig,
      request,
      compactEtcd: () => compactEtcd(etcdUrl),
      apiserverPid: () => apiserver.proc.pid ?? 0,
      restartApiServer: async () => {
        await stopOne(apiserver);
        apiserver = await startApiServer();
      },
      replaceCluster: async () => {
        await stopOne(apiserver);
        await stopOne(etcdChild);
        rmSync(path.join(dir, `etcd-${etcdRun}`), { recursive: true, force: true });
        etcdRun += 1;
        const fresh = await startEtcd(etcdBin, path.join(dir, `etcd-${etcdRun}`), opts.logFile);
        entry.children.push(fresh.child);
        etcdChild = fresh.child;
        etcdUrl = fresh.url;
        server.etcdUrl = etcdUrl;
        apiserver = await startApiServer();
      },
      stop: cleanup,
    };
    return server;
  } catch (err) {
    await cleanup();
    throw err;
  }
}

/** etcd on free ports (chosen here: its JSON gateway dials the advertised client URL, which must
 * name the real port); it prints "ready <url>" when it is. */
async function startEtcd(
  file: string,
  dataDir: string,
  logFile: string | undefined,
): Promise<{ child: Child; url: string }> {
  const etcd = startChild(
    'etcd',
    file,
    [
      '--data-dir',
      dataDir,
      '--client-port',
      String(await freePort()),
      '--peer-port',
      String(await freePort()),
    ],
    logFile,
  );
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`etcd not ready after 60 s:\n${etcd.log.text()}`)),
      60_000,
    );
    let out = '';
    etcd.proc.stdout?.on('data', (c: Buffer) => {
      out += c.toString('utf8');
      const m = /^ready (http:\/\/\S+)$/m.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    void etcd.exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`etcd exited (${code}) before it was ready:\n${etcd.log.text()}`));
    });
  }).catch(async (err: unknown) => {
    await stopChild(etcd);
    throw err;
  });
  return { child: etcd, url };
}

/** Waits until kube-apiserver's /readyz says ok (2.5–4 s here). */
async function untilReady(apiserver: Child, request: RealApiServer['request']): Promise<void> {
  const deadline = Date.now() + 90_000;
  let exited = false;
  void apiserver.exited.then(() => (exited = true));
  for (;;) {
    if (exited)
      throw new Error(`kube-apiserver exited before it was ready:\n${apiserver.log.text()}`);
    if (Date.now() > deadline)
      throw new Error(`kube-apiserver not ready after 90 s:\n${apiserver.log.text()}`);
    const res = await request('GET', '/readyz').catch(() => undefined);
    if (res?.status === 200) return;
    await new Promise((r) => setTimeout(r, 150));
  }
}

/**
 * Compacts etcd's history up to its current revision through the v3 JSON gateway (the current
 * revision comes with any range answer); returns that revision. Older resourceVersions then
 * answer 410 Expired wherever the API server has to ask etcd for them.
 */
export async function compactEtcd(etcdUrl: string): Promise<string> {
  const range = (await httpJson(`${etcdUrl}/v3/kv/range`, {
    key: Buffer.from('/').toString('base64'),
    limit: 1,
  })) as { header: { revision: string } };
  const revision = range.header.revision;
  await httpJson(`${etcdUrl}/v3/kv/compaction`, { revision, physical: true });
  return revision;
}

/** Creates namespace `ns`'s `default` ServiceAccount unless it exists (retries until `ns` does). */
export async function ensureServiceAccount(
  request: RealApiServer['request'],
  ns: string,
  timeoutMs = 30_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await request('POST', `/api/v1/namespaces/${ns}/serviceaccounts`, {
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: { name: 'default', namespace: ns },
    });
    if (res.status === 201 || res.status === 409) return;
    // The namespace may not exist yet (the API server creates the system ones just after start).
    if (Date.now() > deadline)
      throw new Error(`creating ServiceAccount ${ns}/default: ${res.status} ${res.body}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** A kubeconfig whose cluster, context and user are named `real`. */
export function writeRealKubeconfig(
  file: string,
  server: string,
  caCert: string,
  bearer: string,
): string {
  const config = {
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [
      {
        name: REAL_CONTEXT,
        cluster: { server, 'certificate-authority-data': Buffer.from(caCert).toString('base64') },
      },
    ],
    contexts: [
      {
        name: REAL_CONTEXT,
        context: { cluster: REAL_CONTEXT, user: REAL_CONTEXT, namespace: 'default' },
      },
    ],
    'current-context': REAL_CONTEXT,
    users: [{ name: REAL_CONTEXT, user: { token: bearer } }],
    preferences: {},
  };
  writeFileSync(file, stringify(config), { mode: 0o600 });
  return file;
}
