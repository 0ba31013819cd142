// Journey: Podtrail is stopped (SIGTERM, as a rollout or Ctrl-C does) while two wall screens
// watch it live. A second dashboard of its own is started for this (the shared one serves the other
// specs): the screens are told to reconnect, the history store is closed cleanly, the process
// exits by itself; started again on the same data, the store opens without a problem and the
// screens are live again without a reload.
import { expect, test, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sandboxUrl, screenshot } from './helpers';

const port = Number(process.env.E2E_PORT ?? 3107) + 6;
const base = `http://127.0.0.1:${port}`;
const root = path.resolve(__dirname, '..');

interface Dashboard {
  proc: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function startDashboard(kubeconfig: string, dataDir: string): Dashboard {
  // What `npm start` runs (start-up checks, then Next's server with Podtrail's signal handler).
  const proc = spawn(process.execPath, [path.join(root, 'bin', 'podtrail-server.cjs')], {
    cwd: root,
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(port),
      KUBECONFIG: kubeconfig,
      PODTRAIL_DATA_DIR: dataDir,
      NEXT_TELEMETRY_DISABLED: '1',
      NEXT_MANUAL_SIG_HANDLE: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  proc.stdout!.on('data', (c: Buffer) => (out += c.toString('utf8')));
  proc.stderr!.on('data', (c: Buffer) => (out += c.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
  return { proc, output: () => out, exited };
}

async function healthOf(): Promise<Record<string, unknown> | undefined> {
  const response = await fetch(`${base}/api/health`).catch(() => undefined);
  return response
    ? ((await response.json().catch(() => undefined)) as Record<string, unknown>)
    : undefined;
}

async function openKiosk(page: Page) {
  await page.goto(`${base}/?kiosk=1`);
  await expect(page.getByTestId('kiosk')).toHaveAttribute('data-connection', 'live');
}

test('SIGTERM with two live wall screens: told to reconnect, store closed, exit, live again after a restart', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'podtrail-shutdown-'));
  const kubeconfig = path.join(dir, 'kubeconfig');
  writeFileSync(
    kubeconfig,
    JSON.stringify({
      apiVersion: 'v1',
      kind: 'Config',
      clusters: [{ name: 'sandbox', cluster: { server: sandboxUrl } }],
      users: [{ name: 'sandbox', user: {} }],
      contexts: [{ name: 'sandbox', context: { cluster: 'sandbox', user: 'sandbox' } }],
      'current-context': 'sandbox',
    }),
  );
  const dataDir = path.join(dir, 'data');
  let dashboard = startDashboard(kubeconfig, dataDir);
  try {
    await expect.poll(async () => (await healthOf())?.history, { timeout: 60_000 }).toBe('pglite');
    const screens = [await browser.newPage(), await browser.newPage()];
    for (const screen of screens) await openKiosk(screen);

    dashboard.proc.kill('SIGTERM');
    expect(await dashboard.exited).toBe(0);
    const log = dashboard.output();
    expect(log).toMatch(
      /podtrail: SIGTERM: stopped watches and recorders, closed the history store, told 2 live view\(s\) to reconnect/,
    );
    expect(log).not.toContain('(timed out)');
    // The screens know they are not live any more (they were told, not left hanging).
    for (const screen of screens)
      await expect(screen.getByTestId('kiosk')).not.toHaveAttribute('data-connection', 'live');
    await screenshot(screens[0]!, 'shutdown-kiosk-down');

    // Started again on the same data: the store opens as it was left (nothing moved aside), and
    // the screens come back live by themselves.
    dashboard = startDashboard(kubeconfig, dataDir);
    await expect.poll(async () => (await healthOf())?.history, { timeout: 60_000 }).toBe('pglite');
    expect((await healthOf())?.historyProblem).toBeUndefined();
    expect(readdirSync(dir).filter((name) => name.includes('broken'))).toEqual([]);
    expect(readdirSync(dataDir).filter((name) => name.includes('broken'))).toEqual([]);
    for (const screen of screens)
      await expect(screen.getByTestId('kiosk')).toHaveAttribute('data-connection', 'live', {
        timeout: 60_000,
      });
    await screenshot(screens[0]!, 'shutdown-kiosk-back');
  } finally {
    if (dashboard.proc.exitCode === null) {
      dashboard.proc.kill('SIGTERM');
      await dashboard.exited;
    }
    rmSync(dir, { recursive: true, force: true });
  }
});
