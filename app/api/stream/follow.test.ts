// One stream for many scopes: the frames a browser's shared connection relays to its tabs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandboxCluster, type SandboxCluster } from '@/lib/k8s/test-support/sandbox-cluster';
import { createRuntime, setRuntime, stopRuntime, type Runtime } from '@/lib/views';
import { GET as getStream } from './route';

const ns = 'oom-no-limit';
let env: SandboxCluster;
let runtime: Runtime;
beforeAll(async () => {
  env = await startSandboxCluster({ scenarios: [ns] });
  runtime = createRuntime({ clusters: [env.cluster], history: false });
  setRuntime(runtime);
});
afterAll(async () => {
  setRuntime(undefined);
  await stopRuntime(runtime);
  await env.stop();
});

/** Reads `data:` frames until `enough` holds. */
async function readFrames(
  body: ReadableStream<Uint8Array>,
  enough: (frames: Array<Record<string, unknown>>) => boolean,
): Promise<Array<Record<string, unknown>>> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const frames: Array<Record<string, unknown>> = [];
  let buffer = '';
  while (!enough(frames)) {
    const chunk = await reader.read();
    if (chunk.done) break;
    buffer += decoder.decode(chunk.value, { stream: true });
    for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
      const data = buffer
        .slice(0, end)
        .split('\n')
        .find((l) => l.startsWith('data: '));
      buffer = buffer.slice(end + 2);
      if (data) frames.push(JSON.parse(data.slice(6)) as Record<string, unknown>);
    }
  }
  await reader.cancel();
  return frames;
}

describe('GET /api/stream?follow=…', () => {
  it('carries every followed scope on one stream, each frame tagged with its follow', async () => {
    const [pod] = env.sandbox.control.crash(ns);
    const board = `scope=board&namespace=${ns}`;
    const podScope = `scope=pod&cluster=sandbox&namespace=${ns}&pod=${pod ?? ''}`;
    const query = [board, podScope].map((f) => `follow=${encodeURIComponent(f)}`).join('&');
    const abort = new AbortController();
    const response = await getStream(
      new Request(`http://t/api/stream?${query}`, { signal: abort.signal }),
    );
    expect(response.status).toBe(200);
    const frames = await readFrames(response.body!, (f) =>
      [board, podScope].every((k) => f.some((x) => x.follow === k)),
    );
    abort.abort();
    const boardFrame = frames.find((f) => f.follow === board);
    const podFrame = frames.find((f) => f.follow === podScope);
    expect(boardFrame).toMatchObject({ type: 'board', data: { rows: expect.any(Array) } });
    expect(podFrame).toMatchObject({ type: 'pod', data: { diagnosis: { pod: { name: pod } } } });
  });

  it('answers 400 naming the bad field of a followed scope', async () => {
    const follow = encodeURIComponent('scope=pod&cluster=sandbox');
    const response = await getStream(new Request(`http://t/api/stream?follow=${follow}`));
    expect(response.status).toBe(400);
    expect((await response.json()).error).toMatch(/^Invalid namespace/);
  });
});
