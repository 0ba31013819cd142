import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandboxCluster, type SandboxCluster } from '@/lib/k8s/test-support/sandbox-cluster';
import { createRuntime, setRuntime, stopRuntime, type Runtime } from '@/lib/views';
import { GET as getBoard } from './board/route';
import { GET as getHealth } from './health/route';
import { POST as postDiagnose } from './diagnose/route';
import { GET as getPod } from './clusters/[cluster]/namespaces/[namespace]/pods/[pod]/route';
import { GET as getLog } from './clusters/[cluster]/namespaces/[namespace]/pods/[pod]/log/route';
import { GET as getStream } from './stream/route';

let env: SandboxCluster;
let runtime: Runtime;
beforeAll(async () => {
  env = await startSandboxCluster({ scenarios: ['oom-no-limit'] });
  runtime = createRuntime({ clusters: [env.cluster], history: false });
  setRuntime(runtime);
});
afterAll(async () => {
  setRuntime(undefined);
  await stopRuntime(runtime);
  await env.stop();
});

const podParams = (pod: string) => ({
  params: Promise.resolve({ cluster: 'sandbox', namespace: 'oom-no-limit', pod }),
});

describe('route handlers', () => {
  it('reports health with the configured clusters by context name, without URLs', async () => {
    const response = await getHealth(new Request('http://t/api/health'));
    const text = await response.text();
    expect(response.status).toBe(200);
    expect(JSON.parse(text)).toMatchObject({
      ok: true,
      clusters: [{ name: 'sandbox', state: 'synced' }],
      history: 'disabled',
    });
    expect(text).not.toContain(env.cluster.server);
  });

  it('answers liveness without asking a cluster', async () => {
    const response = await getHealth(new Request('http://t/api/health?live=1'));
    expect(await response.json()).toEqual({ ok: true, live: true });
  });

  it('answers 400 naming the bad query parameter', async () => {
    const response = await getBoard(new Request('http://t/api/board?severity=urgent'));
    expect(response.status).toBe(400);
    expect((await response.json()).error).toMatch(/^Invalid severity/);
  });

  it('answers 404 JSON for a pod neither the cluster nor history knows', async () => {
    const response = await getPod(new Request('http://t'), podParams('ghost'));
    expect(response.status).toBe(404);
    expect((await response.json()).error).toContain('oom-no-limit/ghost');
  });

  it('serves the previous log of a crashed container', async () => {
    const board = await (await getBoard(new Request('http://t/api/board'))).json();
    const row = board.rows[0];
    const pod = await (await getPod(new Request('http://t'), podParams(row.pod))).json();
    const container = pod.diagnosis.containers[0].name;
    const url = `http://t/log?container=${container}&previous=true`;
    const log = await (await getLog(new Request(url), podParams(row.pod))).json();
    expect(log).toMatchObject({ container, kind: 'previous', truncated: false });
    expect(log.text.length).toBeGreaterThan(0);
  });

  it('answers a malformed upload with 400, the parser’s message and its line', async () => {
    const text = '{\n  "apiVersion": "v1",\n  "kind": "Pod",\n  "metadata": { "name": "x", }\n}\n';
    const request = new Request('http://localhost/api/diagnose', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ files: [{ name: 'pod.json', text }] }),
    });
    const response = await postDiagnose(request);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      error: expect.stringContaining('broken JSON'),
      line: 4,
    });
  });

  it('answers input that is not kubectl output or a log with 400 and what it expected', async () => {
    const form = new FormData();
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    form.append('file', new Blob([png]), 'screenshot.png');
    const response = await postDiagnose(
      new Request('http://localhost/api/diagnose', { method: 'POST', body: form }),
    );
    expect(response.status).toBe(400);
    expect((await response.json()).error).toMatch(
      /^screenshot\.png: This is a PNG image, not text\. Expected text that kubectl printed/,
    );
  });

  it('accepts multipart uploads', async () => {
    const form = new FormData();
    form.append('log', new Blob(['Error: connect ECONNREFUSED 10.0.0.1:5432\n']), 'previous.log');
    const response = await postDiagnose(
      new Request('http://localhost/api/diagnose', { method: 'POST', body: form }),
    );
    expect(response.status).toBe(200);
    expect((await response.json()).kinds[0]).toMatchObject({ file: 'previous.log', kind: 'log' });
  });

  it('streams the board as server-sent events', async () => {
    const abort = new AbortController();
    const response = await getStream(
      new Request('http://t/api/stream?scope=board', { signal: abort.signal }),
    );
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const reader = response.body!.getReader();
    let text = '';
    while (!text.includes('data: ')) text += new TextDecoder().decode((await reader.read()).value);
    while (!text.slice(text.indexOf('data: ')).includes('\n\n'))
      text += new TextDecoder().decode((await reader.read()).value);
    const data = text.slice(
      text.indexOf('data: ') + 6,
      text.indexOf('\n\n', text.indexOf('data: ')),
    );
    expect(JSON.parse(data)).toMatchObject({ type: 'board', data: { rows: expect.any(Array) } });
    abort.abort();
    await reader.cancel();
  });

  it('answers 403 with the API server’s words for a pod in a namespace Podtrail may not read', async () => {
    env.sandbox.control.forbid('oom-no-limit');
    const fresh = createRuntime({ clusters: [env.cluster], history: false });
    setRuntime(fresh);
    try {
      const response = await getPod(new Request('http://t'), podParams('report-builder-0'));
      expect(response.status).toBe(403);
      expect((await response.json()).error).toContain('forbidden');
    } finally {
      setRuntime(runtime);
      env.sandbox.control.allow('oom-no-limit');
      await stopRuntime(fresh);
    }
  });
});
