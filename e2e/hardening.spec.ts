// Journey: a dashboard that is safe to leave running. Every page, API answer and stream carries
// the security headers and nothing that locates the cluster (no server URL, no kubeconfig path);
// a Host name it does not serve is refused (DNS rebinding); a huge chunked upload is refused as
// it arrives; hostile log lines, events and annotations render as text.
import { expect, test, type APIRequestContext } from '@playwright/test';
import http from 'node:http';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sandboxUrl, scenarioPod, screenshot } from './helpers';

const base = new URL(`http://127.0.0.1:${process.env.E2E_PORT ?? 3107}`);
const sandbox = new URL(sandboxUrl);

/** A raw HTTP request (Playwright's client always sends the URL's own Host). */
function raw(
  pathname: string,
  headers: Record<string, string>,
  method = 'GET',
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: base.hostname, port: base.port, path: pathname, method, headers },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => {
          body += c;
          if (body.length > 4096) res.destroy();
        });
        const done = () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body });
        res.on('end', done);
        res.on('close', done);
      },
    );
    req.on('error', reject);
    req.end();
  });
}

/** The first bytes of an event stream (it never ends by itself). */
async function streamHead(pathname: string): Promise<{ headers: Headers; text: string }> {
  const controller = new AbortController();
  const response = await fetch(new URL(pathname, base), { signal: controller.signal });
  const reader = response.body!.getReader();
  let text = '';
  while (!text.includes('"type":"snapshot"') && !text.includes('"type":"board"')) {
    const { value, done } = await reader.read();
    if (done || text.length > 200_000) break;
    text += new TextDecoder().decode(value);
    if (text.split('data:').length > 2) break;
  }
  controller.abort();
  return { headers: response.headers, text };
}

async function everyRoute(request: APIRequestContext): Promise<string[]> {
  const row = await scenarioPod(request, 'oom-no-limit');
  const pod = `/c/sandbox/ns/${row.namespace}/pods/${row.pod}`;
  const api = `/api/clusters/sandbox/namespaces/${row.namespace}`;
  const kind = row.kind.toLowerCase();
  return [
    '/',
    '/?kiosk=1',
    '/import',
    pod,
    `${pod}/report`,
    `/c/sandbox/ns/${row.namespace}/${kind}/${row.name}`,
    '/api/health',
    '/api/clusters',
    '/api/board',
    `${api}/pods/${row.pod}`,
    `${api}/pods/${row.pod}/log?container=report-builder&previous=true`,
    `${api}/workloads/${row.kind}/${row.name}`,
  ];
}

test('no page, API answer or stream names the API server or a kubeconfig path', async ({
  request,
}) => {
  const leaks = [sandbox.origin, sandbox.host, `:${sandbox.port}`, 'kubeconfig', 'podtrail-e2e-'];
  const routes = await everyRoute(request);
  for (const route of routes) {
    const response = await request.get(route);
    expect(response.status(), route).toBeLessThan(500);
    const body = await response.text();
    for (const leak of leaks) expect(body, `${route} carries ${leak}`).not.toContain(leak);
  }
  const row = await scenarioPod(request, 'oom-no-limit');
  for (const stream of [
    '/api/stream?scope=board',
    `/api/stream?scope=pod&cluster=sandbox&namespace=${row.namespace}&pod=${row.pod}`,
  ]) {
    const { text } = await streamHead(stream);
    expect(text, stream).toContain('data:');
    for (const leak of leaks) expect(text, `${stream} carries ${leak}`).not.toContain(leak);
  }
});

test('every response carries the security headers; scripts run only with the nonce', async ({
  page,
  request,
}) => {
  const routes = [...(await everyRoute(request)), '/api/stream?scope=board'];
  for (const route of routes) {
    const headers = route.startsWith('/api/stream')
      ? Object.fromEntries((await streamHead(route)).headers)
      : (await request.get(route)).headers();
    const csp = headers['content-security-policy'] ?? '';
    expect(csp, route).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(csp, route).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(csp, route).toContain("frame-ancestors 'none'");
    expect(headers['x-content-type-options'], route).toBe('nosniff');
    expect(headers['referrer-policy'], route).toBe('no-referrer');
  }
  // Every script in the server's HTML carries this response's nonce (scripts Next.js adds later
  // are trusted through 'strict-dynamic'), and the page still works under the policy.
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  const response = await page.goto('/');
  const nonce = /'nonce-([^']+)'/.exec(response!.headers()['content-security-policy'] ?? '')?.[1];
  const html = await response!.text();
  const tags = html.match(/<script\b[^>]*>/g) ?? [];
  expect(tags.length).toBeGreaterThan(0);
  for (const tag of tags) expect(tag).toContain(`nonce="${nonce}"`);
  // No inline event-handler attributes anywhere in the markup.
  for (const tag of html.match(/<[a-z][^>]*>/gi) ?? []) expect(tag).not.toMatch(/\son[a-z]+=/i);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByTestId('board-table')).toContainText('report-builder');
  expect(violations).toEqual([]);
});

