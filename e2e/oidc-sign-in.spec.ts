// Journey: sign-in through a real OpenID Connect provider (mockoidc, built from Go modules by
// scripts/build-peers.sh). Before sign-in every route refuses; an unauthenticated deep link goes
// to the provider and comes back to that link signed in; a callback whose state or nonce is not
// the one this browser started with is refused; the allowed-groups check and sign-out hold.
import { expect, test } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { peerPath } from '../contract/peers';
import { scenarioPod, screenshot } from './helpers';
import { freePort, startServer, whenListening, type ServerProcess } from './server-process';

// A fresh server answers each route's first request cold; on 2 busy cores that takes a while.
test.describe.configure({ mode: 'serial', timeout: 180_000 });

const clientSecret = 'e2e-oidc-client-secret-5b0e';
let provider: ChildProcess | undefined;
let control = '';
let server: ServerProcess;

interface Person {
  subject: string;
  email: string;
  groups: string[];
}

/** Queues who the provider signs in next (its default user is jane.doe@example.com). */
async function nextUser(person: Person): Promise<void> {
  const response = await fetch(`${control}/next-user`, {
    method: 'POST',
    body: JSON.stringify(person),
  });
  expect(response.status).toBe(204);
}

function startProvider(): Promise<{ issuer: string; control: string }> {
  provider = spawn(peerPath('mockoidc'), ['--port', '0', '--client-secret', clientSecret], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    provider!.stdout!.once('data', (chunk: Buffer) => resolve(JSON.parse(chunk.toString())));
    provider!.once('exit', (code) => reject(new Error(`mockoidc exited with ${code}`)));
  });
}

test.beforeAll(async () => {
  const ready = await startProvider();
  control = ready.control;
  // Free ports for the dashboard and the provider: parallel specs never share one.
  const dashboardPort = await freePort();
  server = startServer(dashboardPort, {
    PODTRAIL_AUTH: 'oidc',
    PODTRAIL_OIDC_ISSUER: ready.issuer,
    PODTRAIL_OIDC_CLIENT_ID: 'podtrail',
    PODTRAIL_OIDC_CLIENT_SECRET: clientSecret,
    PODTRAIL_OIDC_SCOPES: 'openid email profile groups',
    PODTRAIL_OIDC_ALLOWED_GROUPS: 'engineering,sre',
    PODTRAIL_PUBLIC_URL: `http://127.0.0.1:${dashboardPort}`,
    PODTRAIL_SESSION_SECRET: 'e2e-oidc-session-secret-0123456789',
  });
  await whenListening(server);
});
test.afterAll(async () => {
  await server?.stop();
  provider?.kill('SIGTERM');
});

/** GET without following redirects; streams are not read. */
async function get(url: string, headers: Record<string, string> = {}) {
  const controller = new AbortController();
  const response = await fetch(url, { redirect: 'manual', headers, signal: controller.signal });
  const type = response.headers.get('content-type') ?? '';
  const body = type.includes('event-stream') ? '' : await response.text();
  controller.abort();
  return {
    status: response.status,
    location: response.headers.get('location') ?? '',
    cookies: response.headers.getSetCookie(),
    body,
  };
}

/** `name=value` of a Set-Cookie list. */
function cookiePair(setCookies: string[], name: string): string {
  const found = setCookies.find((c) => c.startsWith(`${name}=`));
  expect(found, `Set-Cookie ${name}`).toBeDefined();
  return found!.split(';')[0]!;
}

/**
 * One sign-in by hand: start (transaction cookie + authorize URL), let `tamper` change the
 * authorize URL, let the provider answer, then present its callback with the cookie.
 */
async function signInByHand(tamper: (authorize: URL) => void) {
  const start = await get(
    `${server.url}/api/auth/oidc/start?next=${encodeURIComponent('/import')}`,
  );
  expect(start.status).toBe(303);
  const transaction = cookiePair(start.cookies, 'podtrail_oidc');
  const authorize = new URL(start.location);
  tamper(authorize);
  const atProvider = await get(authorize.href);
  expect(atProvider.status, atProvider.body).toBe(302);
  const callback = new URL(atProvider.location);
  expect(callback.pathname).toBe('/api/auth/oidc/callback');
  return get(callback.href, { cookie: transaction });
}

