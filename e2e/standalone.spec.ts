// Journey: the container image, without Docker. The standalone output is copied the way the
// Dockerfile copies it, made read-only, and started as the image starts it (`node
// podtrail-server.cjs` beside server.js), as an unprivileged user when the test runs as root,
// with only a data directory writable; it must serve the board of the e2e sandbox.
import { expect, test } from '@playwright/test';
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sandboxKubeconfig } from './server-process';

const root = path.resolve(__dirname, '..');
const port = Number(process.env.E2E_PORT ?? 3107) + 8;
const nobody = 65534;

function listing(dir: string): string {
  return execFileSync('find', [dir, '-printf', '%p %s %T@\n'], { encoding: 'utf8' });
}

test('the standalone output serves the board from a read-only copy as a non-root user', async () => {
  test.setTimeout(120_000);
  const image = mkdtempSync(path.join(os.tmpdir(), 'podtrail-image-'));
  const app = path.join(image, 'app');
  cpSync(path.join(root, '.next', 'standalone'), app, { recursive: true });
  cpSync(path.join(root, '.next', 'static'), path.join(app, '.next', 'static'), {
    recursive: true,
  });
  cpSync(path.join(root, 'bin', 'podtrail-server.cjs'), path.join(app, 'podtrail-server.cjs'));
  const data = path.join(image, 'data');
  mkdirSync(data);
  const kubeconfig = sandboxKubeconfig();
  const asRoot = process.getuid?.() === 0;
  execFileSync('chmod', ['-R', 'a-w,a+rX', app]);
  chmodSync(image, 0o755);
  chmodSync(path.dirname(kubeconfig), 0o755);
  chmodSync(kubeconfig, 0o644);
  if (asRoot) execFileSync('chown', [`${nobody}:${nobody}`, data]);
  const before = listing(app);

  let output = '';
  const child = spawn(process.execPath, ['podtrail-server.cjs'], {
    cwd: app,
    uid: asRoot ? nobody : undefined,
    gid: asRoot ? nobody : undefined,
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      HOME: data,
      HOST: '127.0.0.1',
      PORT: String(port),
      KUBECONFIG: kubeconfig,
      PODTRAIL_DATA_DIR: data,
      PODTRAIL_AUTH: 'token',
      PODTRAIL_AUTH_TOKEN: 'standalone-test-token-0123456',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  try {
    const base = `http://127.0.0.1:${port}`;
    await expect
      .poll(
        async () => {
          try {
            return (await fetch(`${base}/api/health`)).status;
          } catch {
            return 0;
          }
        },
        { timeout: 90_000, message: 'the standalone server to answer /api/health with 200' },
      )
      .toBe(200);
    if (asRoot) {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      expect(status).toMatch(new RegExp(`^Uid:\\s+${nobody}\\s`, 'm'));
    }
    // Signed in with the token, the board answers with the sandbox's unhealthy workloads.
    const signIn = await fetch(`${base}/api/auth/sign-in`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'token=standalone-test-token-0123456&next=%2F',
    });
    const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0]!;
    expect(cookie).toMatch(/^podtrail_session=/);
    const board = await (await fetch(`${base}/api/board`, { headers: { cookie } })).json();
    expect(board.rows.length).toBeGreaterThan(0);
    const page = await fetch(`${base}/`, { headers: { cookie } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('report-builder');
    // Nothing was written into the application's files.
    expect(listing(app)).toBe(before);
    expect(output).not.toMatch(/EACCES|EROFS/);
  } catch (error) {
    console.error(output);
    throw error;
  } finally {
    child.kill('SIGTERM');
  }
});
