// Crash → SSE client latency: a viewer follows one pod; the sandbox crashes its running container
// and we time until the stream shows that container run terminated.
import type { LiveMessage } from '../lib/views/types';
import { startBenchEnv, until } from './bench-env';
import { openViewer } from './sse-harness';

const ns = 'oom-no-limit';

function runs(message: LiveMessage | undefined) {
  if (message?.type !== 'pod') return [];
  return message.data.diagnosis.containers.flatMap((c) => c.runs);
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

/** Prints p50/p95/max of crash → SSE latency over `count` crashes. */
export async function benchCrashLatency(count: number): Promise<void> {
  const env = await startBenchEnv({
    scenarios: [ns],
    backoff: { initialMs: 100, maxMs: 200, resetMs: 600_000 },
  });
  try {
    const pod = env.sandbox.control.crash(ns)[0];
    if (!pod) throw new Error('bench: no running pod to crash');
    let last: LiveMessage | undefined;
    let waiting: { containerID: string; resolve: (at: number) => void } | undefined;
    const viewer = openViewer(
      `${env.streamUrl}?scope=pod&cluster=sandbox&namespace=${ns}&pod=${pod}`,
      (message, at) => {
        if (message.type !== 'pod') return;
        last = message;
        const done = runs(message).some(
          (r) => r.containerID === waiting?.containerID && r.state === 'terminated',
        );
        if (waiting && done) waiting.resolve(at);
      },
    );
    const latencies: number[] = [];
    for (let i = 0; i < count; i += 1) {
      await until(
        () => runs(last).some((r) => r.state === 'running' && r.containerID),
        30_000,
        'a running container',
      );
      const running = runs(last).find((r) => r.state === 'running' && r.containerID);
      const arrived = new Promise<number>(
        (resolve) => (waiting = { containerID: running?.containerID ?? '', resolve }),
      );
      const t0 = performance.now();
      if (env.sandbox.control.crash(ns, pod).length === 0) continue;
      latencies.push((await arrived) - t0);
      waiting = undefined;
    }
    viewer.close();
    const sorted = [...latencies].sort((a, b) => a - b);
    console.log(
      `crash→SSE over ${sorted.length} crashes: p50=${percentile(sorted, 50).toFixed(0)}ms  ` +
        `p95=${percentile(sorted, 95).toFixed(0)}ms  max=${(sorted.at(-1) ?? NaN).toFixed(0)}ms`,
    );
  } finally {
    await env.stop();
  }
}
