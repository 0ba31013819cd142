// The Playwright web server of the `real` project: a real control plane (etcd + kube-apiserver
// 1.37 from .peers/bin), the sandbox's simulator playing every scenario on it, and the same
// production build as the other journeys, reading the real API server through a kubeconfig.
// The simulator's control API is served on port+1 (E2E_REAL_CONTROL_URL) for the specs.
// The dashboard reads with least privilege: deploy/manifests/podtrail.yaml is applied with the
// real kubectl and Podtrail gets a token of its ServiceAccount (TokenRequest), nothing more.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { REAL_CONTEXT, startRealApiServer, type RealApiServer } from '../contract/apiserver';
import { peerPath } from '../contract/peers';
import { startSimulator } from '../sandbox/real/simulate';

/** Applies the chart's plain manifests; a kubeconfig with a token of the podtrail ServiceAccount. */
function serviceAccountKubeconfig(cp: RealApiServer, admin: string, file: string): string {
  const kubectl = (...args: string[]) =>
    execFileSync(peerPath('kubectl'), ['--kubeconfig', admin, ...args], { encoding: 'utf8' });
  kubectl('create', 'namespace', 'podtrail');
  kubectl('apply', '-f', path.resolve(__dirname, '..', 'deploy', 'manifests', 'podtrail.yaml'));
  const token = kubectl('create', 'token', 'podtrail', '-n', 'podtrail', '--duration=24h').trim();
  return cp.writeKubeconfig(file, token);
}

async function main(): Promise<void> {
  const arg = process.argv.indexOf('--port');
  const port = Number(arg > 0 ? process.argv[arg + 1] : (process.env.E2E_REAL_PORT ?? 3108));
  const dir = mkdtempSync(path.join(os.tmpdir(), 'podtrail-e2e-real-'));
  const kubeconfig = path.join(dir, 'kubeconfig');
  const cp = await startRealApiServer({ kubeconfigPath: kubeconfig });
  const sim = await startSimulator({
    kubeconfigPath: kubeconfig,
    context: REAL_CONTEXT,
    log: (m) => console.error(m),
  });
  // Specs ask the API server what it says, to compare with the page: GET <info>/api/... is
  // answered by kube-apiserver (admin token) once the simulator has written everything so far.
  // POST/DELETE pass through too (a spec binds RBAC roles); GET /kubeconfig is the admin
  // kubeconfig's path (a spec starts another dashboard on this API server).
  const info = createServer((req, res) => {
    if (req.url === '/kubeconfig') {
      res.end(kubeconfig);
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    const body = new Promise<unknown>((resolve) =>
      req.on('end', () =>
        resolve(chunks.length ? JSON.parse(Buffer.concat(chunks).toString()) : undefined),
      ),
    );
    void Promise.all([sim.synced(), body])
      .then(([, sent]) => cp.request(req.method ?? 'GET', req.url ?? '/', sent, { accept: '*/*' }))
      .then((answer) => {
        res.writeHead(answer.status, { 'content-type': 'application/json' });
        res.end(answer.body);
      })
      .catch((err: unknown) => {
        res.writeHead(502);
        res.end(String(err));
      });
  });
  await new Promise<void>((resolve) => info.listen(port + 1, '127.0.0.1', () => resolve()));
  const root = path.resolve(__dirname, '..');
  const dashboard = spawn(
    process.execPath,
    [
      path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next'),
      'start',
      '-H',
      '127.0.0.1',
      '-p',
      String(port),
    ],
    {
      cwd: root,
      stdio: 'inherit',
      env: {
        ...process.env,
        KUBECONFIG: serviceAccountKubeconfig(cp, kubeconfig, path.join(dir, 'podtrail-sa')),
        PODTRAIL_DATA_DIR: path.join(dir, 'data'),
        NEXT_TELEMETRY_DISABLED: '1',
      },
    },
  );
  console.log(
    `e2e-real: dashboard http://127.0.0.1:${port} as system:serviceaccount:podtrail:podtrail, kube-apiserver ${cp.url}`,
  );
  let stopping = false;
  const shutdown = () => {
    if (stopping) return;
    stopping = true;
    dashboard.kill('SIGTERM');
    info.close();
    void sim
      .stop({ keep: true })
      .then(() => cp.stop())
      .then(() => rmSync(dir, { recursive: true, force: true }))
      .then(() => process.exit(0));
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
