// Journey: a team runs Podtrail beyond loopback. It will not listen on a network address
// without a sign-in mode; with one, every route refuses the unauthenticated (pages go to sign-in
// and come back to the deep link afterwards; APIs and the event stream answer 401); the kiosk
// screen gets a read-only link; behind an auth proxy, identity headers count only from it.
import { expect, test } from '@playwright/test';
import { scenarioPod, screenshot } from './helpers';
import { freePort, startServer, whenListening, type ServerProcess } from './server-process';

// Fresh servers answer each route's first request cold; on 2 busy cores that takes a while.
test.describe.configure({ mode: 'serial', timeout: 180_000 });

// Ports: the sandbox is E2E_PORT+1, the real-apiserver project +2/+3; extra dashboards take free ports.
const alertsToken = 'alertmanager-receiver-token';
const token = 'e2e-shared-access-token-4f1c9a';
const kioskToken = 'e2e-kiosk-link-token-77d2e0b1';

/** Every route a person or the browser can reach, with a real pod of the sandbox. */
async function everyRoute(request: import('@playwright/test').APIRequestContext) {
  const row = await scenarioPod(request, 'oom-no-limit');
  const api = `/api/clusters/sandbox/namespaces/${row.namespace}`;
  const pod = `/c/sandbox/ns/${row.namespace}/pods/${row.pod}`;
  return {
    row,
    pages: ['/', '/?kiosk=1', '/import', pod, `${pod}/report`],
    apis: [
      '/api/clusters',
      '/api/board',
      `${api}/pods/${row.pod}`,
      `${api}/pods/${row.pod}/log?container=report-builder&previous=true`,
      `${api}/workloads/${row.kind}/${row.name}`,
      '/api/stream?scope=board',
      `/api/stream?scope=pod&cluster=sandbox&namespace=${row.namespace}&pod=${row.pod}`,
    ],
  };
}

async function get(url: string, headers: Record<string, string> = {}) {
  const controller = new AbortController();
  const response = await fetch(url, { redirect: 'manual', headers, signal: controller.signal });
  const status = response.status;
  const location = response.headers.get('location');
  const type = response.headers.get('content-type') ?? '';
  const body = type.includes('event-stream') ? '' : await response.text();
  controller.abort();
  return { status, location, body, headers: response.headers };
}

test('refuses to listen on a network address without a sign-in mode, naming the setting', async () => {
  const open = startServer(await freePort(), { HOST: '0.0.0.0' });
  expect(await open.exited).toBe(1);
  expect(open.output()).toContain('refusing to listen on 0.0.0.0');
  expect(open.output()).toContain('PODTRAIL_AUTH');
  const half = startServer(await freePort(), { HOST: '0.0.0.0', PODTRAIL_AUTH: 'token' });
  expect(await half.exited).toBe(1);
  expect(half.output()).toContain('PODTRAIL_AUTH=token needs PODTRAIL_AUTH_TOKEN');
});