test('a Host name it does not serve gets 421 on every kind of route', async () => {
  for (const route of ['/', '/api/board', '/api/stream?scope=board', '/api/health']) {
    const answer = await raw(route, { host: 'evil.example' });
    expect(answer.status, route).toBe(421);
    expect(answer.body).toContain('PODTRAIL_ALLOWED_HOSTS');
  }
  const upload = await raw('/api/diagnose', { host: 'evil.example:80' }, 'POST');
  expect(upload.status).toBe(421);
  expect((await raw('/api/health', { host: `localhost:${base.port}` })).status).toBe(200);
});

test('a 300 MiB chunked upload is refused with 413 long before it is read whole', async () => {
  const chunk = Buffer.alloc(1024 * 1024, 'a');
  const total = 300;
  const result = await new Promise<{ status: number; body: string; sentMiB: number }>(
    (resolve, reject) => {
      let sent = 0;
      let answered = false;
      const req = http.request({
        host: base.hostname,
        port: base.port,
        path: '/api/diagnose',
        method: 'POST',
        headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
      });
      req.on('response', (res) => {
        answered = true;
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => {
          resolve({ status: res.statusCode ?? 0, body, sentMiB: sent });
          req.destroy();
        });
      });
      req.on('error', (error) => (answered ? undefined : reject(error)));
      const pump = () => {
        while (!answered && sent < total) {
          sent += 1;
          if (!req.write(chunk)) {
            req.once('drain', pump);
            return;
          }
        }
        if (!answered) req.end();
      };
      req.write('{"files":[{"name":"huge.log","text":"');
      pump();
    },
  );
  expect(result.status).toBe(413);
  expect(result.body).toContain('Upload is larger than 5242880 bytes');
  // Sockets buffer a few MiB each way; the server stopped reading at the 5 MiB cap.
  expect(result.sentMiB).toBeLessThan(64);
});

const hostileLog = [
  '2026-11-30T03:00:00.000Z starting worker',
  '<script>document.title="pwned-by-script"</script>',
  '<img src=x onerror="document.title=\'pwned-by-img\'">',
  '"><svg onload="document.title=\'pwned-by-svg\'"></svg>',
  '\u001b[31mERROR\u001b[0m \u001b[1;33mcolourful\u001b[0m failure',
  `long ${'x'.repeat(200_000)} end-of-long-line`,
  'Error: cannot allocate memory: \ufffd\ufffd invalid bytes',
].join('\n');

test('hostile log lines, events and annotations render as text', async ({ page }) => {
  const describe = readFileSync(
    path.join(__dirname, 'fixtures', 'describe-oom-no-limit.txt'),
    'utf8',
  )
    .replace(
      'Annotations:      <none>',
      'Annotations:      evil: <img src=x onerror="document.title=\'pwned-by-annotation\'">',
    )
    .replace(
      'Back-off restarting failed container report-builder in pod',
      'Back-off <script>document.title="pwned-by-event"</script> restarting failed container report-builder in pod',
    );
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/import');
  const title = await page.title();
  await page.getByLabel(/Paste kubectl output/).fill(`${describe}\n${hostileLog}\n`);
  await page.getByRole('button', { name: 'Diagnose' }).click();
  const result = page.getByTestId('import-result');
  await expect(result).toBeVisible();
  await expect(result).toContainText('<script>document.title="pwned-by-script"</script>');
  await expect(result).toContainText('<img src=x onerror=');
  // Nothing was parsed as markup: no injected element exists and no handler ran.
  await expect(page.locator('img[src="x"], svg[onload], script:text("pwned")')).toHaveCount(0);
  expect(await page.title()).toBe(title);
  expect(dialogs).toEqual([]);
  // ANSI colour codes are not shown as escape garbage; the words are.
  await expect(result).toContainText('ERROR colourful failure');
  await expect(result).not.toContainText('\u001b[31m');
  await expect(result).not.toContainText('[31m');
  // The 200 kB line is there and the page stays usable (wrapping keeps it in its box).
  await expect(result).toContainText('end-of-long-line');
  await screenshot(page, 'hostile-log-lines');
});

test('invalid UTF-8 and binary uploads get an answer, not a crash', async ({ request }) => {
  const bytes = Buffer.concat([
    Buffer.from('Error: connect ECONNREFUSED 10.0.0.1:5432\n'),
    Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0x00, 0x1b, 0x5b, 0x33, 0x31, 0x6d]),
    Buffer.from('\nOOMKilled\n'),
  ]);
  const response = await request.post('/api/diagnose', {
    multipart: { log: { name: 'previous.log', mimeType: 'text/plain', buffer: bytes } },
  });
  expect(response.status()).toBe(200);
  expect((await response.json()).kinds[0]).toMatchObject({ file: 'previous.log' });
  const garbage = await request.post('/api/diagnose', {
    headers: { 'content-type': 'application/json' },
    data: Buffer.from([0x00, 0xff, 0x13, 0x37]),
  });
  expect(garbage.status()).toBe(400);
  expect((await garbage.json()).error).toMatch(/Send JSON/);
});