test('every page, API route and stream refuses before sign-in', async ({ request }) => {
  const row = await scenarioPod(request, 'oom-no-limit');
  const api = `/api/clusters/sandbox/namespaces/${row.namespace}`;
  const pod = `/c/sandbox/ns/${row.namespace}/pods/${row.pod}`;
  for (const route of ['/', '/import', pod, `${pod}/report`]) {
    const answer = await get(server.url + route);
    expect(answer.status, route).toBe(303);
    expect(answer.location, route).toBe(`/sign-in?next=${encodeURIComponent(route)}`);
  }
  const apis = [
    '/api/clusters',
    '/api/board',
    `${api}/pods/${row.pod}`,
    `${api}/pods/${row.pod}/log?container=report-builder&previous=true`,
    `${api}/workloads/${row.kind}/${row.name}`,
    '/api/stream?scope=board',
    `/api/stream?scope=pod&cluster=sandbox&namespace=${row.namespace}&pod=${row.pod}`,
  ];
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
});

test('an unauthenticated deep link goes to the provider and comes back to it signed in', async ({
  page,
  request,
}) => {
  const row = await scenarioPod(request, 'oom-no-limit');
  const deep = `/c/sandbox/ns/${row.namespace}/pods/${row.pod}?container=report-builder`;
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(server.url + deep);
  await expect(page).toHaveURL(/\/sign-in\?next=/);
  await expect(page.getByText(deep)).toBeVisible();
  await screenshot(page, 'oidc-sign-in');
  await page.getByRole('link', { name: /Sign in with 127\.0\.0\.1/ }).click();
  await expect(page).toHaveURL(server.url + deep);
  await expect(page.getByTestId('cause')).toBeVisible({ timeout: 90_000 });
  const cookies = await page.context().cookies(server.url);
  expect(cookies.find((c) => c.name === 'podtrail_session')).toMatchObject({
    httpOnly: true,
    secure: true,
    sameSite: 'Lax',
  });
  // The session opens the APIs too.
  const board = await page.request.get(`${server.url}/api/board`);
  expect(board.status()).toBe(200);
  // Signing out ends it: the next page asks to sign in again.
  const out = await page.request.post(`${server.url}/api/auth/sign-out`, { maxRedirects: 0 });
  expect(out.status()).toBe(303);
  await page.goto(`${server.url}/import`);
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fimport/);
});

test('a callback with another state or nonce than this browser started with is refused', async () => {
  // The untouched flow signs in (so the refusals below are the checks, not a broken setup).
  const right = await signInByHand(() => undefined);
  expect(right.status).toBe(303);
  expect(right.location).toBe('/import');
  cookiePair(right.cookies, 'podtrail_session');

  const wrongState = await signInByHand((u) => u.searchParams.set('state', 'forged-state-1234'));
  expect(wrongState.status).toBe(303);
  expect(wrongState.location).toBe('/sign-in?error=oidc');
  expect(wrongState.cookies.some((c) => c.startsWith('podtrail_session='))).toBe(false);
  expect(server.output()).toMatch(/sign-in refused: .*"state"/);

  const wrongNonce = await signInByHand((u) => u.searchParams.set('nonce', 'forged-nonce-5678'));
  expect(wrongNonce.location).toBe('/sign-in?error=oidc');
  expect(wrongNonce.cookies.some((c) => c.startsWith('podtrail_session='))).toBe(false);
  expect(server.output()).toMatch(/sign-in refused: .*"nonce"/);

  // A callback without the attempt's cookie (started in another browser) is refused as well.
  const stray = await get(`${server.url}/api/auth/oidc/callback?code=made-up&state=made-up`);
  expect(stray.location).toBe('/sign-in?error=oidc');
});

test('someone outside the allowed groups is signed in at the provider but not here', async ({
  page,
}) => {
  await nextUser({ subject: 'u-42', email: 'mallory@example.com', groups: ['contractors'] });
  await page.goto(`${server.url}/sign-in?next=%2F`);
  await page.getByRole('link', { name: /Sign in with 127\.0\.0\.1/ }).click();
  await expect(page).toHaveURL(`${server.url}/sign-in?error=not-allowed`);
  await expect(page.getByText('admits only some groups')).toBeVisible();
  expect(server.output()).toContain(
    'mallory@example.com is not in PODTRAIL_OIDC_ALLOWED_GROUPS or PODTRAIL_OIDC_ALLOWED_EMAILS',
  );
  const cookies = await page.context().cookies(server.url);
  expect(cookies.some((c) => c.name === 'podtrail_session')).toBe(false);
});

test('someone in too many groups for a cookie is told so, not sent round in circles', async ({
  page,
}) => {
  const groups = ['engineering', ...Array.from({ length: 400 }, (_, i) => `team-${i}`)];
  await nextUser({ subject: 'u-43', email: 'many@example.com', groups });
  await page.goto(`${server.url}/sign-in?next=%2F`);
  await page.getByRole('link', { name: /Sign in with 127\.0\.0\.1/ }).click();
  await expect(page).toHaveURL(`${server.url}/sign-in?error=oidc`);
  expect(server.output()).toContain(
    'many@example.com is in 401 groups, too many for a session cookie',
  );
});