test.describe('shared access token', () => {
  let server: ServerProcess;
  test.beforeAll(async () => {
    server = startServer(await freePort(), {
      PODTRAIL_AUTH: 'token',
      PODTRAIL_AUTH_TOKEN: token,
      PODTRAIL_KIOSK_TOKEN: kioskToken,
      PODTRAIL_ALERTS_TOKEN: alertsToken,
    });
    await whenListening(server);
  });
  test.afterAll(() => server?.stop());

  test('Alertmanager delivers with its receiver token and nothing else', async () => {
    const deliver = (authorization?: string) =>
      fetch(`${server.url}/api/alerts`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(authorization && { authorization }) },
        body: JSON.stringify({ version: '4', status: 'firing', receiver: 'podtrail', alerts: [] }),
      });
    expect((await deliver()).status).toBe(401);
    expect((await deliver(`Bearer ${token}`)).status).toBe(401);
    // Past sign-in and the receiver token, the route's own parser answers (an empty delivery).
    const reached = await deliver(`Bearer ${alertsToken}`);
    expect(reached.status).toBe(400);
    expect(await reached.text()).toContain('alerts');
    expect(reached.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    // The receiver token opens the webhook only, not the board.
    const board = await fetch(`${server.url}/api/board`, {
      headers: { authorization: `Bearer ${alertsToken}` },
    });
    expect(board.status).toBe(401);
  });

  test('refuses every route before sign-in: pages go to sign-in, APIs and streams 401', async ({
    request,
  }) => {
    const { pages, apis } = await everyRoute(request);
    for (const route of pages) {
      const answer = await get(server.url + route);
      expect(answer.status, route).toBe(303);
      expect(answer.location, route).toBe(`/sign-in?next=${encodeURIComponent(route)}`);
    }
    for (const route of apis) {
      const answer = await get(server.url + route);
      expect(answer.status, route).toBe(401);
      expect(answer.body, route).toContain('Sign in first');
    }
    const upload = await fetch(`${server.url}/api/diagnose`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ files: [{ name: 'x.log', text: 'OOMKilled' }] }),
    });
    expect(upload.status).toBe(401);
    // The probe answers without a session, and without naming any cluster.
    const health = await get(`${server.url}/api/health`);
    expect(health.status).toBe(200);
    expect(JSON.parse(health.body)).toEqual({ ok: true });
  });

  test('a deep link survives sign-in; a wrong token is refused', async ({ page, request }) => {
    const { row } = await everyRoute(request);
    const deep = `/c/sandbox/ns/${row.namespace}/pods/${row.pod}?container=report-builder`;
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(server.url + deep);
    await expect(page).toHaveURL(/\/sign-in\?next=/);
    await expect(page.getByRole('heading', { name: 'Sign in to Podtrail' })).toBeVisible();
    await expect(page.getByText(deep)).toBeVisible();
    await screenshot(page, 'sign-in');
    await page.getByLabel('Access token').fill('not-the-token-at-all');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByText('That access token is not right')).toBeVisible();
    await page.getByLabel('Access token').fill(token);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(server.url + deep);
    await expect(page.getByTestId('cause')).toBeVisible();
    const [cookie] = await page.context().cookies(server.url);
    expect(cookie).toMatchObject({
      name: 'podtrail_session',
      httpOnly: true,
      secure: true,
      sameSite: 'Lax',
    });
  });

  test('rate-limits wrong tokens per client address: then even the right one waits', async () => {
    const attempt = (value: string) =>
      fetch(`${server.url}/api/auth/sign-in`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ token: value, next: '/' }).toString(),
      });
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await attempt(`wrong-${i}`)).status);
    // One wrong try was spent by the browser test above; the limit is 5 a minute.
    expect(statuses.filter((s) => s === 303).length).toBeLessThanOrEqual(5);
    expect(statuses.at(-1)).toBe(429);
    const right = await attempt(token);
    expect(right.status).toBe(429);
    expect(Number(right.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  test('a kiosk link opens the board read-only and nothing else', async ({ page, request }) => {
    const { row } = await everyRoute(request);
    await page.goto(`${server.url}/?kiosk=1&kiosk-token=${kioskToken}`);
    await expect(page).toHaveURL(`${server.url}/?kiosk=1`);
    await expect(page.getByTestId('kiosk')).toContainText('report-builder');
    const pod = await page.goto(`${server.url}/c/sandbox/ns/${row.namespace}/pods/${row.pod}`);
    expect(pod?.status()).toBe(403);
    const bad = await get(`${server.url}/?kiosk=1&kiosk-token=wrong-kiosk-token-000000`);
    expect(bad.status).toBe(401);
  });
});

test.describe('auth proxy headers', () => {
  let trusted: ServerProcess;
  let untrusted: ServerProcess;
  test.beforeAll(async () => {
    trusted = startServer(await freePort(), {
      PODTRAIL_AUTH: 'proxy',
      PODTRAIL_AUTH_PROXY_ADDRESSES: '127.0.0.1/32,::1',
    });
    untrusted = startServer(await freePort(), {
      PODTRAIL_AUTH: 'proxy',
      PODTRAIL_AUTH_PROXY_ADDRESSES: '10.9.9.9',
    });
    await Promise.all([whenListening(trusted), whenListening(untrusted)]);
  });
  test.afterAll(async () => {
    await trusted?.stop();
    await untrusted?.stop();
  });

  test('identity headers count only from the configured proxy address', async ({ request }) => {
    const { pages, apis } = await everyRoute(request);
    const who = { 'x-forwarded-user': 'ana@example.com', 'x-forwarded-groups': 'sre' };
    for (const route of [...pages, ...apis]) {
      expect((await get(trusted.url + route)).status, `${route} without a user`).toBe(401);
      expect((await get(trusted.url + route, who)).status, `${route} via the proxy`).toBeLessThan(
        400,
      );
      // From anywhere else the same headers are a forgery, also with a forged peer stamp.
      const forged = { ...who, 'x-podtrail-peer': '10.9.9.9', 'x-podtrail-peer-key': 'guess' };
      expect((await get(untrusted.url + route, forged)).status, `${route} forged`).toBe(401);
    }
  });
});
